"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { createPassageLinkAction, linkableTurnsAction } from "@/app/actions/passage-links";
import type { FormState } from "@/lib/http/form-state";
import type { LinkableDocument, LinkableTurn, LinkTargets } from "@/lib/links/types";
import { passageName, useMarginPassage, type Passage } from "@/components/reader/useMarginPassage";

/**
 * "Link to another record" for the turn under the pointer, the tapped or focused turn, or the
 * turns a selection runs over: a small button in that turn's margin, under Cite (CiteTurn.tsx
 * finds the turn the same way). It opens a form: this passage's turns, the other record (a
 * searchable list of the documents the viewer may read) and its turns, a note, and where the
 * link is shared (everyone, for editors and instructors; or one of the viewer's courses, where
 * a student's link is a proposal until an instructor confirms it).
 */
export function LinkPassage({
  slug,
  documents,
  targets,
}: {
  slug: string;
  documents: LinkableDocument[];
  targets: LinkTargets;
}) {
  const { active, place, frame } = useMarginPassage();
  const [linking, setLinking] = useState<Passage | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  const open = (passage: Passage) => {
    setLinking(passage);
    dialog.current?.showModal();
  };

  return (
    <div className="link-passage" ref={frame}>
      {active !== null && place && (
        <button
          type="button"
          className="link-passage-button"
          style={{ top: place.top, left: place.left }}
          aria-label={`Link ${passageName(active)} to another record`}
          aria-haspopup="dialog"
          onClick={() => open(active)}
        >
          Link
        </button>
      )}
      <dialog
        ref={dialog}
        className="cite-dialog link-dialog"
        aria-labelledby="link-dialog-title"
        onClose={() => {
          if (linking) document.getElementById(`t-${linking.from}`)?.focus({ preventScroll: true });
          setLinking(null);
        }}
      >
        <div className="cite-dialog-head">
          <h2 id="link-dialog-title">Link to another record</h2>
          <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
        {linking && (
          <LinkForm
            key={`${linking.from}-${linking.to}`}
            slug={slug}
            passage={linking}
            documents={documents}
            targets={targets}
            done={() => dialog.current?.close()}
          />
        )}
      </dialog>
    </div>
  );
}

function LinkForm({
  slug,
  passage,
  documents,
  targets,
  done,
}: {
  slug: string;
  passage: Passage;
  documents: LinkableDocument[];
  targets: LinkTargets;
  done: () => void;
}) {
  const id = useId();
  const [state, action, pending] = useActionState<FormState, FormData>(createPassageLinkAction, {});
  const [search, setSearch] = useState("");
  const [other, setOther] = useState<string>("");
  const [turns, setTurns] = useState<LinkableTurn[] | null>(null);
  const [turnsError, setTurnsError] = useState<string | null>(null);
  const [first, setFirst] = useState("");
  const [last, setLast] = useState("");
  const others = documents.filter((document) => document.slug !== slug);
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = others.filter((document) =>
    words.every((word) => `${document.title} ${document.date ?? ""}`.toLowerCase().includes(word)),
  );

  useEffect(() => {
    if (state.notice) {
      const timer = setTimeout(done, 1200);
      return () => clearTimeout(timer);
    }
  }, [state, done]);

  async function choose(chosen: string) {
    setOther(chosen);
    setTurns(null);
    setTurnsError(null);
    const form = new FormData();
    form.set("slug", chosen);
    const outcome = await linkableTurnsAction(form);
    if (outcome.ok) {
      setTurns(outcome.value);
      setFirst(String(outcome.value[0]?.anchor ?? ""));
      setLast(String(outcome.value[0]?.anchor ?? ""));
    } else setTurnsError(outcome.error);
  }

  const error = (field: string) => state.fields?.[field];
  return (
    <form action={action} className="link-form">
      <input type="hidden" name="fromSlug" value={slug} />
      <fieldset>
        <legend>This passage</legend>
        <label>
          First turn{" "}
          <input
            name="fromFirst"
            type="number"
            min={1}
            inputMode="numeric"
            defaultValue={passage.from}
            required
          />
        </label>
        <label>
          Last turn{" "}
          <input
            name="fromLast"
            type="number"
            min={1}
            inputMode="numeric"
            defaultValue={passage.to}
            required
          />
        </label>
        {error("fromLast") && <p className="field-error">{error("fromLast")}</p>}
      </fieldset>
      <fieldset>
        <legend>The other record</legend>
        <label htmlFor={`${id}-search`}>Search the library</label>
        <input
          id={`${id}-search`}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          placeholder="Title or date"
        />
        <div className="link-documents" role="radiogroup" aria-label="Documents">
          {shown.length === 0 && <p>No document matches.</p>}
          {shown.map((document) => (
            <label key={document.slug} className="link-document">
              <input
                type="radio"
                name="toSlug"
                value={document.slug}
                checked={other === document.slug}
                onChange={() => void choose(document.slug)}
                required
              />{" "}
              {document.title}
              {document.date && <span className="link-document-date"> ({document.date})</span>}
            </label>
          ))}
        </div>
        {error("toSlug") && <p className="field-error">{error("toSlug")}</p>}
        {other && !turns && !turnsError && <p role="status">Loading its turns…</p>}
        {turnsError && <p role="alert">{turnsError}</p>}
        {turns && (
          <>
            <label>
              From turn
              <select
                name="toFirst"
                value={first}
                onChange={(event) => setFirst(event.target.value)}
              >
                {turns.map((turn) => (
                  <option key={turn.anchor} value={turn.anchor}>
                    {turn.anchor}
                    {turn.speaker ? ` — ${turn.speaker}` : ""}: {turn.opening}
                  </option>
                ))}
              </select>
            </label>
            <label>
              To turn
              <select name="toLast" value={last} onChange={(event) => setLast(event.target.value)}>
                {turns
                  .filter((turn) => turn.anchor >= Number(first))
                  .map((turn) => (
                    <option key={turn.anchor} value={turn.anchor}>
                      {turn.anchor}
                      {turn.speaker ? ` — ${turn.speaker}` : ""}: {turn.opening}
                    </option>
                  ))}
              </select>
            </label>
            {error("toLast") && <p className="field-error">{error("toLast")}</p>}
          </>
        )}
      </fieldset>
      <label>
        Note
        <textarea
          name="note"
          rows={3}
          maxLength={500}
          required
          placeholder="Why these are the same exchange"
          defaultValue={state.values?.note}
        />
      </label>
      {error("note") && <p className="field-error">{error("note")}</p>}
      <label>
        Shared with
        <select name="courseId" defaultValue={targets.everyone ? "" : targets.courses[0]?.id}>
          {targets.everyone && <option value="">Everyone who may read both documents</option>}
          {targets.courses.map((course) => (
            <option key={course.id} value={course.id}>
              {course.title}
              {course.proposes ? " (a proposal, until an instructor confirms it)" : ""}
            </option>
          ))}
        </select>
      </label>
      {state.error && <p role="alert">{state.error}</p>}
      {state.notice && <p role="status">{state.notice}</p>}
      <button type="submit" disabled={pending || !turns}>
        {pending ? "Saving…" : "Save link"}
      </button>
    </form>
  );
}
