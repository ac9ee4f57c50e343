import { describe, expect, it } from "vitest";
import {
  CONTEXT_LENGTH,
  describeSelection,
  textOfPositions,
  type TurnRange,
} from "@/lib/anchoring";
import { liaoIshibashi, unicodeTurns } from "./fixtures";

// From the two points of a user's selection to the stored selector, or a message saying why not.

const range = (start: [number, number], end: [number, number]): TurnRange => ({
  start: { turnAnchor: start[0], offset: start[1] },
  end: { turnAnchor: end[0], offset: end[1] },
});

describe("describeSelection: valid selections", () => {
  it.each([
    {
      name: "inside one turn",
      turns: liaoIshibashi,
      range: range([3, 62], [3, 94]),
      quote: {
        exact: "numerous American military bases",
        prefix: "r negotiations is to accept the ",
        suffix: " in Japan, then it is indeed imp",
      },
      positions: [{ turnAnchor: 3, start: 62, end: 94 }],
    },
    {
      name: "across three turns (tail, whole turn, head)",
      turns: liaoIshibashi,
      range: range([2, 171], [4, 22]),
      quote: {
        exact:
          "Premier Zhou is not given careful consideration.\n" +
          liaoIshibashi[2]!.text +
          '\nTerms like "legalized"',
        prefix: "rd point listed in my letter to ",
        suffix: " are unnecessary. Japan cannot r",
      },
      positions: [
        { turnAnchor: 2, start: 171, end: 219 },
        { turnAnchor: 3, start: 0, end: 142 },
        { turnAnchor: 4, start: 0, end: 22 },
      ],
    },
    {
      name: "backwards across three turns gives the same selector",
      turns: liaoIshibashi,
      range: range([4, 22], [2, 171]),
      quote: {
        exact:
          "Premier Zhou is not given careful consideration.\n" +
          liaoIshibashi[2]!.text +
          '\nTerms like "legalized"',
        prefix: "rd point listed in my letter to ",
        suffix: " are unnecessary. Japan cannot r",
      },
      positions: [
        { turnAnchor: 2, start: 171, end: 219 },
        { turnAnchor: 3, start: 0, end: 142 },
        { turnAnchor: 4, start: 0, end: 22 },
      ],
    },
    {
      name: "backwards inside one turn",
      turns: liaoIshibashi,
      range: range([5, 33], [5, 0]),
      quote: {
        exact: "We paid for our lessons in blood.",
        prefix: "all the military bases at once.\n",
        suffix: " Millions of Chinese people died",
      },
      positions: [{ turnAnchor: 5, start: 0, end: 33 }],
    },
    {
      name: "at the very start of a turn: the prefix reaches into the turn before",
      turns: liaoIshibashi,
      range: range([6, 0], [6, 7]),
      quote: {
        exact: "That is",
        prefix: "illions of Chinese people died.\n",
        suffix: " also true.\nThe United States at",
      },
      positions: [{ turnAnchor: 6, start: 0, end: 7 }],
    },
    {
      name: "at the very end of a turn: the suffix starts with the separator",
      turns: liaoIshibashi,
      range: range([5, 34], [5, 66]),
      quote: {
        exact: "Millions of Chinese people died.",
        prefix: " paid for our lessons in blood. ",
        suffix: "\nThat is also true.\nThe United S",
      },
      positions: [{ turnAnchor: 5, start: 34, end: 66 }],
    },
    {
      name: "the first words of the document have no prefix",
      turns: liaoIshibashi,
      range: range([1, 0], [1, 12]),
      quote: { exact: "Premier Zhou", prefix: "", suffix: " [Enlai] sends you his greetings" },
      positions: [{ turnAnchor: 1, start: 0, end: 12 }],
    },
    {
      name: "the last words of the document have no suffix",
      turns: liaoIshibashi,
      range: range([8, 8], [8, 18]),
      quote: { exact: "also true.", prefix: "ould never be achieved.\nThat is ", suffix: "" },
      positions: [{ turnAnchor: 8, start: 8, end: 18 }],
    },
    {
      name: "from the end of one turn to offset 0 of the turn after next: just the turn between",
      turns: liaoIshibashi,
      range: range([5, 66], [7, 0]),
      quote: {
        exact: "That is also true.",
        prefix: "illions of Chinese people died.\n",
        suffix: "\nThe United States attempted to ",
      },
      positions: [{ turnAnchor: 6, start: 0, end: 18 }],
    },
    {
      name: "redaction boxes",
      turns: unicodeTurns,
      range: range([21, 12], [21, 15]),
      quote: {
        exact: "□□□",
        prefix: "Note-taker: ",
        suffix: " □□\n東京発 telegram for Mr. 𠮷田 □□□",
      },
      positions: [{ turnAnchor: 21, start: 12, end: 15 }],
    },
    {
      name: "a single Japanese character",
      turns: unicodeTurns,
      range: range([22, 2], [22, 3]),
      quote: {
        exact: "発",
        prefix: "Note-taker: □□□ □□\n東京",
        suffix: " telegram for Mr. 𠮷田 □□□\nIshiba",
      },
      positions: [{ turnAnchor: 22, start: 2, end: 3 }],
    },
    {
      name: "a start inside 𠮷 and an end inside 🤝 are widened to the whole characters",
      turns: unicodeTurns,
      range: range([22, 22], [23, 33]),
      quote: {
        exact: "𠮷田 □□□\nIshibashi: (Expressing consent) 🤝",
        prefix: "er: □□□ □□\n東京発 telegram for Mr. ",
        suffix: " None.",
      },
      positions: [
        { turnAnchor: 22, start: 21, end: 28 },
        { turnAnchor: 23, start: 0, end: 34 },
      ],
    },
    {
      name: "a selection of half an emoji takes the whole emoji",
      turns: unicodeTurns,
      range: range([23, 33], [23, 34]),
      quote: { exact: "🤝", prefix: "Ishibashi: (Expressing consent) ", suffix: " None." },
      positions: [{ turnAnchor: 23, start: 32, end: 34 }],
    },
  ])("$name", ({ turns, range, quote, positions }) => {
    const result = describeSelection(turns, range);
    expect(result).toEqual({ ok: true, selector: { quote, positions } });
    // The stored positions always hold exactly the quoted words.
    expect(textOfPositions(positions, turns)).toBe(quote.exact);
  });

  it("never lets the context begin or end inside an astral character", () => {
    // 32 characters before offset 25 of turn 23 falls inside 𠮷; 32 after offset 1 inside 🤝.
    const before = describeSelection(unicodeTurns, range([23, 25], [23, 30]));
    const after = describeSelection(unicodeTurns, range([22, 0], [23, 1]));
    if (!before.ok || !after.ok) throw new Error("expected both selections to be valid");
    expect(before.selector.quote.prefix).toBe("田 □□□\nIshibashi: (Expressing co");
    expect(after.selector.quote.suffix).toBe("shibashi: (Expressing consent) ");
    // Both are one short of CONTEXT_LENGTH: the astral character was left out, not halved.
    expect([before.selector.quote.prefix.length, after.selector.quote.suffix.length]).toEqual([
      CONTEXT_LENGTH - 1,
      CONTEXT_LENGTH - 1,
    ]);
  });
});

