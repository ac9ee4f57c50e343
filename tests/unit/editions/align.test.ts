import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { alignTurns, type AlignedRow } from "@/lib/editions/align";
import { comparableWords, similarity } from "@/lib/editions/normalise";
import { differenceShare, wordDiff } from "@/lib/editions/words";
import { parseTei } from "@/lib/importer/tei";
import { contentDocument } from "../citations/content-document";

const teiTurns = (file: string) =>
  parseTei(readFileSync(`../shared/samples/frus-tei/${file}`, "utf8"), file).turns.map(
    (turn) => turn.text,
  );
const contentTurns = (slug: string) => contentDocument(slug).turns.map((turn) => turn.text);
const pairs = (rows: AlignedRow[]) => rows.map((row) => [row.a, row.b]);

describe("aligning seed 003 (“The World and Japan”) with FRUS 1955–57 XXIII-1 doc. 102 (TEI)", () => {
  const world = contentTurns("1956-09-07-japanese-soviet-negotiations");
  const frus = teiTurns("frus1955-57v23p1_d102.xml");
  const rows = alignTurns(world, frus);

  it("pairs every paragraph, joins the split attachment items, and leaves apparatus unpaired", () => {
    // Checked by hand against both texts: the database's title line and closing source note
    // are its own; FRUS's "[Page 231] [Attachment]" and "ORAL POINTS" lines are its own; FRUS
    // prints each Oral Point's letter "(a)" as a paragraph of its own, and "[Page 232]" alone.
    expect(pairs(rows)).toEqual([
      [[0], []],
      ...Array.from({ length: 18 }, (_, k) => [[k + 1], [k]]),
      [[], [18]],
      [[], [19]],
      [[19], [20, 21]],
      [[20], [22, 23]],
      [[21], [24, 25]],
      [[22], [26, 27]],
      [[23], [28, 29, 30]],
      [[24], [31, 32]],
      [[25], []],
    ]);
  });

  it("finds the paired paragraphs the same apart from page markers and dashes", () => {
    const differences = rows
      .filter((row) => row.a.length && row.b.length)
      .map((row) => ({
        row: row.a[0],
        parts: wordDiff(
          row.a.map((i) => world[i]).join(" "),
          row.b.map((i) => frus[i]).join(" "),
        ).filter((part) => part.in !== "same"),
      }))
      .filter(({ parts }) => parts.length > 0);
    expect(differences).toEqual([
      { row: 6, parts: [{ in: "b", text: "[Page 228]" }] },
      {
        row: 11,
        parts: [
          { in: "b", text: "[Page 229]" },
          { in: "a", text: "mind - and" },
          { in: "b", text: "mind—and" },
          { in: "a", text: "statement - are" },
          { in: "b", text: "statement—are" },
        ],
      },
      { row: 13, parts: [{ in: "b", text: "[Page 230]" }] },
      { row: 23, parts: [{ in: "b", text: "[Page 232]" }] },
    ]);
  });
});

describe("aligning seed 001 (FRUS copied from the web) with FRUS 1958–60 XVIII doc. 143 (TEI)", () => {
  it("pairs its five paragraphs one to one, word for word", () => {
    const web = contentTurns("memorandum-conversation-relations-communist-china");
    const tei = teiTurns("frus1958-60v18_d143.xml");
    const rows = alignTurns(web, tei);
    expect(pairs(rows)).toEqual([0, 1, 2, 3, 4].map((k) => [[k], [k]]));
    for (const row of rows) expect(row.similarity).toBe(1);
  });
});

describe("alignment tolerates what editions do to paragraphs", () => {
  const frus = teiTurns("frus1955-57v23p1_d102.xml").slice(0, 18);

  it("marks a paragraph one edition leaves out", () => {
    const shorter = frus.filter((_, index) => index !== 9);
    const rows = alignTurns(frus, shorter);
    expect(rows.filter((row) => row.b.length === 0)).toEqual([{ a: [9], b: [], similarity: 0 }]);
    expect(rows).toHaveLength(18);
  });

  it("pairs a paragraph with the two it was split into, and two merged with their one", () => {
    const sentences = frus[6]!.split(/(?<=\.) (?=[A-Z])/);
    expect(sentences.length).toBeGreaterThan(2);
    const half = Math.ceil(sentences.length / 2);
    const split = [
      ...frus.slice(0, 6),
      sentences.slice(0, half).join(" "),
      sentences.slice(half).join(" "),
      ...frus.slice(7),
    ];
    expect(alignTurns(frus, split)[6]).toEqual({ a: [6], b: [6, 7], similarity: 1 });
    expect(alignTurns(split, frus)[6]).toEqual({ a: [6, 7], b: [6], similarity: 1 });
  });

  it("does not pair unrelated paragraphs", () => {
    const rows = alignTurns([frus[3]!], [frus[12]!]);
    expect(pairs(rows)).toEqual([
      [[], [0]],
      [[0], []],
    ]);
  });
});

