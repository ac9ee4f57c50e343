import { describe, expect, it } from "vitest";
import {
  anchorSelector,
  describeSelection,
  textOfPositions,
  type AnchorResult,
  type TurnText,
} from "@/lib/anchoring";
import type { AnnotationSelector, TurnPosition } from "@/lib/anchoring/types";
import { liaoIshibashi, revise, unicodeTurns } from "./fixtures";

// Re-anchoring stored selectors on a revised document: which method places each one, and exactly
// where. Selectors are made by describeSelection on the original turns, as the app stores them.

function selectorFor(
  turns: readonly TurnText[],
  start: [number, number],
  end: [number, number],
): AnnotationSelector {
  const result = describeSelection(turns, {
    start: { turnAnchor: start[0], offset: start[1] },
    end: { turnAnchor: end[0], offset: end[1] },
  });
  if (!result.ok) throw new Error(result.error);
  return result.selector;
}

const original = liaoIshibashi;
const turn3 = original[2]!.text;
const turn4 = original[3]!.text;

/** Replace the text of one turn (anchor kept). */
const editTurn = (anchor: number, edit: (text: string) => string) =>
  revise(original, (turn) => (turn.anchor === anchor ? { ...turn, text: edit(turn.text) } : turn));

/** "numerous American military bases", turn 3, 62–94. */
const bases = selectorFor(original, [3, 62], [3, 94]);
/** "indeed impossible to talk.\nTerms like": the end of turn 3 and the start of turn 4. */
const acrossTwo = selectorFor(original, [3, 116], [4, 10]);
/** From "Premier Zhou is not given…" in turn 2, all of turn 3, to 'Terms like "legalized"'. */
const acrossThree = selectorFor(original, [2, 171], [4, 22]);
/** "also true" in the second "That is also true." (turn 8); turn 6 says the same words. */
const secondAlsoTrue = selectorFor(original, [8, 8], [8, 17]);
/** "𠮷田 □□□\nIshibashi: (Expressing consent) 🤝" */
const astral = selectorFor(unicodeTurns, [22, 21], [23, 34]);

const anchored = (method: "position" | "quote" | "fuzzy", positions: TurnPosition[]) => ({
  status: "anchored" as const,
  method,
  positions,
});
const orphan: AnchorResult = { status: "orphan" };

