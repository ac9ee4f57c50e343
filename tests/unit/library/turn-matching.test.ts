import { describe, expect, it } from "vitest";
import { assignAnchors, matchTurns, textSimilarity } from "@/lib/library/turn-matching";

const old = [
  { anchor: 1, kind: "speech", text: "Premier Zhou sends you his greetings." },
  {
    anchor: 2,
    kind: "speech",
    text: "Japan cannot cut its ties with the United States right now.",
  },
  { anchor: 3, kind: "speech", text: "Then it is indeed impossible to talk." },
  { anchor: 4, kind: "note", text: "Source: Department of State, Central Files." },
];

describe("matchTurns", () => {
  it.each([
    {
      name: "unchanged document keeps every anchor",
      incoming: old.map(({ kind, text }) => ({ kind, text })),
      expected: [1, 2, 3, 4],
    },
    {
      name: "a turn inserted at the top does not shift the others",
      incoming: [
        { kind: "heading", text: "Top-Secret Document" },
        ...old.map(({ kind, text }) => ({ kind, text })),
      ],
      expected: [null, 1, 2, 3, 4],
    },
    {
      name: "a deleted turn frees its anchor and the rest keep theirs",
      incoming: [old[0]!, old[2]!, old[3]!].map(({ kind, text }) => ({ kind, text })),
      expected: [1, 3, 4],
    },
    {
      name: "a lightly edited turn keeps its anchor (typo fixed)",
      incoming: [
        { kind: "speech", text: "Premier Zhou [Enlai] sends you his greetings." },
        { kind: "speech", text: "Then it is indeed impossible to talk." },
      ],
      expected: [1, 3],
    },
    {
      name: "re-wrapped whitespace counts as identical",
      incoming: [{ kind: "speech", text: "Then it is  indeed\nimpossible to talk. " }],
      expected: [3],
    },
    {
      name: "a rewritten turn gets a new anchor",
      incoming: [{ kind: "speech", text: "We will discuss trade in the autumn." }],
      expected: [null],
    },
    {
      name: "similar text of another kind is not matched",
      incoming: [{ kind: "paragraph", text: "Premier Zhou sends you his greetings!" }],
      expected: [null],
    },
    {
      name: "reordered turns follow their content",
      incoming: [old[2]!, old[0]!].map(({ kind, text }) => ({ kind, text })),
      expected: [3, 1],
    },
  ])("$name", ({ incoming, expected }) => {
    expect(matchTurns(old, incoming)).toEqual(expected);
  });

  it("pairs repeated identical turns in reading order", () => {
    const repeated = [
      { anchor: 7, kind: "speech", text: "Yes." },
      { anchor: 9, kind: "speech", text: "Yes." },
    ];
    expect(
      matchTurns(repeated, [
        { kind: "speech", text: "Yes." },
        { kind: "speech", text: "Yes." },
      ]),
    ).toEqual([7, 9]);
    expect(matchTurns(repeated, [{ kind: "speech", text: "Yes." }])).toEqual([7]);
  });
});

describe("assignAnchors", () => {
  it("numbers a first import 1..n", () => {
    expect(
      assignAnchors(
        [],
        [
          { kind: "speech", text: "a" },
          { kind: "speech", text: "b" },
        ],
      ),
    ).toEqual([1, 2]);
  });
  it("numbers new turns after the highest anchor ever used, never reusing one", () => {
    const incoming = [
      { kind: "heading", text: "New heading" },
      { kind: "speech", text: old[1]!.text },
    ];
    expect(assignAnchors(old, incoming)).toEqual([5, 2]);
  });
});

describe("textSimilarity", () => {
  it("is 1 for identical and empty texts, lower as edits grow", () => {
    expect(textSimilarity("abc", "abc")).toBe(1);
    expect(textSimilarity("", "")).toBe(1);
    expect(textSimilarity("abcd", "abcx")).toBeCloseTo(0.75);
    expect(textSimilarity("abc", "xyz")).toBe(0);
  });
});
