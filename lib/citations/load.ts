import type { PrismaClient } from "@/lib/generated/prisma/client";
import { citationFormats, type CitationFormat } from "./formats";
import { permalink, type CitedTurn } from "./item";

export type Citations = {
  /** The turn cited, or null for the whole document. */
  turn: number | null;
  url: string;
  formats: CitationFormat[];
};

/** A turn's printed pages, once the importer records them (`Turn.pages`); none before. */
function pagesOf(turn: object): string[] | undefined {
  const pages = (turn as { pages?: unknown }).pages;
  return Array.isArray(pages) && pages.every((page) => typeof page === "string")
    ? pages
    : undefined;
}

/**
 * The citations of a document, or of one of its turns, or which of the two does not exist.
 * Documents of the library are public, like the reader page.
 */
export async function loadCitations(
  prisma: PrismaClient,
  slug: string,
  anchor: number | null,
  site: string,
): Promise<Citations | "no-document" | "no-turn"> {
  const document = await prisma.document.findUnique({ where: { slug } });
  if (!document) return "no-document";
  let turn: CitedTurn | undefined;
  if (anchor !== null) {
    // The whole row, not a selection: it carries the turn's pages once the schema has them.
    const row = await prisma.turn.findUnique({
      where: { documentId_anchor: { documentId: document.id, anchor } },
    });
    if (!row) return "no-turn";
    turn = { anchor, pages: pagesOf(row) };
  }
  return {
    turn: anchor,
    url: permalink(site, slug, turn?.anchor),
    formats: citationFormats(document, site, turn),
  };
}
