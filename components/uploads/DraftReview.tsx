"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import type { DraftEdit } from "@/lib/uploads/edits";
import type { DraftView } from "@/lib/uploads/drafts";

// The review screen's island: the importer's reading turn by turn, with its warnings; every
// correction is sent to PATCH /api/documents/<slug> at once (the draft is kept on the server, so
// the instructor can come back tomorrow), and the answer is what the screen shows next.

const KINDS = [
  ["speech", "Speech"],
  ["paragraph", "Narrative"],
  ["heading", "Heading"],
  ["note", "Footnote"],
  ["header", "Header"],
  ["attachment", "Attachment"],
] as const;

const METADATA = [
  ["title", "Title"],
  ["date", "Date (YYYY-MM-DD)"],
  ["time", "Time"],
  ["place", "Place"],
  ["archive", "Archive"],
  ["archiveUrl", "Source link"],
  ["citation", "Citation"],
] as const;

export function DraftReview({
  initial,
  backHref,
  destination,
  colours,
}: {
  initial: DraftView;
  /** The documents page the draft belongs to (where a discarded draft leaves the reviewer). */
  backHref: string;
  /** Where publishing puts it: the course's title, or "the public library". */
  destination: string;
  colours: Record<string, string>;
}) {
  const router = useRouter();
  const [draft, setDraft] = useState(initial);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [splitting, setSplitting] = useState<number | null>(null);
  const splitBox = useRef<HTMLTextAreaElement>(null);
  const base = `/api/documents/${encodeURIComponent(draft.slug)}`;
  const participants = draft.document.participants;
  const nameOf = (id: string | undefined) => participants.find((p) => p.id === id)?.name;
  const warningsFor = (index: number) => draft.warnings.filter((w) => w.turn === index);

  async function send(edits: DraftEdit[], done: string) {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(base, {
        method: "PATCH",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ edits }),
      });
      const answer = await response.json().catch(() => ({}));
      if (!response.ok) {
        setError(answer.error?.message ?? "The change could not be saved. Try again.");
        return false;
      }
      setDraft(answer.draft);
      setStatus(`${done} Saved.`);
      return true;
    } catch {
      setError("Memcon could not be reached; the change was not saved. Try again.");
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function publish() {
    setBusy(true);
    setError(null);
    const response = await fetch(`${base}/publish`, { method: "POST" }).catch(() => null);
    const answer = await response?.json().catch(() => ({}));
    setBusy(false);
    if (!response?.ok) {
      setError(answer?.error?.message ?? "Publishing failed. Try again.");
      return;
    }
    const orphans = answer.published.orphanedAnnotations;
    setStatus(
      `Published to ${destination}.${orphans ? ` ${orphans} annotation(s) could not be placed again; their authors were told.` : ""}`,
    );
    router.push(`/documents/${draft.slug}`);
  }

  async function discard() {
    if (!window.confirm("Discard this draft? The published document, if any, is not changed."))
      return;
    const response = await fetch(base, { method: "DELETE" }).catch(() => null);
    if (response?.ok) router.push(backHref);
    else setError("The draft could not be discarded. Try again.");
  }

  function saveMetadata(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const edit: Record<string, string> = { op: "metadata" };
    for (const [field] of METADATA) edit[field] = String(form.get(field) ?? "");
    void send([edit as DraftEdit], "Metadata updated.");
  }

  function addParticipant(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const name = String(form.get("name") ?? "").trim();
    const label = String(form.get("label") ?? "").trim();
    void send([{ op: "addParticipant", name, ...(label ? { label } : {}) }], `${name} added.`).then(
      (ok) => ok && element.reset(),
    );
  }

  return (
    <div className="draft-review">
      <h1>Review: {draft.document.title}</h1>
      <p className="meta">
        Read from {draft.sourceName} · {draft.turns.length} turns ·{" "}
        {draft.revises ? `a corrected version of “${draft.revises.title}”` : "not yet published"}
      </p>

      <div className="draft-actions">
        <button type="button" onClick={publish} disabled={busy}>
          {draft.revises ? "Publish the corrected version" : `Publish to ${destination}`}
        </button>
        <a href={`${base}/content`} className="button-link secondary" download>
          Download as content file
        </a>
        <button type="button" className="secondary" onClick={discard} disabled={busy}>
          Discard draft
        </button>
      </div>
      <p role="status" aria-live="polite" className="draft-status">
        {status}
      </p>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}

      {draft.diff && (
        <section aria-labelledby="diff-heading" className="panel draft-diff">
          <h2 id="diff-heading">What changes</h2>
          <p>
            {draft.diff.edited} turn(s) edited, {draft.diff.added} added, {draft.diff.removed}{" "}
            removed, {draft.diff.unchanged} unchanged. Annotations are placed again when you
            publish; those that fit nowhere are kept as orphans and their authors told.
          </p>
          <ol className="diff-list">
            {draft.diff.changes.map((change, index) => (
              <li key={index} className={`diff-${change.type}`}>
                <strong>{change.type}</strong>{" "}
                {change.type === "edited"
                  ? change.words.map((word, k) =>
                      word.added ? (
                        <ins key={k}>{word.text}</ins>
                      ) : word.removed ? (
                        <del key={k}>{word.text}</del>
                      ) : (
                        <span key={k}>{word.text}</span>
                      ),
                    )
                  : change.type === "added"
                    ? change.after
                    : change.before}
              </li>
            ))}
          </ol>
        </section>
      )}

      {draft.warnings.length > 0 && (
        <section aria-labelledby="warnings-heading" className="panel draft-warnings">
          <h2 id="warnings-heading">Check these ({draft.warnings.length})</h2>
          <ul>
            {draft.warnings.map((warning, index) => (
              <li key={index}>
                {warning.turn !== undefined ? (
                  <a href={`#draft-turn-${warning.turn + 1}`}>Turn {warning.turn + 1}: </a>
                ) : null}
                {warning.message}
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="draft-columns">
        <section aria-labelledby="turns-heading" className="draft-turns">
          <h2 id="turns-heading">Turns, as students will read them</h2>
          <ol>
            {draft.turns.map((turn) => {
              const n = turn.index + 1;
              const speaks = turn.kind === "speech" || turn.kind === "paragraph";
              return (
                <li
                  key={`${n}-${turn.text.slice(0, 24)}`}
                  id={`draft-turn-${n}`}
                  className={`draft-turn draft-turn--${turn.kind}`}
                >
                  <div className="draft-turn-controls">
                    <span className="draft-turn-number">{n}</span>
                    <label>
                      <span className="visually-hidden">Kind of turn {n}</span>
                      <select
                        value={turn.kind}
                        disabled={busy}
                        onChange={(event) =>
                          void send(
                            [{ op: "kind", turn: turn.index, kind: event.target.value as never }],
                            `Turn ${n} is now ${event.target.selectedOptions[0]?.text.toLowerCase()}.`,
                          )
                        }
                      >
                        {KINDS.map(([value, label]) => (
                          <option
                            key={value}
                            value={value}
                            disabled={value === "speech" && !turn.speaker}
                          >
                            {label}
                          </option>
                        ))}
                        {!KINDS.some(([value]) => value === turn.kind) && (
                          <option value={turn.kind}>{turn.kind}</option>
                        )}
                      </select>
                    </label>
                    <label>
                      <span className="visually-hidden">Speaker of turn {n}</span>
                      <select
                        value={turn.speaker ?? ""}
                        disabled={busy || !speaks}
                        onChange={(event) =>
                          void send(
                            [
                              {
                                op: "speaker",
                                turn: turn.index,
                                speaker: event.target.value || null,
                              },
                            ],
                            `Turn ${n}: ${event.target.value ? nameOf(event.target.value) : "no speaker"}.`,
                          )
                        }
                      >
                        <option value="">No speaker</option>
                        {participants.map((participant) => (
                          <option key={participant.id} value={participant.id}>
                            {participant.name}
                          </option>
                        ))}
                      </select>
                    </label>
                    {turn.index < draft.turns.length - 1 && (
                      <button
                        type="button"
                        className="secondary small"
                        disabled={busy}
                        aria-label={`Merge turn ${n} with the next`}
                        onClick={() =>
                          void send(
                            [{ op: "merge", turn: turn.index }],
                            `Turns ${n} and ${n + 1} merged.`,
                          )
                        }
                      >
                        Merge with next
                      </button>
                    )}
                    <button
                      type="button"
                      className="secondary small"
                      aria-label={`Split turn ${n}`}
                      aria-expanded={splitting === turn.index}
                      onClick={() => setSplitting(splitting === turn.index ? null : turn.index)}
                    >
                      Split…
                    </button>
                  </div>
                  {splitting === turn.index ? (
                    <div className="draft-split">
                      <label htmlFor={`split-${n}`}>
                        Put the cursor where turn {n} should be cut, then split
                      </label>
                      <textarea
                        id={`split-${n}`}
                        ref={splitBox}
                        readOnly
                        defaultValue={turn.text}
                        rows={4}
                      />
                      <button
                        type="button"
                        disabled={busy}
                        onClick={() => {
                          const at = splitBox.current?.selectionStart ?? 0;
                          void send(
                            [{ op: "split", turn: turn.index, at }],
                            `Turn ${n} split.`,
                          ).then((ok) => ok && setSplitting(null));
                        }}
                      >
                        Split here
                      </button>
                    </div>
                  ) : (
                    <p className="draft-turn-text">
                      {turn.speaker && (
                        <strong className="draft-speaker" style={{ color: colours[turn.speaker] }}>
                          {nameOf(turn.speaker)}:{" "}
                        </strong>
                      )}
                      {turn.label && turn.kind === "note" && <sup>{turn.label} </sup>}
                      {turn.text}
                    </p>
                  )}
                  {warningsFor(turn.index).map((warning, k) => (
                    <p key={k} className="draft-turn-warning">
                      {warning.message}
                    </p>
                  ))}
                </li>
              );
            })}
          </ol>
        </section>

        <aside className="draft-side">
          <section aria-labelledby="metadata-heading" className="panel">
            <h2 id="metadata-heading">Metadata</h2>
            <form onSubmit={saveMetadata} key={draft.updatedAt} className="draft-metadata">
              {METADATA.map(([field, label]) => (
                <p key={field}>
                  <label htmlFor={`meta-${field}`}>{label}</label>
                  {field === "citation" ? (
                    <textarea
                      id={`meta-${field}`}
                      name={field}
                      rows={3}
                      defaultValue={draft.document[field] ?? ""}
                    />
                  ) : (
                    <input
                      id={`meta-${field}`}
                      name={field}
                      defaultValue={draft.document[field] ?? ""}
                    />
                  )}
                </p>
              ))}
              <button type="submit" disabled={busy}>
                Save metadata
              </button>
            </form>
          </section>
          <section aria-labelledby="participants-heading" className="panel">
            <h2 id="participants-heading">Participants</h2>
            <ul className="draft-participants">
              {participants.map((participant) => (
                <li key={participant.id}>
                  <strong style={{ color: colours[participant.id] }}>{participant.name}</strong>
                  {participant.label ? ` (“${participant.label}”)` : ""}
                  {participant.role ? `, ${participant.role}` : ""}
                </li>
              ))}
            </ul>
            <form onSubmit={addParticipant} className="draft-add-participant">
              <p>
                <label htmlFor="new-participant-name">Name</label>
                <input id="new-participant-name" name="name" required maxLength={200} />
              </p>
              <p>
                <label htmlFor="new-participant-label">Label in the text (optional)</label>
                <input id="new-participant-label" name="label" maxLength={80} />
              </p>
              <button type="submit" className="secondary" disabled={busy}>
                Add participant
              </button>
            </form>
          </section>
        </aside>
      </div>
    </div>
  );
}