const cases: {
  name: string;
  selector: AnnotationSelector;
  turns: TurnText[];
  expected: AnchorResult;
  /** What the new positions cover, when it is not the stored quote itself. */
  text?: string;
}[] = [
  {
    name: "unchanged text: position",
    selector: bases,
    turns: original,
    expected: anchored("position", [{ turnAnchor: 3, start: 62, end: 94 }]),
  },
  {
    name: "unchanged three-turn selection: position",
    selector: acrossThree,
    turns: original,
    expected: anchored("position", [
      { turnAnchor: 2, start: 171, end: 219 },
      { turnAnchor: 3, start: 0, end: 142 },
      { turnAnchor: 4, start: 0, end: 22 },
    ]),
  },
  {
    name: "words inserted before the quote in the same turn: quote, shifted by 13",
    selector: bases,
    turns: editTurn(3, (text) => text.replace("negotiations is", "negotiations [with Japan] is")),
    expected: anchored("quote", [{ turnAnchor: 3, start: 75, end: 107 }]),
  },
  {
    name: "a new turn inserted before (anchors kept): the per-turn position still holds",
    selector: bases,
    turns: revise(original, (turn) =>
      turn.anchor === 3 ? [{ anchor: 9, text: "(Expressing consent)" }, turn] : turn,
    ),
    expected: anchored("position", [{ turnAnchor: 3, start: 62, end: 94 }]),
  },
  {
    name: "the turn re-imported under a new anchor: quote, on the new anchor",
    selector: bases,
    turns: revise(original, (turn) => (turn.anchor === 3 ? { anchor: 9, text: turn.text } : turn)),
    expected: anchored("quote", [{ turnAnchor: 9, start: 62, end: 94 }]),
  },
  {
    name: "turn removed, its words merged into the next turn: quote",
    selector: bases,
    turns: revise(original, (turn) =>
      turn.anchor === 3 ? null : turn.anchor === 4 ? { ...turn, text: `${turn3} ${turn4}` } : turn,
    ),
    expected: anchored("quote", [{ turnAnchor: 4, start: 62, end: 94 }]),
  },
  {
    name: "turns reordered: a one-turn quote keeps its position",
    selector: bases,
    turns: [...original].reverse(),
    expected: anchored("position", [{ turnAnchor: 3, start: 62, end: 94 }]),
  },
  {
    name: "typo corrected inside the quote: fuzzy",
    selector: selectorFor(
      editTurn(3, (text) => text.replace("American", "Amercian")),
      [3, 62],
      [3, 94],
    ),
    turns: original,
    expected: anchored("fuzzy", [{ turnAnchor: 3, start: 62, end: 94 }]),
    text: "numerous American military bases",
  },
  {
    name: "words heavily reworded: orphan",
    selector: bases,
    turns: editTurn(
      3,
      () =>
        "Should further talks require Japan to tolerate the many US installations on its soil, there is nothing to discuss.",
    ),
    expected: orphan,
  },
  {
    name: "its turn reworded, the same words said elsewhere in another context: orphan, not moved",
    selector: bases,
    turns: revise(original, (turn) =>
      turn.anchor === 3
        ? {
            ...turn,
            text: "Should further talks require the many US installations, there is nothing to discuss.",
          }
        : turn.anchor === 5
          ? {
              ...turn,
              text: "Everyone knows there are numerous American military bases, but there is no Soviet base in China.",
            }
          : turn,
    ),
    expected: orphan,
  },
  {
    name: "quote occurring twice, both turns renumbered: the context chooses the second",
    selector: secondAlsoTrue,
    turns: revise(original, (turn) =>
      turn.anchor === 6 || turn.anchor === 8 ? { anchor: turn.anchor + 10, text: turn.text } : turn,
    ),
    expected: anchored("quote", [{ turnAnchor: 18, start: 8, end: 17 }]),
  },
  {
    name: "quote occurring twice with equal context: the one nearest its old place",
    selector: {
      quote: { exact: "also true", prefix: "is ", suffix: "." },
      positions: [{ turnAnchor: 8, start: 8, end: 17 }],
    },
    turns: editTurn(8, () => "Indeed. That is also true."),
    expected: anchored("quote", [{ turnAnchor: 8, start: 16, end: 25 }]),
  },
  {
    name: "quote spanning two turns, words inserted earlier in the first: quote, two positions",
    selector: acrossTwo,
    turns: editTurn(3, (text) => text.replace("negotiations is", "negotiations [with Japan] is")),
    expected: anchored("quote", [
      { turnAnchor: 3, start: 129, end: 155 },
      { turnAnchor: 4, start: 0, end: 10 },
    ]),
  },
  {
    name: "quote spanning two turns, words changed in the second: fuzzy, two positions",
    selector: acrossTwo,
    turns: editTurn(4, (text) => text.replace("Terms like", "Words like")),
    expected: anchored("fuzzy", [
      { turnAnchor: 3, start: 116, end: 142 },
      { turnAnchor: 4, start: 0, end: 10 },
    ]),
    text: "indeed impossible to talk.\nWords like",
  },
  {
    name: "quote spanning three turns, edits in two of them: fuzzy, three positions",
    selector: acrossThree,
    turns: revise(original, (turn) => {
      if (turn.anchor === 2) return { ...turn, text: turn.text.replace("careful", "serious") };
      if (turn.anchor === 3) return { ...turn, text: turn.text.replace("numerous", "many") };
      return turn;
    }),
    expected: anchored("fuzzy", [
      { turnAnchor: 2, start: 171, end: 219 },
      { turnAnchor: 3, start: 0, end: 138 },
      { turnAnchor: 4, start: 0, end: 22 },
    ]),
    text:
      "Premier Zhou is not given serious consideration.\n" +
      turn3.replace("numerous", "many") +
      '\nTerms like "legalized"',
  },
  {
    name: "a two-turn quote whose turns were swapped: no longer one stretch, orphan",
    selector: acrossTwo,
    turns: [original[0]!, original[1]!, original[3]!, original[2]!, ...original.slice(4)],
    expected: orphan,
  },
  {
    name: "whole turn deleted: orphan",
    selector: bases,
    turns: revise(original, (turn) => (turn.anchor === 3 ? null : turn)),
    expected: orphan,
  },
  {
    name: "empty document: orphan",
    selector: bases,
    turns: [],
    expected: orphan,
  },
  {
    name: "astral characters, unchanged: position",
    selector: astral,
    turns: unicodeTurns,
    expected: anchored("position", [
      { turnAnchor: 22, start: 21, end: 28 },
      { turnAnchor: 23, start: 0, end: 34 },
    ]),
  },
  {
    name: "astral characters, a redaction box filled in before them: quote",
    selector: astral,
    turns: [
      { anchor: 21, text: "Note-taker: Lin □□" },
      { anchor: 22, text: "東京発 telegram (urgent) for Mr. 𠮷田 □□□" },
      unicodeTurns[2]!,
    ],
    expected: anchored("quote", [
      { turnAnchor: 22, start: 30, end: 37 },
      { turnAnchor: 23, start: 0, end: 34 },
    ]),
  },
];

