import { describe, expect, it } from "vitest";
import {
  MAX_FUZZY_ERRORS,
  bestExactMatch,
  bestFuzzyMatch,
  exactOccurrences,
  fuzzyErrorBudget,
  similarity,
} from "@/lib/anchoring/match-quote";

// The search primitives behind re-anchoring: how many edits a fuzzy match may need, how context is
// compared, and how one occurrence is chosen among several.

const liao =
  "If the prerequisite for further negotiations is to accept the numerous American military bases in Japan, then it is indeed impossible to talk.";

describe("fuzzyErrorBudget", () => {
  it.each([
    { length: 0, budget: 0 },
    { length: 3, budget: 0 },
    { length: 4, budget: 1 },
    { length: 7, budget: 1 },
    { length: 32, budget: 8 },
    { length: 37, budget: 9 },
    { length: 128, budget: 32 },
    { length: 5000, budget: MAX_FUZZY_ERRORS },
  ])("a quote of $length characters may need $budget edits", ({ length, budget }) => {
    expect(fuzzyErrorBudget(length)).toBe(budget);
  });
});

describe("similarity", () => {
  it.each([
    { name: "identical", expected: "accept the ", actual: "accept the ", score: 1 },
    { name: "one edit in eight", expected: "bases in", actual: "basis in", score: 7 / 8 },
    { name: "nothing to compare against", expected: "", actual: "anything", score: 1 },
    { name: "nothing found (document start)", expected: "Premier", actual: "", score: 0 },
    {
      name: "shorter actual text counts the missing letters",
      expected: "Japan, ",
      actual: "an, ",
      score: 4 / 7,
    },
  ])("$name", ({ expected, actual, score }) => {
    expect(similarity(expected, actual)).toBeCloseTo(score, 10);
  });
});

describe("exactOccurrences", () => {
  it("finds every occurrence, overlapping ones included", () => {
    expect(exactOccurrences("□□□ □□", "□□")).toEqual([
      { start: 0, end: 2 },
      { start: 1, end: 3 },
      { start: 4, end: 6 },
    ]);
    expect(exactOccurrences(liao, "Taiwan")).toEqual([]);
    expect(exactOccurrences(liao, "")).toEqual([]);
  });
});

describe("bestExactMatch", () => {
  const text = "That is also true.\nThe United States attempted\nThat is also true.";
  const second = { start: 55, end: 64 };
  const first = { start: 8, end: 17 };

  it.each([
    {
      name: "context decides, whatever the hint says",
      quote: { exact: "also true", prefix: "attempted\nThat is ", suffix: "." },
      hint: 0,
      expected: second,
    },
    {
      name: "equal context: the occurrence nearest the hint",
      quote: { exact: "also true", prefix: "That is ", suffix: "." },
      hint: 50,
      expected: second,
    },
    {
      name: "equal context and no hint: the first occurrence",
      quote: { exact: "also true", prefix: "That is ", suffix: "." },
      hint: null,
      expected: first,
    },
    {
      name: "absent quote",
      quote: { exact: "Taiwan", prefix: "", suffix: "" },
      hint: null,
      expected: null,
    },
  ])("$name", ({ quote, hint, expected }) => {
    expect(bestExactMatch(text, quote, hint)).toEqual(expected);
  });
});

describe("bestFuzzyMatch", () => {
  const quote = {
    exact: "numerous American military bases",
    prefix: "r negotiations is to accept the ",
    suffix: " in Japan, then it is indeed imp",
  };

  it("accepts a corrected typo in place", () => {
    const typo = { ...quote, exact: "numerous Amercian military bases" };
    expect(bestFuzzyMatch(liao, typo, 62)).toMatchObject({ start: 62, end: 94 });
  });

  it("accepts a quote at the edge of its budget when both sides of the context agree", () => {
    // 8 edits in 32 characters ("American" became "U.S."), with the context unchanged.
    const text = liao.replace("American", "U.S.");
    const match = bestFuzzyMatch(text, quote, 62);
    expect(match).toMatchObject({ start: 62, end: 90 });
    expect(text.slice(62, 90)).toBe("numerous U.S. military bases");
    expect(match!.score).toBeGreaterThan(0.8);
  });

  it("refuses an edited quote in wholly new surroundings", () => {
    const elsewhere =
      "The Soviet Union keeps numerous Amercian military bases under watch, they say.";
    expect(bestFuzzyMatch(elsewhere, quote, null)).toBeNull();
  });

  it("refuses quotes too short to tell a typo from another word", () => {
    expect(bestFuzzyMatch("Kishi", { exact: "Kis", prefix: "", suffix: "" }, null)).toBeNull();
  });

  it("finds nothing in an empty document", () => {
    expect(bestFuzzyMatch("", quote, null)).toBeNull();
  });
});
