import { readFileSync } from "node:fs";
import { parseContent } from "@/lib/importer/content-format";
import type { ParsedDocument } from "@/lib/importer/types";
import type { CitationDocument } from "@/lib/citations/item";

/** A real document of content/, as the importer reads it. */
export function contentDocument(slug: string): ParsedDocument {
  const parsed = parseContent(readFileSync(`content/${slug}.md`, "utf8"), `${slug}.md`);
  if (parsed.type !== "document") throw new Error(`${slug} is not a document`);
  return parsed;
}

/** The same document as the citation functions see a database row. */
export function citationDocument(slug: string): CitationDocument {
  const document = contentDocument(slug);
  return {
    slug: document.slug,
    title: document.title,
    date: document.date ?? null,
    shape: document.shape,
    archive: document.archive ?? null,
    archiveUrl: document.archiveUrl ?? null,
    citation: document.citation ?? null,
    translator: document.translator ?? null,
    fields: document.fields,
  };
}
