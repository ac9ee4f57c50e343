import { describe, expect, it } from "vitest";
import {
  TURN_SEPARATOR,
  joinTurns,
  positionsInRange,
  textOfPositions,
  toJoinedOffset,
  type TurnText,
} from "@/lib/anchoring";
import { splitsSurrogatePair, trimSeparators, widenToCodePoints } from "@/lib/anchoring/text-index";
import { liaoIshibashi, unicodeTurns } from "./fixtures";

// The joined text (turns separated by "\n") and the conversions between its offsets and per-turn
// positions, which every quote search relies on.

const joined = joinTurns(liaoIshibashi);

/** Turns with an empty one in the middle, as a header-only line can leave. */
const withEmptyTurn: TurnText[] = [
  { anchor: 1, text: "Is that true?" },
  { anchor: 2, text: "" },
  { anchor: 3, text: "None." },
];

describe("joinTurns", () => {
  it("joins the turns with TURN_SEPARATOR and records where each lies", () => {
    expect(TURN_SEPARATOR).toBe("\n");
    expect(joined.text).toBe(liaoIshibashi.map((turn) => turn.text).join("\n"));
    expect(joined.spans.slice(0, 3)).toEqual([
      { anchor: 1, start: 0, end: 101 },
      { anchor: 2, start: 102, end: 321 },
      { anchor: 3, start: 322, end: 464 },
    ]);
    expect(joined.spans.at(-1)).toEqual({ anchor: 8, start: 735, end: 753 });
  });

  it("handles an empty document and empty turns", () => {
    expect(joinTurns([])).toEqual({ text: "", spans: [], spanIndexByAnchor: new Map() });
    expect(joinTurns(withEmptyTurn).spans).toEqual([
      { anchor: 1, start: 0, end: 13 },
      { anchor: 2, start: 14, end: 14 },
      { anchor: 3, start: 15, end: 20 },
    ]);
  });
});

describe("toJoinedOffset", () => {
  it.each([
    { name: "start of the first turn", anchor: 1, offset: 0, expected: 0 },
    { name: "inside a later turn", anchor: 3, offset: 62, expected: 384 },
    { name: "end of a turn (exclusive end)", anchor: 3, offset: 142, expected: 464 },
    { name: "past the end of the turn", anchor: 3, offset: 143, expected: null },
    { name: "negative offset", anchor: 3, offset: -1, expected: null },
    { name: "fractional offset", anchor: 3, offset: 2.5, expected: null },
    { name: "unknown turn", anchor: 99, offset: 0, expected: null },
  ])("$name", ({ anchor, offset, expected }) => {
    expect(toJoinedOffset(joined, anchor, offset)).toBe(expected);
  });
});

describe("trimSeparators", () => {
  it.each([
    { name: "a range inside a turn is kept", range: [384, 416], expected: [384, 416] },
    {
      name: "starting on the separator moves to the next turn",
      range: [321, 400],
      expected: [322, 400],
    },
    { name: "ending at offset 0 of a turn moves back", range: [300, 465], expected: [300, 464] },
    { name: "just a separator becomes empty", range: [321, 322], expected: [322, 322] },
  ])("$name", ({ range, expected }) => {
    const [start, end] = range as [number, number];
    expect(trimSeparators(joined, { start, end })).toEqual({
      start: expected[0],
      end: expected[1],
    });
  });

  it("skips an empty turn at either edge", () => {
    const empty = joinTurns(withEmptyTurn);
    expect(trimSeparators(empty, { start: 13, end: 20 })).toEqual({ start: 15, end: 20 });
    expect(trimSeparators(empty, { start: 0, end: 15 })).toEqual({ start: 0, end: 13 });
  });
});

