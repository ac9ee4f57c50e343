import { describe, expect, it } from "vitest";
import {
  extractApparatus,
  noteSentinel,
  pagesSpanned,
  pageSentinel,
  shareApparatus,
} from "@/lib/importer/apparatus";
import { markedText, readMarkedText } from "@/lib/importer/content-format";

describe("extractApparatus", () => {
  it.each([
    [
      `with Secretary ${pageSentinel("278")} Herter’s approval`,
      { text: "with Secretary Herter’s approval", notes: [], pages: [{ page: "278", at: 15 }] },
    ],
    [
      `${pageSentinel("270")} Secretary Herter replied`,
      { text: "Secretary Herter replied", notes: [], pages: [{ page: "270", at: 0 }] },
    ],
    [
      `an Aide-Memoire${noteSentinel("2")}, copy of which`,
      { text: "an Aide-Memoire, copy of which", notes: [{ label: "2", at: 15 }], pages: [] },
    ],
    [
      `recognition.${noteSentinel("1")} The Prime Minister`,
      { text: "recognition. The Prime Minister", notes: [{ label: "1", at: 12 }], pages: [] },
    ],
    // Entities and punctuation pass through untouched.
    [
      "Documents 139–142 and “Aide-Mémoire”",
      { text: "Documents 139–142 and “Aide-Mémoire”", notes: [], pages: [] },
    ],
  ])("%j", (marked, expected) => expect(extractApparatus(marked)).toEqual(expected));
});

describe("shareApparatus", () => {
  it("gives a note to the words before its mark and a page to the words after it", () => {
    const parts = [
      { text: "He agreed.", start: 0 },
      { text: "Secretary Herter replied.", start: 11 },
    ];
    expect(
      shareApparatus(parts, {
        notes: [{ label: "1", at: 10 }],
        pages: [{ page: "270", at: 11 }],
      }),
    ).toEqual([
      { text: "He agreed.", start: 0, notes: [{ label: "1", at: 10 }] },
      { text: "Secretary Herter replied.", start: 11, pages: [{ page: "270", at: 0 }] },
    ]);
  });
});

describe("marked text in content files", () => {
  it.each([
    [
      { text: "an Aide-Memoire, copy", notes: [{ label: "2", at: 15 }] },
      "an Aide-Memoire[^2], copy",
    ],
    [
      { text: "with Secretary Herter’s", pages: [{ page: "278", at: 15 }] },
      "with Secretary {pb 278} Herter’s",
    ],
    [{ text: "Secretary Herter", pages: [{ page: "270", at: 0 }] }, "{pb 270} Secretary Herter"],
    [
      { text: "a literal [^3] and {pb 4} in the words" },
      "a literal \\[^3] and \\{pb 4} in the words",
    ],
  ])("%j is written %j and read back", (turn, written) => {
    expect(markedText(turn)).toBe(written);
    expect(readMarkedText(written)).toEqual(turn);
  });
});

describe("pagesSpanned", () => {
  it("puts text before the first break on the page before it, and a turn on every page it spans", () => {
    expect(
      pagesSpanned([
        { pages: [{ page: "269", at: 40 }] },
        {},
        { pages: [{ page: "270", at: 0 }] },
        { pages: [{ page: "271", at: 12 }] },
        {},
      ]),
    ).toEqual([["268", "269"], ["269"], ["270"], ["270", "271"], ["271"]]);
  });
  it("knows no page before the first break when the text starts with one, or without breaks", () => {
    expect(pagesSpanned([{ pages: [{ page: "227", at: 0 }] }, {}])).toEqual([["227"], ["227"]]);
    expect(pagesSpanned([{}, {}])).toEqual([[], []]);
  });
});
