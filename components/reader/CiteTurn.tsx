"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import {
  anchorOf,
  passageName,
  selectedTurns,
  singleTurn,
  useMarginPassage,
  type Passage,
} from "./useMarginPassage";

type Format = { id: string; label: string; text: string };
type Citations = { turn: number | null; url: string; formats: Format[] };
type Loaded =
  | { status: "loading" }
  | { status: "failed"; message: string }
  | { status: "ready"; citations: Citations };

/** The passage as the citations route asks for it: "12" or "12-14". */
const query = ({ from, to }: Passage) => (from === to ? `${from}` : `${from}-${to}`);

const editable = (node: EventTarget | null) =>
  node instanceof Element && !!node.closest("input, textarea, select, [contenteditable='true']");

/**
 * "Cite" for the turn under the pointer, the tapped turn, the focused one (j/k), or the turns a
 * selection runs over ("Cite turns 12–14", in the first one's margin): one small
 * button in that turn's margin rather than one per turn in the transcript's HTML, which stays
 * lean for 2,000-turn documents (Transcript.tsx). It opens a dialog with the turn cited in
 * Chicago (note and bibliography), BibTeX, RIS and CSL-JSON, each with a Copy button and the
 * text itself to select by hand where the clipboard is refused. `c` cites the focused turn.
 */
export function CiteTurn({ slug }: { slug: string }) {
  const { active, place, frame } = useMarginPassage();
  const [cited, setCited] = useState<Passage | null>(null);
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });
  const dialog = useRef<HTMLDialogElement>(null);
  const kept = useRef(new Map<string, Citations>());

  const open = useCallback(
    async (passage: Passage) => {
      setCited(passage);
      if (!dialog.current?.open) dialog.current?.showModal();
      const key = query(passage);
      const known = kept.current.get(key);
      if (known) return setLoaded({ status: "ready", citations: known });
      setLoaded({ status: "loading" });
      try {
        const response = await fetch(
          `/api/documents/${encodeURIComponent(slug)}/citations?turn=${key}`,
        );
        const body = await response.json();
        if (!response.ok) throw new Error(body?.error?.message ?? "The citation could not load.");
        kept.current.set(key, body);
        setLoaded({ status: "ready", citations: body });
      } catch (error) {
        const message =
          error instanceof Error && !(error instanceof TypeError)
            ? error.message
            : "The citation could not load: check the connection and try again.";
        setLoaded({ status: "failed", message });
      }
    },
    [slug],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "c" || event.altKey || event.ctrlKey || event.metaKey) return;
      if (editable(event.target) || dialog.current?.open) return;
      const anchor = anchorOf(document.activeElement);
      if (anchor === null) return;
      event.preventDefault();
      void open(selectedTurns() ?? singleTurn(anchor));
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [open]);

  return (
    <div className="cite-turn" ref={frame}>
      {active !== null && place && (
        <button
          type="button"
          className="cite-turn-button"
          style={{ top: place.top, left: place.left }}
          aria-label={`Cite ${passageName(active)}`}
          aria-haspopup="dialog"
          aria-keyshortcuts="c"
          onClick={() => void open(active)}
        >
          Cite
        </button>
      )}
      <dialog
        ref={dialog}
        className="cite-dialog"
        aria-labelledby="cite-dialog-title"
        onClose={() => {
          // Back to the turn cited, for keyboard and screen-reader users.
          if (cited) document.getElementById(`t-${cited.from}`)?.focus({ preventScroll: true });
        }}
      >
        <div className="cite-dialog-head">
          <h2 id="cite-dialog-title">Cite {cited && passageName(cited)}</h2>
          <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
        {loaded.status === "loading" && <p role="status">Loading the citations…</p>}
        {loaded.status === "failed" && <p role="alert">{loaded.message}</p>}
        {loaded.status === "ready" && (
          <>
            <p className="cite-permalink">
              Permalink: <a href={loaded.citations.url}>{loaded.citations.url}</a>
            </p>
            {loaded.citations.formats.map((format) => (
              <CitationText key={`${cited && query(cited)}-${format.id}`} format={format} />
            ))}
          </>
        )}
      </dialog>
    </div>
  );
}

/** One format: its name, a Copy button with its confirmation, and the text to select. */
function CitationText({ format }: { format: Format }) {
  const [copied, setCopied] = useState<"copied" | "select" | null>(null);
  const text = useRef<HTMLTextAreaElement>(null);
  const heading = `cite-${format.id}`;

  useEffect(() => {
    if (copied !== "copied") return;
    const timer = setTimeout(() => setCopied(null), 4000);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(format.text);
      setCopied("copied");
    } catch {
      // No clipboard (an insecure page, a refused permission): select the text to copy by hand.
      text.current?.focus();
      text.current?.select();
      setCopied("select");
    }
  }

  return (
    <section className="cite-format" aria-labelledby={heading}>
      <div className="cite-format-head">
        <h3 id={heading}>{format.label}</h3>
        <button type="button" className="secondary" onClick={() => void copy()}>
          Copy<span className="visually-hidden"> {format.label}</span>
        </button>
        <span role="status" className="cite-copied">
          {copied === "copied" && "Copied"}
          {copied === "select" && "Selected: press Ctrl+C (⌘C) to copy"}
        </span>
      </div>
      <textarea
        ref={text}
        readOnly
        aria-labelledby={heading}
        value={format.text}
        rows={Math.min(
          14,
          format.text.split("\n").length + (format.id.startsWith("chicago") ? 4 : 0),
        )}
        onFocus={(event) => event.currentTarget.select()}
        spellCheck={false}
      />
    </section>
  );
}
