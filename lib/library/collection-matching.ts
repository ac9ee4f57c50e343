import { textSimilarity } from "./turn-matching";

// A collection lists dated documents; some of them are in the library. An entry links to a library
// document when it names its slug, or when the dates agree and the titles are alike.

export interface EntryLike {
  date: string;
  title: string;
  documentSlug: string | null;
}

export interface DocumentLike {
  slug: string;
  date: string | null;
  title: string;
}

const TITLE_SIMILARITY = 0.5;

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();

export function matchEntry<D extends DocumentLike>(
  entry: EntryLike,
  documents: D[],
): D | undefined {
  if (entry.documentSlug) {
    const named = documents.find((document) => document.slug === entry.documentSlug);
    if (named) return named;
  }
  const sameDay = documents.filter((document) => document.date === entry.date);
  let best: { document: D; score: number } | undefined;
  for (const document of sameDay) {
    const a = words(entry.title);
    const b = words(document.title);
    const score = a.includes(b) || b.includes(a) ? 1 : textSimilarity(a, b);
    if (score >= TITLE_SIMILARITY && (!best || score > best.score)) best = { document, score };
  }
  return best?.document;
}