describe("surrogate pairs", () => {
  const telegram = unicodeTurns[1]!.text; // "東京発 telegram for Mr. 𠮷田 □□□", 𠮷 at 21–22

  it("knows when an offset falls inside an astral character", () => {
    expect([20, 21, 22, 23].map((offset) => splitsSurrogatePair(telegram, offset))).toEqual([
      false,
      false,
      true,
      false,
    ]);
    expect(splitsSurrogatePair("発", 1)).toBe(false);
  });

  it("widens a range to whole code points", () => {
    expect(widenToCodePoints(telegram, { start: 22, end: 22 })).toEqual({ start: 21, end: 23 });
    expect(widenToCodePoints(telegram, { start: 2, end: 3 })).toEqual({ start: 2, end: 3 });
  });
});

describe("positionsInRange", () => {
  it.each([
    {
      name: "inside one turn",
      turns: liaoIshibashi,
      range: [384, 416],
      expected: [{ turnAnchor: 3, start: 62, end: 94 }],
    },
    {
      name: "across three turns: tail, whole, head",
      turns: liaoIshibashi,
      range: [273, 487],
      expected: [
        { turnAnchor: 2, start: 171, end: 219 },
        { turnAnchor: 3, start: 0, end: 142 },
        { turnAnchor: 4, start: 0, end: 22 },
      ],
    },
    {
      name: "a range starting on a separator leaves out the turn before",
      turns: liaoIshibashi,
      range: [321, 330],
      expected: [{ turnAnchor: 3, start: 0, end: 8 }],
    },
    {
      name: "an empty turn in the middle is covered whole (0–0)",
      turns: withEmptyTurn,
      range: [8, 19],
      expected: [
        { turnAnchor: 1, start: 8, end: 13 },
        { turnAnchor: 2, start: 0, end: 0 },
        { turnAnchor: 3, start: 0, end: 4 },
      ],
    },
    {
      name: "a range cutting 𠮷 and 🤝 in half is widened",
      turns: unicodeTurns,
      range: [41, 81],
      expected: [
        { turnAnchor: 22, start: 21, end: 28 },
        { turnAnchor: 23, start: 0, end: 34 },
      ],
    },
    { name: "an empty range", turns: liaoIshibashi, range: [384, 384], expected: [] },
    { name: "a backwards range", turns: liaoIshibashi, range: [416, 384], expected: [] },
    { name: "a range beyond the text", turns: liaoIshibashi, range: [700, 800], expected: [] },
    { name: "a negative range", turns: liaoIshibashi, range: [-5, 3], expected: [] },
    { name: "the empty document", turns: [], range: [0, 0], expected: [] },
  ])("$name", ({ turns, range, expected }) => {
    const [start, end] = range as [number, number];
    expect(positionsInRange(joinTurns(turns), { start, end })).toEqual(expected);
  });

  it("round-trips: the positions' text is the joined text of the range", () => {
    const positions = positionsInRange(joined, { start: 273, end: 487 });
    expect(textOfPositions(positions, liaoIshibashi)).toBe(joined.text.slice(273, 487));
  });
});

describe("textOfPositions", () => {
  it.each([
    {
      name: "one turn",
      positions: [{ turnAnchor: 3, start: 62, end: 94 }],
      expected: "numerous American military bases",
    },
    {
      name: "two turns joined by the separator",
      positions: [
        { turnAnchor: 3, start: 116, end: 142 },
        { turnAnchor: 4, start: 0, end: 10 },
      ],
      expected: "indeed impossible to talk.\nTerms like",
    },
    { name: "no positions", positions: [], expected: "" },
    { name: "a missing turn", positions: [{ turnAnchor: 99, start: 0, end: 1 }], expected: null },
    {
      name: "an end beyond the turn",
      positions: [{ turnAnchor: 6, start: 8, end: 19 }],
      expected: null,
    },
    { name: "start after end", positions: [{ turnAnchor: 6, start: 9, end: 8 }], expected: null },
    { name: "negative start", positions: [{ turnAnchor: 6, start: -1, end: 4 }], expected: null },
  ])("$name", ({ positions, expected }) => {
    expect(textOfPositions(positions, liaoIshibashi)).toBe(expected);
  });
});
