import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EditionPassage } from "@/components/reader/EditionPassage";
import { compareEditions } from "@/lib/editions/compare";
import { getViewer } from "@/lib/auth/viewer";
import { getReadableDocument } from "@/lib/library/document";
import { getPrisma } from "@/lib/db";
import { editionDecisions } from "@/lib/editions/decisions";
import { notesOfEdition } from "@/lib/reader/edition-notes";
import { RowNotes } from "@/components/editions/RowNotes";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string; other: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug, other } = await params;
  const viewer = await getViewer();
  const [a, b] = await Promise.all([
    getReadableDocument(slug, viewer),
    getReadableDocument(other, viewer),
  ]);
  return { title: a && b ? `Two editions: ${a.title}` : "Document not found" };
}

/**
 * Two editions of one document side by side (/documents/<a>/editions/<b>), aligned paragraph by
 * paragraph (each paragraph's turns numbered, linked to the reader) with the words one edition
 * prints and the other does not marked. Library documents are
 * public, as the reader is; a course's own document only for those who may read it.
 */
export default async function EditionsPage({ params }: { params: Params }) {
  const { slug, other } = await params;
  // Either edition may be a course's own document: both must be readable, or neither is shown.
  const viewer = await getViewer();
  const [a, b] = await Promise.all([
    getReadableDocument(slug, viewer),
    getReadableDocument(other, viewer),
  ]);
  if (!a || !b) notFound();
  const rows = compareEditions(a.turns, b.turns);
  const differing = rows.filter((row) => !row.same).length;
  const nameA = a.archive ?? a.title;
  const nameB = b.archive ?? b.title;
  const decided = (await editionDecisions(getPrisma(), a.id)).get(b.id);
  const [notesA, notesB] = await Promise.all([
    notesOfEdition(getPrisma(), viewer, a),
    notesOfEdition(getPrisma(), viewer, b),
  ]);
  // Each row lists the notes that begin on its turns, on either side.
  const notesOf = (row: (typeof rows)[number]) => {
    const anchorsA = new Set(row.a?.turns.map((turn) => turn.anchor));
    const anchorsB = new Set(row.b?.turns.map((turn) => turn.anchor));
    return [
      ...notesA.filter((note) => anchorsA.has(note.turnAnchor)),
      ...notesB.filter((note) => anchorsB.has(note.turnAnchor)),
    ];
  };
  return (
    <article className="editions">
      <p className="eyebrow">Two editions side by side</p>
      <h1>{a.title}</h1>
      <dl className="editions-sources">
        <div>
          <dt>Left</dt>
          <dd>
            <Link href={`/documents/${a.slug}`}>{nameA}</Link>
            {a.date && <>, {a.date}</>}
          </dd>
        </div>
        <div>
          <dt>Right</dt>
          <dd>
            <Link href={`/documents/${b.slug}`}>{nameB}</Link>
            {b.date && <>, {b.date}</>}
          </dd>
        </div>
      </dl>
      <p className={`edition-status edition-status--${decided ?? "suggested"}`}>
        {decided === "confirmed"
          ? "An editor confirmed these as editions of one record."
          : decided === "rejected"
            ? "An editor judged these not to be editions of one record."
            : "Suggested as editions of one record by their date and words; not yet confirmed by an editor."}
      </p>
      <p className="editions-summary">
        {rows.length} paragraphs, {differing} of them different.{" "}
        <mark className="edition-only">Marked words</mark> are printed in that edition only: a word
        changed shows marked on both sides, one left out shows marked on one side. A passage only
        one edition has is marked “only in”. The small numbers are Memcon’s turns, one per
        statement, and lead to the reader.
      </p>
      <ol className="edition-rows">
        {rows.map((row, index) => (
          <li key={index} className={row.same ? "edition-row" : "edition-row edition-row--differs"}>
            <EditionPassage side={row.a} edition={nameA} slug={a.slug} other={nameB} label="Left" />
            <EditionPassage
              side={row.b}
              edition={nameB}
              slug={b.slug}
              other={nameA}
              label="Right"
            />
            <RowNotes notes={notesOf(row)} />
          </li>
        ))}
      </ol>
    </article>
  );
}
