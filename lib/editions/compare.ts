import { alignParagraphs } from "./align";
import { wordDiff, type WordPart } from "./words";

export type EditionTurn = { anchor: number; text: string; continues?: boolean | null };

/** One turn of a passage: its anchor (permalink) and its words, those the other edition lacks marked. */
export type ComparedTurn = { anchor: number; parts: WordPart[] };

/**
 * One row of two editions side by side: the paragraph (or paragraphs) of each edition that
 * pair, turn by turn (either side may be absent).
 */
export type ComparedRow = {
  a: { turns: ComparedTurn[] } | null;
  b: { turns: ComparedTurn[] } | null;
  /** Same words in both (differences in typography, accents and quotation marks aside). */
  same: boolean;
};

const whole = (text: string): WordPart[] => [{ in: "same", text }];
const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean);

/**
 * Two editions' turns aligned by source paragraph (alignParagraphs) and each pair's words
 * compared (wordDiff) across the whole paragraph, so that where one turn of a paragraph ends
 * and the next begins is no difference; each side's marked words are then cut back into its
 * own turns, keeping every turn's anchor. Paragraphs that pair with nothing come as rows with
 * one side only.
 */
export function compareEditions(
  a: readonly EditionTurn[],
  b: readonly EditionTurn[],
): ComparedRow[] {
  return alignParagraphs(a, b).map((row) => {
    const turnsA = row.a.map((i) => a[i]!);
    const turnsB = row.b.map((i) => b[i]!);
    if (!turnsA.length) return { a: null, b: { turns: turnsB.map(unmarked) }, same: false };
    if (!turnsB.length) return { a: { turns: turnsA.map(unmarked) }, b: null, same: false };
    const textA = turnsA.map((turn) => turn.text).join(" ");
    const textB = turnsB.map((turn) => turn.text).join(" ");
    const parts = wordDiff(textA, textB);
    return {
      a: {
        turns: byTurn(
          parts.filter((part) => part.in !== "b"),
          turnsA,
        ),
      },
      // The common words as edition B prints them would need a second diff; B's own words are
      // its marked ones, and the common ones read the same once folded.
      b: { turns: byTurn(sideB(parts, textB), turnsB) },
      same: parts.every((part) => part.in === "same"),
    };
  });
}

const unmarked = (turn: EditionTurn): ComparedTurn => ({
  anchor: turn.anchor,
  parts: whole(turn.text),
});

/** One side's parts (its words in order, words joined by single spaces) cut at its turns' ends. */
function byTurn(parts: readonly WordPart[], turns: readonly EditionTurn[]): ComparedTurn[] {
  const queue = parts.map((part) => ({ in: part.in, words: part.text.split(" ") }));
  return turns.map((turn) => {
    let wanted = wordsOf(turn.text).length;
    const own: WordPart[] = [];
    while (wanted > 0 && queue.length) {
      const head = queue[0]!;
      const taken = head.words.splice(0, wanted);
      wanted -= taken.length;
      own.push({ in: head.in, text: taken.join(" ") });
      if (!head.words.length) queue.shift();
    }
    return { anchor: turn.anchor, parts: own };
  });
}

/** Edition B's text as B prints it, with the words A lacks marked. */
function sideB(parts: readonly WordPart[], textB: string): WordPart[] {
  const words = wordsOf(textB);
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
