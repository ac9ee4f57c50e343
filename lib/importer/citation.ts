import { normaliseSpace } from "./text";

// Archive citations follow a house style: "\"Title,\" date, Archive Name, call number. Obtained by
// X and translated by Y." followed by a permalink. Read the parts the model stores separately.

export interface CitationParts {
  citation: string;
  title?: string;
  archive?: string;
  archiveUrl?: string;
  translator?: string;
}

const URL = /<?(https?:\/\/[^\s>]+)>?/;

export function parseCitation(raw: string): CitationParts {
  const archiveUrl = URL.exec(raw)?.[1];
  const citation = normaliseSpace(raw.replace(URL, " "));
  const parts: CitationParts = { citation };
  if (archiveUrl) parts.archiveUrl = archiveUrl;

  // The title is the quoted opening, its closing comma inside or outside the quotes.
  const quoted = /^["“](.+?)[,.]?["”][,.]?\s/.exec(citation)?.[1];
  if (quoted) parts.title = quoted;

  const afterTitle = quoted ? citation.slice(citation.indexOf(quoted) + quoted.length) : citation;
  const archive = afterTitle.split(/,\s+/).find((segment) => /\bArchive\b/.test(segment));
  if (archive) parts.archive = archive.trim();

  const translator = /\btranslated by ([^.,;]+?)(?:\.|,|;|$)/i.exec(citation)?.[1];
  if (translator) parts.translator = translator.trim();
  return parts;
}
