import type { PrismaClient } from "@/lib/generated/prisma/client";
import { citationFormats, type CitationFormat } from "./formats";
import { permalink, type CitedTurn } from "./item";

export type Citations = {
  /** The turn cited (the first of a passage), or null for the whole document. */
  turn: number | null;
  /** The last turn of a passage over several turns, else null. */
  through: number | null;
  url: string;
  formats: CitationFormat[];
};

/** A turn's printed pages, once the importer records them (`Turn.pages`); none before. */
function pagesOf(turn: object): string[] {
  const pages = (turn as { pages?: unknown }).pages;
  return Array.isArray(pages) && pages.every((page) => typeof page === "string") ? pages : [];
}

/** Turns `from` to `to` (anchors, either order), cited as one passage. */
export type CitedRange = { from: number; to: number };

/**
 * The citations of a document, of one of its turns, or of a passage from one turn to another;
 * or which of document and turns does not exist. Documents of the library are public, like the
 * reader page.
 */
export async function loadCitations(
  prisma: PrismaClient,
  slug: string,
  range: CitedRange | null,
  site: string,
): Promise<Citations | "no-document" | "no-turn"> {
  const document = await prisma.document.findUnique({ where: { slug } });
  if (!document) return "no-document";
  let turn: CitedTurn | undefined;
  if (range) {
    // Whole rows, not a selection: they carry the turns' pages once the schema has them.
    const ends = await prisma.turn.findMany({
      where: { documentId: document.id, anchor: { in: [range.from, range.to] } },
    });
    const first = ends.find((row) => row.anchor === range.from);
    const last = ends.find((row) => row.anchor === range.to);
    if (!first || !last) return "no-turn";
    const [start, end] = first.position <= last.position ? [first, last] : [last, first];
    const rows =
      start === end
        ? [start]
        : await prisma.turn.findMany({
            where: {
              documentId: document.id,
              position: { gte: start.position, lte: end.position },
            },
            orderBy: { position: "asc" },
          });
    turn = {
      anchor: start.anchor,
      ...(end.anchor !== start.anchor ? { through: end.anchor } : {}),
      pages: rows.flatMap(pagesOf),
    };
  }
  return {
    turn: turn?.anchor ?? null,
    through: turn?.through ?? null,
    url: permalink(site, slug, turn?.anchor),
    formats: citationFormats(document, site, turn),
  };
}
