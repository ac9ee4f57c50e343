"use client";

import Link from "next/link";
import { useActionState, useCallback, useEffect, useRef, useState } from "react";
import { deletePassageLinkAction, reviewPassageLinkAction } from "@/app/actions/passage-links";
import type { FormState } from "@/lib/http/form-state";
import type { DocumentLink } from "@/lib/links/types";

const turns = (first: number, last: number) =>
  first === last ? `turn ${first}` : `turns ${first}–${last}`;

/**
 * A document's links to passages of other records ("Linked records"), and the panel that shows
 * a link's counterpart passage beside the text: a side panel on a wide screen, a sheet from the
 * bottom on a phone. It opens from the list or from a turn's "Also recorded in" button (drawn
 * in the transcript's HTML, Transcript.tsx, and heard here on the document).
 */
export function PassageLinks({ slug, links }: { slug: string; links: DocumentLink[] }) {
  const [open, setOpen] = useState<DocumentLink | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const panel = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const byId = useRef(new Map<string, DocumentLink>());
  useEffect(() => {
    byId.current = new Map(links.map((link) => [link.id, link]));
  }, [links]);

  const show = useCallback((link: DocumentLink, from: HTMLElement | null) => {
    opener.current = from;
    setOpen(link);
  }, []);

  useEffect(() => {
    if (!open) return;
    if (!panel.current?.open) panel.current?.show();
    heading.current?.focus();
  }, [open]);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const button =
        event.target instanceof Element
          ? event.target.closest<HTMLButtonElement>(".passage-link-ref[data-link]")
          : null;
      const link = button && byId.current.get(button.dataset.link ?? "");
      if (link) show(link, button);
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [show]);

  const close = () => {
    panel.current?.close();
    setOpen(null);
    opener.current?.focus();
  };

  return (
    <>
      {links.length > 0 && (
        <section className="passage-links" aria-labelledby="passage-links-title">
          <h2 id="passage-links-title">Linked records</h2>
          <ul>
            {links.map((link) => (
              <li key={link.id}>
                <p>
                  <a href={`#t-${link.here.first}`}>
                    {turns(link.here.first, link.here.last).replace(/^t/, "T")}
                  </a>{" "}
                  ↔ <cite>{link.other.title}</cite>, {turns(link.other.first, link.other.last)}
                  <Status link={link} />
                </p>
                <p className="passage-link-note">{link.note}</p>
                <div className="passage-link-actions">
                  <button
                    type="button"
                    className="secondary"
                    aria-haspopup="dialog"
                    onClick={(event) => show(link, event.currentTarget)}
                  >
                    Show beside the text
                    <span className="visually-hidden">: {link.other.title}</span>
                  </button>
                  <Review slug={slug} link={link} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      <dialog
        ref={panel}
        className="passage-link-panel"
        aria-labelledby="passage-link-panel-title"
        onKeyDown={(event) => {
          if (event.key === "Escape") close();
        }}
      >
        {open && (
          <>
            <div className="passage-link-panel-head">
              <h2 id="passage-link-panel-title" tabIndex={-1} ref={heading}>
                Also recorded in: {open.other.title}
              </h2>
              <button type="button" className="secondary" onClick={close}>
                Close
              </button>
            </div>
            <p className="passage-link-meta">
              {turns(open.other.first, open.other.last).replace(/^t/, "T")}, linked to{" "}
              {turns(open.here.first, open.here.last)} here
              <Status link={open} />
            </p>
            <p className="passage-link-note">{open.note}</p>
            <ol className="passage-link-turns">
              {open.other.turns.map((turn) => (
                <li key={turn.anchor}>
                  <span className="passage-link-turn-number">{turn.anchor}</span>
                  <div>
                    {turn.speaker && <p className="speaker">{turn.speaker}</p>}
                    <p>{turn.text}</p>
                  </div>
                </li>
              ))}
            </ol>
            <p>
              <Link href={`/documents/${open.other.slug}#t-${open.other.first}`}>
                Open in its document
              </Link>
            </p>
          </>
        )}
      </dialog>
    </>
  );
}

function Status({ link }: { link: DocumentLink }) {
  const where = link.course ? ` in ${link.course.title}` : "";
  if (link.status === "confirmed")
    return link.course ? <span className="link-status">(linked{where})</span> : null;
  return (
    <span className={`link-status link-status--${link.status}`}>
      {link.status === "proposed" ? `Proposed${where}` : `Rejected${where}`}
      {link.author && `, by ${link.author}`}
    </span>
  );
}

/** Confirm or reject (the course's instructors), remove (author, instructors, editors). */
function Review({ slug, link }: { slug: string; link: DocumentLink }) {
  const [reviewed, review, reviewing] = useActionState<FormState, FormData>(
    reviewPassageLinkAction,
    {},
  );
  const [removed, remove, removing] = useActionState<FormState, FormData>(
    deletePassageLinkAction,
    {},
  );
  const message = reviewed.error ?? removed.error;
  return (
    <>
      {link.canReview && (
        <form action={review} className="passage-link-review">
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="linkId" value={link.id} />
          <button type="submit" name="decision" value="confirmed" disabled={reviewing}>
            Confirm link
          </button>
          <button
            type="submit"
            name="decision"
            value="rejected"
            className="secondary"
            disabled={reviewing}
          >
            Reject
          </button>
        </form>
      )}
      {link.canDelete && (
        <form action={remove}>
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="linkId" value={link.id} />
          <button type="submit" className="secondary" disabled={removing}>
            Remove link
          </button>
        </form>
      )}
      {message && <p role="alert">{message}</p>}
    </>
  );
}
