import { escapeHtml } from "@/lib/format/html";
import type { CrossEditionNote } from "@/lib/reader/edition-notes";

/**
 * Notes made on another edition of the document, shown on the turn they were placed on
 * (lib/editions/cross-notes.ts), read-only: folded under "From the <edition> edition", with the
 * words they quote here (or, where this edition's words differ, their quote as the other
 * edition prints it). Their bodies are the stored, sanitized HTML the note's own card shows.
 */
export function editionNotesHtml(notes: readonly CrossEditionNote[]): string {
  return notes
    .map((note) => {
      const by = note.author ? ` — a note by ${escapeHtml(note.author)}` : "";
      const where = note.words
        ? `On the words “${escapeHtml(note.words)}”`
        : `On this passage as a whole (that edition prints “${escapeHtml(note.quote)}”)`;
      return (
        `<details class='edition-note' id='edition-note-${escapeHtml(note.id)}'>` +
        `<summary>From the ${escapeHtml(note.edition.name)} edition${by}</summary>` +
        `<p class='edition-note-where'>${where}</p>` +
        `<p class='edition-note-where'>Read-only here: <a href='/documents/${escapeHtml(note.edition.slug)}#t-${note.sourceAnchor}'>open it in that edition</a> to reply.</p>` +
        `<div class='note-body'>${note.bodyHtml}</div></details>`
      );
    })
    .join("");
}