describe("comparing words", () => {
  it("ignores accents, case, quotation marks, page markers and note marks", () => {
    expect(comparableWords("[Page 228] The Aide-Mémoire,2 “Oral Points”*3* Secretary’s")).toEqual([
      "the",
      "aide",
      "memoire",
      "oral",
      "points",
      "secretary",
      "s",
    ]);
    expect(similarity(["a", "b", "b"], ["b", "a", "b"])).toBe(1);
    expect(similarity(["a", "b"], ["c"])).toBe(0);
  });

  it("marks insertions, omissions and changed words", () => {
    const parts = wordDiff("The Secretary said no to Tani.", "The Secretary told Tani firmly.");
    expect(parts).toEqual([
      { in: "same", text: "The Secretary" },
      { in: "a", text: "said no to" },
      { in: "b", text: "told" },
      { in: "same", text: "Tani." },
      { in: "b", text: "firmly." },
    ]);
    expect(differenceShare(parts)).toBeCloseTo(5 / 11); // 3 of 6 and 3 of 5 words common
    expect(differenceShare(wordDiff("same words", "Same words"))).toBe(0);
  });
});

describe("compareEditions", () => {
  it("gives each side its own words, marking those the other edition lacks", async () => {
    const { compareEditions } = await import("@/lib/editions/compare");
    const world = contentDocument("1956-09-07-japanese-soviet-negotiations").turns;
    const frus = parseTei(
      readFileSync("../shared/samples/frus-tei/frus1955-57v23p1_d102.xml", "utf8"),
      "d102.xml",
    ).turns;
    const rows = compareEditions(
      world.map((turn, i) => ({ anchor: i + 1, text: turn.text })),
      frus.map((turn, i) => ({ anchor: i + 101, text: turn.text })),
    );
    expect(rows[0]).toMatchObject({ a: { anchors: [1] }, b: null, same: false });
    expect(rows[1]).toMatchObject({ a: { anchors: [2] }, b: { anchors: [101] }, same: true });
    // FRUS prints the page break; the database's edition does not.
    const page = rows[6]!;
    expect(page.a!.parts.every((part) => part.in === "same")).toBe(true);
    expect(page.b!.parts.filter((part) => part.in === "b")).toEqual([
      { in: "b", text: "[Page 228]" },
    ]);
    // A changed word: each side shows its own spelling, marked.
    const dashes = rows[11]!;
    expect(dashes.a!.parts.filter((part) => part.in === "a").map((part) => part.text)).toEqual([
      "mind - and",
      "statement - are",
    ]);
    expect(dashes.b!.parts.filter((part) => part.in === "b").map((part) => part.text)).toEqual([
      "[Page 229]",
      "mind—and",
      "statement—are",
    ]);
    // B's common words as B prints them (its curly apostrophes), not as A does.
    expect(rows[1]!.b!.parts[0]!.text).toContain("the Secretary’s home");
    expect(rows[1]!.a!.parts[0]!.text).toContain("the Secretary's home");
    expect(rows.at(-1)).toMatchObject({ a: { anchors: [26] }, b: null });
  });
});

describe("telling editions of one record", () => {
  const doc = (slug: string) => {
    const parsed = contentDocument(slug);
    return {
      record: { date: parsed.date ?? null, archive: parsed.archive ?? null, fields: parsed.fields },
      texts: parsed.turns.map((turn) => turn.text),
    };
  };

  it("takes the same date, or the same numbered FRUS document, as candidates", async () => {
    const { mayBeEditions } = await import("@/lib/editions/candidates");
    const world = doc("1956-09-07-japanese-soviet-negotiations");
    const frus102 = doc("1956-09-07-dulles-memorandum-conversation");
    const web143 = doc("memorandum-conversation-relations-communist-china");
    const tei143 = doc("1960-01-19-memorandum-conversation-relations-communist-china");
    const frus96 = doc("1956-08-31-masuhara-robertson-memorandum-conversation-courtesy-call");
    expect(mayBeEditions(world.record, frus102.record)).toBe(true);
    expect(mayBeEditions(web143.record, tei143.record)).toBe(true);
    expect(mayBeEditions(tei143.record, web143.record)).toBe(true);
    expect(mayBeEditions(frus96.record, frus102.record)).toBe(false);
  });

  it("confirms them by their words, and not two records of one day", async () => {
    const { SAME_RECORD, textAgreement } = await import("@/lib/editions/candidates");
    const world = doc("1956-09-07-japanese-soviet-negotiations").texts;
    const frus102 = doc("1956-09-07-dulles-memorandum-conversation").texts;
    const web143 = doc("memorandum-conversation-relations-communist-china").texts;
    const tei143 = doc("1960-01-19-memorandum-conversation-relations-communist-china").texts;
    const frus139 = doc("1960-01-19-memorandum-conversation-us-japanese-economic-problems").texts;
    expect(textAgreement(world, frus102)).toBeGreaterThan(0.95);
    expect(textAgreement(web143, tei143)).toBeGreaterThan(0.95);
    // Same day, same delegations, another conversation (FRUS docs 139 and 143).
    expect(textAgreement(tei143, frus139)).toBeLessThan(SAME_RECORD);
  });
});
