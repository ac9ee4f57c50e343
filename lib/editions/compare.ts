import { alignTurns } from "./align";
import { wordDiff, type WordPart } from "./words";

export type EditionTurn = { anchor: number; text: string };

/** One row of two editions side by side: the passage in each (either may be absent). */
export type ComparedRow = {
  a: { anchors: number[]; parts: WordPart[] } | null;
  b: { anchors: number[]; parts: WordPart[] } | null;
  /** Same words in both (differences in typography, note marks and page markers aside). */
  same: boolean;
};

const whole = (text: string): WordPart[] => [{ in: "same", text }];

/**
 * Two editions' turns aligned (alignTurns) and each pair's words compared (wordDiff): for each
 * side, its words with those the other edition lacks marked. Turns that pair with nothing
 * come as rows with one side only.
 */
export function compareEditions(
  a: readonly EditionTurn[],
  b: readonly EditionTurn[],
): ComparedRow[] {
  return alignTurns(
    a.map((turn) => turn.text),
    b.map((turn) => turn.text),
  ).map((row) => {
    const textA = row.a.map((i) => a[i]!.text).join(" ");
    const textB = row.b.map((i) => b[i]!.text).join(" ");
    const anchorsA = row.a.map((i) => a[i]!.anchor);
    const anchorsB = row.b.map((i) => b[i]!.anchor);
    if (!row.a.length)
      return { a: null, b: { anchors: anchorsB, parts: whole(textB) }, same: false };
    if (!row.b.length)
      return { a: { anchors: anchorsA, parts: whole(textA) }, b: null, same: false };
    const parts = wordDiff(textA, textB);
    return {
      a: { anchors: anchorsA, parts: parts.filter((part) => part.in !== "b") },
      // The common words as edition B prints them would need a second diff; B's own words are
      // its marked ones, and the common ones read the same once folded.
      b: { anchors: anchorsB, parts: sideB(parts, textB) },
      same: parts.every((part) => part.in === "same"),
    };
  });
}

/** Edition B's text as B prints it, with the words A lacks marked. */
function sideB(parts: readonly WordPart[], textB: string): WordPart[] {
  const words = textB.split(/\s+/).filter(Boolean);
  const out: WordPart[] = [];
  let at = 0;
  for (const part of parts) {
    if (part.in === "a") continue;
    const count = part.text.split(" ").length;
    const text = words.slice(at, at + count).join(" ");
    at += count;
    const last = out.at(-1);
    if (last && last.in === part.in) last.text += ` ${text}`;
    else out.push({ in: part.in, text });
  }
  return out;
}
