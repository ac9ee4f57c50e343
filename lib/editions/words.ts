import { diffArrays } from "diff";
import { comparableWords } from "./normalise";

/**
 * Word-by-word differences between two aligned passages, through jsdiff's array diff over the
 * passages' words (as printed, split at spaces), two words being the same when they compare
 * equal once folded (comparableWords: accents, case, quotation marks, note marks). A word only
 * one side has is an insertion or an omission; an omission next to an insertion is a changed
 * word. Bracketed editorial words ("[Attachment]") show as what one edition adds.
 */

export type WordPart = {
  /** same: both editions; a: only edition A (omitted by B); b: only edition B (added). */
  in: "same" | "a" | "b";
  text: string;
};

const key = (word: string) => comparableWords(word).join(" ");

export function wordDiff(a: string, b: string): WordPart[] {
  const left = a.split(/\s+/).filter(Boolean);
  const right = b.split(/\s+/).filter(Boolean);
  const changes = diffArrays(left, right, {
    // A word that folds to nothing (a lone dash) is compared as printed.
    comparator: (x: string, y: string) => (key(x) || x) === (key(y) || y),
  });
  const parts: WordPart[] = [];
  let at = 0;
  for (const change of changes) {
    const side = change.added ? "b" : change.removed ? "a" : "same";
    // Common words are shown as edition A prints them.
    const words = side === "same" ? left.slice(at, at + change.count) : change.value;
    if (side !== "b") at += change.count;
    const last = parts.at(-1);
    if (last && last.in === side) last.text += ` ${words.join(" ")}`;
    else parts.push({ in: side, text: words.join(" ") });
  }
  return parts;
}

/** How far two passages differ: the share of their words that are not common. */
export function differenceShare(parts: readonly WordPart[]): number {
  let common = 0;
  let all = 0;
  for (const part of parts) {
    const count = part.text.split(" ").length;
    all += part.in === "same" ? 2 * count : count;
    if (part.in === "same") common += 2 * count;
  }
  return all ? 1 - common / all : 0;
}
