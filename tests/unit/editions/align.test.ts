import { describe, expect, it } from "vitest";
import {
  alignParagraphs,
  alignTexts,
  paragraphsOf,
  type AlignedRow,
  type ParagraphTurn,
} from "@/lib/editions/align";
import { comparableWords, similarity } from "@/lib/editions/normalise";
import { differenceShare, wordDiff } from "@/lib/editions/words";
import { contentDocument } from "../citations/content-document";

// Both editions of each pair as the importer reads them from content/: turns are statements,
// and a turn that continues its source paragraph says so (`continues`).
const turnsOf = (slug: string) => contentDocument(slug).turns;
const pairs = (rows: AlignedRow[]) => rows.map((row) => [row.a, row.b]);
const joined = (turns: readonly ParagraphTurn[], indices: number[]) =>
  indices.map((i) => turns[i]!.text).join(" ");

describe("source paragraphs", () => {
  it("groups a turn with the turns that continue it", () => {
    expect(
      paragraphsOf([
        { text: "a" },
        { text: "b" },
        { text: "c", continues: true },
        { text: "d", continues: true },
        { text: "e", continues: false },
        { text: "f", continues: null },
      ]),
    ).toEqual([[0], [1, 2, 3], [4], [5]]);
    // A first turn marked as continuing (nothing before it) starts its own paragraph.
    expect(paragraphsOf([{ text: "a", continues: true }, { text: "b" }])).toEqual([[0], [1]]);
  });
});

describe("aligning seed 003 (“The World and Japan”) with FRUS 1955–57 XXIII-1 doc. 102 (TEI)", () => {
  const world = turnsOf("1956-09-07-japanese-soviet-negotiations");
  const frus = turnsOf("1956-09-07-dulles-memorandum-conversation");
  const rows = alignParagraphs(world, frus);

  it("pairs every paragraph whole, joins the split attachment items, and leaves apparatus unpaired", () => {
    // Checked by hand against both content files: the database's title line (its turn 0) is
    // its own; FRUS's "[Attachment]" and "ORAL POINTS" lines are its own; FRUS prints each Oral
    // Point's letter "(a)" as a paragraph of its own. Paragraphs Memcon split into statements
    // (World 3–4, 6–7, 8–10, 13–14, 15–16; FRUS one turn earlier) pair whole, statements and all.
    expect(pairs(rows)).toEqual([
      [[0], []],
      [[1], [0]],
      [[2], [1]],
      [
        [3, 4],
        [2, 3],
      ],
      [[5], [4]],
      [
        [6, 7],
        [5, 6],
      ],
      [
        [8, 9, 10],
        [7, 8, 9],
      ],
      [[11], [10]],
      [[12], [11]],
      [
        [13, 14],
        [12, 13],
      ],
      [
        [15, 16],
        [14, 15],
      ],
      [[17], [16]],
      [[18], [17]],
      [[19], [18]],
      [[20], [19]],
      [[21], [20]],
      [[22], [21]],
      [[], [22]],
      [[], [23]],
      [[23], [24, 25]],
      [[24], [26, 27]],
      [[25], [28, 29]],
      [[26], [30, 31]],
      [[27], [32, 33]],
      [[28], [34, 35]],
    ]);
  });

  it("finds the paired paragraphs the same apart from two dashes", () => {
    // By hand (a word diff of the two files' bodies): besides typography that folds away
    // (’ for ', é, “ ”, and "Position"/"position", "Opinion"/"opinion"), the only wording
    // difference is "The World and Japan" spacing two dashes FRUS prints as em dashes.
    const differences = rows
      .filter((row) => row.a.length && row.b.length)
      .map((row) => ({
        row: row.a,
        parts: wordDiff(joined(world, row.a), joined(frus, row.b)).filter(
          (part) => part.in !== "same",
        ),
      }))
      .filter(({ parts }) => parts.length > 0);
    expect(differences).toEqual([
      {
        row: [15, 16],
        parts: [
          { in: "a", text: "mind - and" },
          { in: "b", text: "mind—and" },
          { in: "a", text: "statement - are" },
          { in: "b", text: "statement—are" },
        ],
      },
    ]);
  });
});

describe("aligning seed 001 (FRUS copied from the web) with FRUS 1958–60 XVIII doc. 143 (TEI)", () => {
  it("pairs its four paragraphs (eight statements) one to one, word for word", () => {
    const web = turnsOf("memorandum-conversation-relations-communist-china");
    const tei = turnsOf("1960-01-19-memorandum-conversation-relations-communist-china");
    const rows = alignParagraphs(web, tei);
    expect(pairs(rows)).toEqual([
      [[0], [0]],
      [
        [1, 2],
        [1, 2],
      ],
      [
        [3, 4],
        [3, 4],
      ],
      [
        [5, 6, 7],
        [5, 6, 7],
      ],
    ]);
    for (const row of rows) expect(row.similarity).toBe(1);
  });
});