describe("anchorSelector", () => {
  it.each(cases)("$name", ({ selector, turns, expected, text }) => {
    const result = anchorSelector(selector, turns);
    expect(result).toEqual(expected);
    if (result.status === "anchored") {
      // The new positions hold the quote (or, for a fuzzy match, the revised words).
      expect(textOfPositions(result.positions, turns)).toBe(text ?? selector.quote.exact);
    }
  });
});

describe("anchorSelector with corrupted selectors", () => {
  const quote = bases.quote;
  const corrupted: { name: string; selector: unknown; expected: AnchorResult }[] = [
    {
      name: "negative offsets: the quote still places it",
      selector: { quote, positions: [{ turnAnchor: 3, start: -30, end: -1 }] },
      expected: anchored("quote", [{ turnAnchor: 3, start: 62, end: 94 }]),
    },
    {
      name: "offsets beyond the turn: the quote still places it",
      selector: { quote, positions: [{ turnAnchor: 3, start: 500, end: 532 }] },
      expected: anchored("quote", [{ turnAnchor: 3, start: 62, end: 94 }]),
    },
    {
      name: "positions missing: the quote still places it",
      selector: { quote },
      expected: anchored("quote", [{ turnAnchor: 3, start: 62, end: 94 }]),
    },
    {
      name: "positions of the wrong types: the quote still places it",
      selector: { quote, positions: [{ turnAnchor: "3", start: "62", end: null }] },
      expected: anchored("quote", [{ turnAnchor: 3, start: 62, end: 94 }]),
    },
    {
      name: "prefix and suffix missing: the quote still places it",
      selector: { quote: { exact: quote.exact }, positions: bases.positions },
      expected: anchored("position", [{ turnAnchor: 3, start: 62, end: 94 }]),
    },
    {
      name: "start after end: the quote still places it",
      selector: { quote, positions: [{ turnAnchor: 3, start: 94, end: 62 }] },
      expected: anchored("quote", [{ turnAnchor: 3, start: 62, end: 94 }]),
    },
    {
      name: "quote missing: nothing confirms the positions, orphan",
      selector: { positions: bases.positions },
      expected: orphan,
    },
    { name: "empty quote: orphan", selector: { quote: { ...quote, exact: "" } }, expected: orphan },
    { name: "quote not text: orphan", selector: { quote: { exact: 42 } }, expected: orphan },
    { name: "null: orphan", selector: null, expected: orphan },
    { name: "a string: orphan", selector: "numerous American military bases", expected: orphan },
    { name: "an array: orphan", selector: [], expected: orphan },
  ];

  it.each(corrupted)("$name", ({ selector, expected }) => {
    expect(anchorSelector(selector as AnnotationSelector, original)).toEqual(expected);
  });

  it("never throws, even on malformed turns", () => {
    const badTurns = [{ anchor: 1, text: null }] as unknown as TurnText[];
    expect(anchorSelector(bases, badTurns)).toEqual(orphan);
    expect(anchorSelector(bases, null as unknown as TurnText[])).toEqual(orphan);
  });
});
