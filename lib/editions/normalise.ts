/**
 * Text of a turn as two editions can be compared: what differs only in typography or apparatus
 * is made equal. Page markers ("[Page 228]") and footnote marks ("*2*") go; accents, case,
 * quotation marks and punctuation are ignored; what is left is a list of words.
 */

const PAGE_MARKER = /\[Page \d+\]/gi;
/** "*2*" as "The World and Japan" prints a note mark; "Mémoire,2" as the FRUS TEI text runs it in. */
const FOOTNOTE_MARK = /\*\d+\*|(?<=[\p{L},.;:”’)])\d{1,2}(?=\s|$)/gu;

/** Folded for comparison: no accents, lower case, one kind of apostrophe. */
export const fold = (word: string) =>
  word
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[‘’ʼ`]/g, "'")
    .toLowerCase();

/** The turn's words, folded, without page markers or footnote marks. */
export function comparableWords(text: string): string[] {
  const plain = text.replace(PAGE_MARKER, " ").replace(FOOTNOTE_MARK, " ");
  return fold(plain).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Dice's coefficient over the two lists of words taken as multisets: 1 for the same words in
 * any order, 0 for none in common. Order is left to the word-level diff.
 */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const word of a) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of b) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      shared += 1;
      counts.set(word, left - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}