describe("alignment tolerates what editions do to paragraphs", () => {
  // FRUS doc. 102's first sixteen source paragraphs (before the attachment), one text each.
  const frusTurns = turnsOf("1956-09-07-dulles-memorandum-conversation");
  const frus = paragraphsOf(frusTurns)
    .slice(0, 16)
    .map((paragraph) => joined(frusTurns, paragraph));
  const plain = (texts: string[]): ParagraphTurn[] => texts.map((text) => ({ text }));

  it("marks a paragraph one edition leaves out", () => {
    const shorter = frus.filter((_, index) => index !== 9);
    const rows = alignTexts(frus, shorter);
    expect(rows.filter((row) => row.b.length === 0)).toEqual([{ a: [9], b: [], similarity: 0 }]);
    expect(rows).toHaveLength(16);
  });

  it("pairs a paragraph with the two it was split into, and two merged with their one", () => {
    // Paragraph 5: Ambassador Tani's answer on the prisoners and the Secretary's comment.
    const sentences = frus[5]!.split(/(?<=\.) (?=[A-Z])/);
    expect(sentences.length).toBeGreaterThan(2);
    const half = Math.ceil(sentences.length / 2);
    // Another edition prints the paragraph as two paragraphs (no `continues`).
    const split = [
      ...frus.slice(0, 5),
      sentences.slice(0, half).join(" "),
      sentences.slice(half).join(" "),
      ...frus.slice(6),
    ];
    const splitRows = alignParagraphs(plain(frus), plain(split));
    expect(splitRows[5]).toEqual({ a: [5], b: [5, 6], similarity: 1 });
    expect(splitRows[6]).toEqual({ a: [6], b: [7], similarity: 1 });
    const mergedRows = alignParagraphs(plain(split), plain(frus));
    expect(mergedRows[5]).toEqual({ a: [5, 6], b: [5], similarity: 1 });
    expect(splitRows).toHaveLength(16);
    expect(mergedRows).toHaveLength(16);
  });

  it("pairs a paragraph whole however each side split it into statements", () => {
    // Memcon's statement splits are its reading, not the edition's: the same paragraph cut
    // after its first sentence on one side and after its second on the other (the later turn
    // continuing it) pairs whole, word for word, not statement against statement.
    const sentences = frus[5]!.split(/(?<=\.) (?=[A-Z])/);
    expect(sentences.length).toBeGreaterThan(2);
    const cutAfter = (count: number): ParagraphTurn[] => [
      ...plain(frus.slice(0, 5)),
      { text: sentences.slice(0, count).join(" ") },
      { text: sentences.slice(count).join(" "), continues: true },
      ...plain(frus.slice(6)),
    ];
    const rows = alignParagraphs(cutAfter(1), cutAfter(2));
    expect(rows).toHaveLength(16);
    expect(rows[5]).toEqual({ a: [5, 6], b: [5, 6], similarity: 1 });
    expect(rows.every((row) => row.similarity === 1)).toBe(true);
    // Statement by statement, the two cuts would not match.
    const texts = (turns: ParagraphTurn[]) => turns.map((turn) => turn.text);
    expect(alignTexts(texts(cutAfter(1)), texts(cutAfter(2)))[5]!.similarity).toBeLessThan(1);
  });

  it("does not pair unrelated paragraphs", () => {
    const rows = alignTexts([frus[3]!], [frus[12]!]);
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
  it("gives each side its own words, marking those the other edition lacks, turn by turn", async () => {
    const { compareEditions } = await import("@/lib/editions/compare");
    const world = turnsOf("1956-09-07-japanese-soviet-negotiations");
    const frus = turnsOf("1956-09-07-dulles-memorandum-conversation");
    const rows = compareEditions(
      world.map((turn, i) => ({ ...turn, anchor: i + 1 })),
      frus.map((turn, i) => ({ ...turn, anchor: i + 101 })),
    );
    const anchors = (side: { turns: { anchor: number }[] } | null) =>
      side?.turns.map((turn) => turn.anchor);
    expect(rows).toHaveLength(25);
    expect(rows.filter((row) => !row.same)).toHaveLength(4);
    expect(rows[0]).toMatchObject({ b: null, same: false });
    expect(anchors(rows[0]!.a)).toEqual([1]);
    expect(anchors(rows[1]!.a)).toEqual([2]);
    expect(anchors(rows[1]!.b)).toEqual([101]);
    expect(rows[1]!.same).toBe(true);
    // A paragraph of two statements: paired whole, each statement keeping its own anchor.
    expect(anchors(rows[3]!.a)).toEqual([4, 5]);
    expect(anchors(rows[3]!.b)).toEqual([103, 104]);
    expect(rows[3]!.same).toBe(true);
    expect(rows[3]!.b!.turns[1]!.parts).toEqual([
      { in: "same", text: "Ambassador Tani concurred." },
    ]);
    // A changed word: each side shows its own spelling, marked, in the statement that has it.
    const dashes = rows[10]!;
    expect(anchors(dashes.a)).toEqual([16, 17]);
    expect(anchors(dashes.b)).toEqual([115, 116]);
    const marked = (turn: { parts: { in: string; text: string }[] }) =>
      turn.parts.filter((part) => part.in !== "same").map((part) => part.text);
    expect(dashes.a!.turns.map(marked)).toEqual([[], ["mind - and", "statement - are"]]);
    expect(dashes.b!.turns.map(marked)).toEqual([[], ["mind—and", "statement—are"]]);
    // Cut back into turns, each side's words are its turns' words, none lost or moved.
    for (const [side, turns, first] of [
      [dashes.a!, world, 1],
      [dashes.b!, frus, 101],
    ] as const)
      for (const turn of side.turns)
        expect(turn.parts.map((part) => part.text).join(" ")).toBe(
          turns[turn.anchor - first]!.text.split(/\s+/).join(" "),
        );
    // B's common words as B prints them (its curly apostrophes), not as A does.
    expect(rows[1]!.b!.turns[0]!.parts[0]!.text).toContain("the Secretary’s home");
    expect(rows[1]!.a!.turns[0]!.parts[0]!.text).toContain("the Secretary's home");
    // FRUS's attachment headings are its own; its lettered items pair with the database's.
    expect(rows[17]).toMatchObject({ a: null, same: false });
    expect(anchors(rows[17]!.b)).toEqual([123]);
    expect(anchors(rows[18]!.b)).toEqual([124]);
    expect(anchors(rows.at(-1)!.a)).toEqual([29]);
    expect(anchors(rows.at(-1)!.b)).toEqual([135, 136]);
    expect(rows.at(-1)!.same).toBe(true);
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
