import { comparableWords, similarity } from "./normalise";

/**
 * Alignment of two editions of one document: a sequence alignment (dynamic programming, as for
 * aligning translations sentence by sentence) of their passages whose steps pair one passage
 * with one, or one with two or three consecutive passages of the other edition (a paragraph one
 * edition split or the other merged), or leave a passage unpaired (an omission, a heading or
 * note only one edition has). Costs are counted in words: a pairing costs the words the two
 * sides do not share, leaving a passage out costs UNPAIRED × its words. So two passages are
 * paired when more than 1 - UNPAIRED of their words are shared, and a passage joins its
 * neighbour's pairing only when that explains its words better than leaving it out.
 *
 * Editions are aligned by source paragraph (alignParagraphs): where Memcon split a paragraph
 * into one turn per statement (later turns `continues` the first), that split is Memcon's
 * reading, the same in both editions, not a difference between them.
 *
 * O(m × n) steps: meant for editions of one document (tens to a few hundred passages).
 */

export type AlignedRow = {
  /** Indices of the passages (turns, for alignParagraphs) of edition A in this row (none: only B has it). */
  a: number[];
  /** Indices of the passages (turns, for alignParagraphs) of edition B in this row. */
  b: number[];
  /** Similarity of the row's words, 0..1 (0 for unpaired turns). */
  similarity: number;
};

const UNPAIRED = 0.6;
const STEPS: [number, number][] = [
  [1, 1],
  [1, 2],
  [2, 1],
  [1, 3],
  [3, 1],
  [1, 0],
  [0, 1],
];

/** Aligns two lists of passages, each passage a text. */
export function alignTexts(a: readonly string[], b: readonly string[]): AlignedRow[] {
  const wordsA = a.map(comparableWords);
  const wordsB = b.map(comparableWords);
  const m = a.length;
  const n = b.length;
  // cost[i][j]: the cheapest alignment of the first i turns of A with the first j of B.
  const cost = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const step = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(-1));
  const score = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
  cost[0]![0] = 0;
  for (let i = 0; i <= m; i++) {
    for (let j = 0; j <= n; j++) {
      if (i === 0 && j === 0) continue;
      STEPS.forEach(([di, dj], index) => {
        if (di > i || dj > j) return;
        const before = cost[i - di]![j - dj]!;
        if (before === Infinity) return;
        const left = wordsA.slice(i - di, i).flat();
        const right = wordsB.slice(j - dj, j).flat();
        let sim = 0;
        let price: number;
        if (di === 0 || dj === 0) price = UNPAIRED * (left.length + right.length);
        else {
          sim = similarity(left, right);
          // Dice = 2 × shared / (|left| + |right|): the words not shared are the rest.
          price = (1 - sim) * (left.length + right.length);
        }
        // Ties go to the earlier step: one-to-one before merges, merges before omissions.
        if (before + price < cost[i]![j]! - 1e-9) {
          cost[i]![j] = before + price;
          step[i]![j] = index;
          score[i]![j] = sim;
        }
      });
    }
  }
  const rows: AlignedRow[] = [];
  for (let i = m, j = n; i > 0 || j > 0;) {
    const [di, dj] = STEPS[step[i]![j]!]!;
    rows.push({
      a: range(i - di, i),
      b: range(j - dj, j),
      similarity: score[i]![j]!,
    });
    i -= di;
    j -= dj;
  }
  return rows.reverse();
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

/** What alignParagraphs needs of a turn: its words, and whether it continues the paragraph of the turn before. */
export type ParagraphTurn = { text: string; continues?: boolean | null };

/**
 * The source paragraphs of a list of turns, as lists of turn indices: a turn starts one, and
 * the turns after it that continue it (`continues`) belong to it.
 */
export function paragraphsOf(turns: readonly ParagraphTurn[]): number[][] {
  const paragraphs: number[][] = [];
  turns.forEach((turn, index) => {
    const last = paragraphs.at(-1);
    if (turn.continues && last) last.push(index);
    else paragraphs.push([index]);
  });
  return paragraphs;
}

/**
 * Two editions' turns aligned paragraph by paragraph (alignTexts over each source paragraph's
 * words); each row names the turns of each side, so a row pairs one or more whole paragraphs
 * of A with one or more whole paragraphs of B.
 */
export function alignParagraphs(
  a: readonly ParagraphTurn[],
  b: readonly ParagraphTurn[],
): AlignedRow[] {
  const paragraphsA = paragraphsOf(a);
  const paragraphsB = paragraphsOf(b);
  const text = (turns: readonly ParagraphTurn[]) => (paragraph: number[]) =>
    paragraph.map((index) => turns[index]!.text).join(" ");
  return alignTexts(paragraphsA.map(text(a)), paragraphsB.map(text(b))).map((row) => ({
    a: row.a.flatMap((index) => paragraphsA[index]!),
    b: row.b.flatMap((index) => paragraphsB[index]!),
    similarity: row.similarity,
  }));
}
