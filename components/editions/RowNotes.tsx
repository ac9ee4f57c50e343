import Link from "next/link";

export type RowNote = {
  id: string;
  edition: string;
  slug: string;
  turnAnchor: number;
  author: string | null;
  quote: string;
  bodyHtml: string;
};

/**
 * The notes made on either edition on the passages of one row of the side-by-side view, each
 * saying which edition it was made on, read-only (replies are in the reader of that edition).
 * Bodies are the stored, sanitized HTML the notes' own cards show.
 */
export function RowNotes({ notes }: { notes: readonly RowNote[] }) {
  if (notes.length === 0) return null;
  return (
    <ul className="edition-row-notes" aria-label="Notes on this passage">
      {notes.map((note) => (
        <li key={note.id}>
          <p className="edition-note-from">
            From the {note.edition} edition{note.author && <>, a note by {note.author}</>}, on{" "}
            <Link href={`/documents/${note.slug}#t-${note.turnAnchor}`}>
              turn {note.turnAnchor}
            </Link>
            : <q>{note.quote}</q>
          </p>
          <div className="note-body" dangerouslySetInnerHTML={{ __html: note.bodyHtml }} />
        </li>
      ))}
    </ul>
  );
}
