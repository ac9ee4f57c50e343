import { describe, expect, it } from "vitest";
import { parseSource } from "@/lib/importer";
import { parseContent, serializeContent, serializeTurn } from "@/lib/importer/content-format";
import { contentFileName, convertToContent } from "@/lib/importer/convert";
import type { ParsedDocument, ParsedSource } from "@/lib/importer/types";
import {
  haveSeeds,
  haveTei,
  seed,
  SEED_NUMBERS,
  SKIP_NOTE,
  TEI_SAMPLES,
  teiSample,
} from "./fixtures";

// The content file format (content/<slug>.md): serialise, read back, and get the same thing.

const sources = (): { name: string; parsed: ParsedSource }[] => [
  ...SEED_NUMBERS.map((number) => {
    const { text, file } = seed(number);
    return { name: `seed ${number}`, parsed: parseSource(text, file) };
  }),
  ...TEI_SAMPLES.map((sample) => {
    const { text, file } = teiSample(sample);
    return { name: sample, parsed: parseSource(text, file) };
  }),
];

const documentWith = (overrides: Partial<ParsedDocument>): ParsedDocument => ({
  type: "document",
  slug: "a-test",
  title: "A test",
  shape: "memorandum",
  fields: {},
  participants: [{ id: "liao", name: "Liao Chengzhi", label: "Liao" }],
  turns: [],
  dropped: [],
  ...overrides,
});

describe.skipIf(!haveSeeds || !haveTei)(`round trip over the real sources${SKIP_NOTE}`, () => {
  it.each(haveSeeds && haveTei ? sources() : [])(
    "$name: parseContent(serializeContent(x)) equals x",
    ({ parsed }) => {
      const content = serializeContent(parsed);
      expect(parseContent(content, contentFileName(parsed))).toStrictEqual(parsed);
      // The entry point recognises content files too, and serialising again changes nothing.
      expect(serializeContent(parseSource(content, "x.md"))).toBe(content);
    },
  );

  it("writes readable markup for each kind of turn", () => {
    const byName = new Map(sources().map(({ name, parsed }) => [name, serializeContent(parsed)]));
    expect(byName.get("seed 000")).toContain(
      "\n**Liao:** Premier Zhou [Enlai] sends you his greetings,",
    );
    expect(byName.get("seed 000")).toContain("\n{header} Top-Secret Document To be Destroyed\n");
    expect(byName.get("seed 000")).toContain(
      "\n## Record of the Third Conversation between Comrade Liao Chengzhi and Ishibashi Tanzan\n",
    );
    expect(byName.get("seed 003")).toContain(
      "\nThe Secretary handed Ambassador Tani an Aide-Memoire[^2],",
    );
    // A paragraph split where the speaker changes: one block, a line per statement.
    expect(byName.get("seed 003")).toContain(
      "\n{@dulles} The Secretary then asked if Prime Minister Hatoyama was going to Moscow.\n{@tani} Ambassador Tani said that there were news reports",
    );
    expect(byName.get("seed 003")).toContain("\n[^2]: See supra.\n");
    expect(byName.get("frus1958-60v18_d139.xml")).toContain(
      "\n{@herter} {pb 270} Secretary Herter replied",
    );
    expect(byName.get("seed 003")).toContain(
      "\n{attachment} (a) The Government of the United States",
    );
    expect(byName.get("seed 004")).toContain("\n{@han #1} First, Vice Minister Han,");
    expect(byName.get("seed 004")).toContain("\n{#3} We met again from around 4:15.");
    expect(byName.get("seed 004")).toContain(
      "\n{original lang=ja} 総番号 (TA) R052940  5285  主管\n",
    );
    expect(byName.get("seed 002")).toContain("\n## 1946-05-06 · From the Diary of V.M. Molotov,");
    expect(byName.get("seed 000")).toMatch(
      /^---\ntype: document\nslug: 1959-09-14-liao-ishibashi-third-conversation\n/,
    );
  });

  it("names the content file after the slug", () => {
    const { text, file } = seed("000");
    expect(convertToContent(text, file).fileName).toBe(
      "1959-09-14-liao-ishibashi-third-conversation.md",
    );
  });
});

