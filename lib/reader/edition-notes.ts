import "server-only";
import type { Viewer } from "@/lib/auth/permissions";
import { listDocumentAnnotations } from "@/lib/annotations/list";
import type { AnnotationSelector } from "@/lib/anchoring/types";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getReadableDocument } from "@/lib/library/document";
import { alignParagraphs, type ParagraphTurn } from "@/lib/editions/align";
import { reanchorAcrossEditions, type EditionTurn } from "@/lib/editions/reanchor";

/** A note made on another edition, as this edition's reader is shown it (read-only). */
export type CrossEditionNote = {
  id: string;
  /** The edition it was made on. */
  edition: { slug: string; name: string };
  author: string | null;
  bodyHtml: string;
  /** The turn it begins on in the edition it was made on. */
  sourceAnchor: number;
  /** The words it quotes, as printed in the edition it was made on. */
  quote: string;
  /** The turn of this edition it is shown on. */
  turnAnchor: number;
  /** The same words in this edition, where they were found; null: attached to the turn whole. */
  words: string | null;
};

type Edition = {
  id: string;
  slug: string;
  title: string;
  archive: string | null;
  turns: readonly (EditionTurn & ParagraphTurn)[];
};

export const editionName = (document: { archive: string | null; title: string }) =>
  document.archive ?? document.title;

/**
 * The notes the viewer may read on `source` (the annotation service's own readable list: no
 * other path to them), placed on `target` through the alignment of the two editions.
 */
export async function notesAcross(
  prisma: PrismaClient,
  viewer: Viewer | null,
  source: Edition,
  target: Edition,
): Promise<CrossEditionNote[]> {
  if (!viewer) return [];
  const notes = (await listDocumentAnnotations(prisma, viewer, source.id)).filter(
    (note) => note.scope === "passage" && !note.orphaned && !note.hiddenAt && !note.deletedAt,
  );
  if (notes.length === 0) return [];
  const rows = alignParagraphs(source.turns, target.turns);
  const placed: CrossEditionNote[] = [];
  for (const note of notes) {
    const where = reanchorAcrossEditions(
      note.selector as unknown as AnnotationSelector,
      source.turns,
      target.turns,
      rows,
    );
    if (where.status === "none") continue;
    const turnAnchor = where.status === "words" ? where.positions[0]!.turnAnchor : where.turnAnchor;
    const words =
      where.status === "words"
        ? where.positions
            .map((p) =>
              target.turns.find((t) => t.anchor === p.turnAnchor)!.text.slice(p.start, p.end),
            )
            .join(" ")
        : null;
    placed.push({
      id: note.id,
      edition: { slug: source.slug, name: editionName(source) },
      author: note.author.name,
      bodyHtml: note.bodyHtml,
      quote: note.quote,
      sourceAnchor: note.firstAnchor,
      turnAnchor,
      words,
    });
  }
  return placed;
}

/** The notes of the document's other editions (confirmed or suggested) the viewer may read. */
export async function notesFromOtherEditions(
  prisma: PrismaClient,
  viewer: Viewer | null,
  document: Edition,
  editions: readonly { slug: string; status: string }[],
): Promise<CrossEditionNote[]> {
  if (!viewer) return [];
  const all: CrossEditionNote[] = [];
  for (const edition of editions) {
    if (edition.status === "rejected") continue;
    // Read through the same gate as the reader: an edition the viewer may not read gives nothing.
    const other = await getReadableDocument(edition.slug, viewer);
    if (other) all.push(...(await notesAcross(prisma, viewer, other, document)));
  }
  return all.sort((x, y) => x.turnAnchor - y.turnAnchor);
}

/** Notes by the turn they are shown on. */
export function byTurn(notes: readonly CrossEditionNote[]) {
  const map = new Map<number, CrossEditionNote[]>();
  for (const note of notes) map.set(note.turnAnchor, [...(map.get(note.turnAnchor) ?? []), note]);
  return map;
}

/**
 * The notes the viewer may read on an edition (the annotation service's readable list), as the
 * side-by-side view lists them under the row of the turn they begin on.
 */
export async function notesOfEdition(
  prisma: PrismaClient,
  viewer: Viewer | null,
  edition: Edition,
) {
  if (!viewer) return [];
  const notes = await listDocumentAnnotations(prisma, viewer, edition.id);
  return notes
    .filter(
      (note) => note.scope === "passage" && !note.orphaned && !note.hiddenAt && !note.deletedAt,
    )
    .map((note) => ({
      id: note.id,
      edition: editionName(edition),
      slug: edition.slug,
      turnAnchor: note.firstAnchor,
      author: note.author.name,
      quote: note.quote,
      bodyHtml: note.bodyHtml,
    }));
}