describe("describeSelection: refused selections", () => {
  it.each([
    {
      name: "nothing selected (the same point twice)",
      range: range([3, 10], [3, 10]),
      problem: "empty",
      error: "Select some words of the transcript first.",
    },
    { name: "only a space", range: range([3, 6], [3, 7]), problem: "empty" },
    {
      name: "only the break between two turns",
      range: range([5, 66], [6, 0]),
      problem: "empty",
    },
    {
      name: "an offset beyond the turn's text",
      range: range([6, 0], [6, 19]),
      problem: "out-of-range",
      error: "The selection reaches beyond the document.",
    },
    { name: "a negative offset", range: range([6, -1], [6, 4]), problem: "out-of-range" },
    { name: "a fractional offset", range: range([6, 1.5], [6, 4]), problem: "out-of-range" },
    { name: "an unknown start turn", range: range([99, 0], [6, 4]), problem: "unknown-turn" },
    { name: "an unknown end turn", range: range([6, 0], [0, 4]), problem: "unknown-turn" },
  ])("$name", ({ range, problem, error }) => {
    const result = describeSelection(liaoIshibashi, range);
    expect(result).toMatchObject({ ok: false, problem });
    if (error) expect(result).toMatchObject({ error });
  });

  it("refuses anything in an empty document", () => {
    expect(describeSelection([], range([1, 0], [1, 0]))).toMatchObject({
      ok: false,
      problem: "unknown-turn",
    });
  });

  it("refuses whitespace-only text made of ideographic spaces and line breaks", () => {
    const turns = [
      { anchor: 1, text: "□□□\u3000\u3000" },
      { anchor: 2, text: "\u3000None." },
    ];
    expect(describeSelection(turns, range([1, 3], [2, 1]))).toMatchObject({ problem: "empty" });
    expect(describeSelection(turns, range([1, 3], [2, 2]))).toMatchObject({ ok: true });
  });
});