describe("turn markup", () => {
  const participants = [
    { id: "liao", name: "Liao Chengzhi", label: "Liao" },
    { id: "tani", name: "Masayuki Tani", title: "Mr." },
  ];

  it.each([
    [{ kind: "speech", speaker: "liao", text: "Hello." }, "**Liao:** Hello."],
    [{ kind: "speech", speaker: "tani", text: "Hello." }, "**Masayuki Tani:** Hello."],
    [{ kind: "speech", text: "Unlabelled." }, "{speech} Unlabelled."],
    [
      { kind: "paragraph", speaker: "tani", text: "Ambassador Tani said so." },
      "{@tani} Ambassador Tani said so.",
    ],
    [{ kind: "paragraph", text: "Plain." }, "Plain."],
    [{ kind: "paragraph", text: "{braces} first" }, "\\{braces} first"],
    [{ kind: "paragraph", text: "**bold** first" }, "\\**bold** first"],
    [{ kind: "paragraph", text: "# not a heading" }, "\\# not a heading"],
    [{ kind: "paragraph", label: "3", text: "Numbered." }, "{#3} Numbered."],
    [{ kind: "heading", text: "2. GARIOA" }, "## 2. GARIOA"],
    [{ kind: "note", label: "4", text: "See Document 81." }, "{note #4} See Document 81."],
    [{ kind: "note", text: "Unlabelled note." }, "{note} Unlabelled note."],
    [{ kind: "header", text: "□ □" }, "{header} □ □"],
    [
      { kind: "original", lang: "ja", text: "第1384号 極秘 大至急" },
      "{original lang=ja} 第1384号 極秘 大至急",
    ],
  ] as const)("%j is written as %j and read back", (turn, markup) => {
    expect(serializeTurn(turn, participants)).toBe(markup);
    const document = documentWith({ participants, turns: [turn] });
    expect(parseContent(serializeContent(document), "t.md")).toStrictEqual(document);
  });

  it("reads a hand-edited file: wrapped lines, speakers by name or id, a collection link", () => {
    const text = [
      "---",
      "type: document",
      "slug: hand-edited",
      "shape: dialogue",
      "title: Hand edited",
      "participants:",
      "  - id: liao",
      "    name: Liao Chengzhi",
      "    label: Liao",
      "---",
      "",
      "**Liao Chengzhi:** A speech",
      "wrapped over two lines.",
      "",
      "**liao:** By id.",
      "",
    ].join("\n");
    expect(parseContent(text, "hand.md")).toStrictEqual(
      documentWith({
        slug: "hand-edited",
        title: "Hand edited",
        shape: "dialogue",
        turns: [
          { kind: "speech", speaker: "liao", text: "A speech wrapped over two lines." },
          { kind: "speech", speaker: "liao", text: "By id." },
        ],
      }),
    );
  });

  it("writes a paragraph split at a speaker change as one block, a marked line per turn", () => {
    const turns = [
      { kind: "paragraph", speaker: "tani", text: "Ambassador Tani asked." },
      { kind: "paragraph", text: "The meeting paused.", continues: true },
      { kind: "speech", speaker: "liao", text: "{braces} and all.", continues: true },
      { kind: "paragraph", text: "A new paragraph." },
    ] as const;
    const document = documentWith({ participants, turns: [...turns] });
    const written = serializeContent(document);
    expect(written).toContain(
      "\n{@tani} Ambassador Tani asked.\n{paragraph} The meeting paused.\n**Liao:** {braces} and all.\n\nA new paragraph.\n",
    );
    expect(parseContent(written, "t.md")).toStrictEqual(document);
  });

  it("round-trips collection entries with a document link", () => {
    const collection: ParsedSource = {
      type: "collection",
      slug: "a-collection",
      title: "A collection",
      entries: [
        {
          date: "1955",
          title: "A year only",
          summary: "{Braced} summary.",
          document: "1959-09-14-liao-ishibashi-third-conversation",
        },
        { date: "1960-06-21", title: "No summary · with a dot" },
      ],
      dropped: [{ line: 1, text: "Search in", reason: "web page search box" }],
    };
    expect(parseContent(serializeContent(collection), "c.md")).toStrictEqual(collection);
  });
});
