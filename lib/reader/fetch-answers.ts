import type { CardsAnswer, ErrorAnswer, IndexAnswer } from "./types";

// The reader's two JSON reads, as the browser makes them. The answers' shapes are declared once
// (lib/reader/types.ts), the route handlers promise them (`satisfies`) and these functions read
// them: the one place the client trusts an answer's shape, instead of a cast at every fetch.

const documentPath = (slug: string) => `/api/documents/${encodeURIComponent(slug)}`;

async function readAnswer<T>(url: string, fallback: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: "application/json" }, cache: "no-store" });
  const answer: unknown = await response.json().catch(() => null);
  if (!response.ok || answer === null)
    throw new Error((answer as Partial<ErrorAnswer> | null)?.error?.message ?? fallback);
  return answer as T;
}

/** Every readable note's index entry and the highlights, for a page that missed changes. */
export function fetchIndex(documentSlug: string): Promise<IndexAnswer> {
  return readAnswer<IndexAnswer>(
    `${documentPath(documentSlug)}/index`,
    "The notes could not be loaded.",
  );
}

/** The cards of these notes (only those the viewer may read come back). */
export async function fetchCards(
  documentSlug: string,
  ids: readonly string[],
): Promise<CardsAnswer["cards"]> {
  const answer = await readAnswer<CardsAnswer>(
    `${documentPath(documentSlug)}/cards?ids=${ids.map(encodeURIComponent).join(",")}`,
    "The notes could not be loaded.",
  );
  return answer.cards;
}
