import { describe, expect, it } from "vitest";
import { detectShape, parseSource } from "@/lib/importer";
import type { ParsedCollection, ParsedDocument, ParsedTurn } from "@/lib/importer/types";
import { haveSeeds, seed, SEED_NUMBERS, SKIP_NOTE, squash } from "./fixtures";

// Behaviour of the importer on the five real seed texts in shared/seeds.

function parseDocument(number: string): ParsedDocument {
  const { text, file } = seed(number);
  const parsed = parseSource(text, file);
  if (parsed.type !== "document") throw new Error(`seed ${number} parsed as a collection`);
  return parsed;
}

const ofKind = (document: ParsedDocument, kind: ParsedTurn["kind"]) =>
  document.turns.filter((turn) => turn.kind === kind);
const speakers = (turns: readonly ParsedTurn[]) => turns.map((turn) => turn.speaker);

describe.skipIf(!haveSeeds)(`seed texts${SKIP_NOTE}`, () => {
  it("recognises each seed's shape from its structure", () => {
    const shapes = SEED_NUMBERS.map((number) => detectShape(seed(number).text));
    expect(shapes).toEqual(["dialogue", "memorandum", "collection", "memorandum", "cable"]);
  });

  /** A turn's text with its page markers ("[Page 278]") and note marks printed again. */
  const withMarks = (turn: ParsedTurn, mark: (label: string) => string) => {
    const marks = [
      ...(turn.pages ?? []).map((page) => ({ at: page.at, text: `[Page ${page.page}] ` })),
      ...(turn.notes ?? []).map((note) => ({ at: note.at, text: mark(note.label) })),
    ].sort((a, b) => b.at - a.at);
    let text = turn.text;
    for (const { at, text: printed } of marks) text = text.slice(0, at) + printed + text.slice(at);
    return text;
  };

  it.each(["000", "001", "003", "004"])(
    "seed %s: every turn's words are verbatim in the source (whitespace aside)",
    (number) => {
      const source = squash(seed(number).text.replace(/\*\*/g, ""));
      for (const turn of parseDocument(number).turns) {
        // The apparatus put back where it stood, in either style of mark the seeds print.
        const glued = squash(withMarks(turn, (label) => label));
        const starred = squash(withMarks(turn, (label) => `*${label}*`));
        expect([source.includes(glued), source.includes(starred)]).toContain(true);
      }
    },
  );

  it.each(SEED_NUMBERS)(
    "seed %s: the slug is deterministic, lowercase ASCII, at most 80 characters",
    (number) => {
      const { text, file } = seed(number);
      const first = parseSource(text, file).slug;
      expect(parseSource(text, "renamed.txt").slug).toBe(first);
      expect(first).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(first.length).toBeLessThanOrEqual(80);
    },
  );

  /** Each turn as [kind, speaker or label or null], with "+" when it continues the paragraph before. */
  const shapeOf = (
    turns: readonly { kind: string; speaker?: string; label?: string; continues?: true }[],
  ) =>
    turns.map((turn) => [
      turn.kind,
      turn.speaker ?? turn.label ?? null,
      ...(turn.continues ? ["+"] : []),
    ]);

  describe("000: Liao–Ishibashi dialogue", () => {
    const document = parseDocument("000");

    it("reads the header into fields", () => {
      expect(document.shape).toBe("dialogue");
      expect(document.slug).toBe("1959-09-14-liao-ishibashi-third-conversation");
      expect(document.title).toBe(
        "Record of the Third Conversation between Comrade Liao Chengzhi and Ishibashi Tanzan",
      );
      expect(document.date).toBe("1959-09-14");
      expect(document.time).toBe("9:00 a.m.");
      expect(document.citation).toMatch(
        /^"Record of the Third Conversation.*PRC FMA 105-00669-02, 32-37\./,
      );
      expect(document.citation).not.toContain("https://");
      expect(document.archiveUrl).toBe("https://wilson-center.drivingcreative.com/document/134184");
      expect(document.archive).toBe("Wilson Center Digital Archive");
      expect(document.translator).toBe("Liu Meihan");
      expect(document.originalLanguage).toBe("Chinese");
      expect(document.summary).toMatch(/^During a conversation with Liao Chengzhi/);
      expect(document.fields).toEqual({
        Credits: "This document was made possible with support from Henry Luce Foundation",
        Contents: "Translation - English",
      });
    });

    it("names the two speakers from their labels and the title", () => {
      expect(document.participants).toEqual([
        { id: "liao", name: "Liao Chengzhi", label: "Liao" },
        { id: "ishibashi", name: "Ishibashi Tanzan", label: "Ishibashi" },
      ]);
    });

    it("keeps the document furniture, redaction boxes included, before the dialogue", () => {
      const furniture = document.turns.slice(0, 13);
      expect(furniture.map((turn) => turn.kind)).toEqual([
        "header",
        "heading",
        ...Array(11).fill("header"),
      ]);
      expect(furniture[0]!.text).toBe("Top-Secret Document To be Destroyed");
      expect(furniture.map((turn) => turn.text)).toContain("□ □");
      expect(furniture.map((turn) => turn.text)).toContain("Translator: □□□ □□□ □□□");
      expect(furniture.map((turn) => turn.text)).toContain("Lin Liyun □□□ □□");
      expect(furniture.filter((turn) => turn.text.includes("□"))).toHaveLength(10);
      // The copy lost the note-taker's name: no boxes in the field, the line itself kept as printed.
      expect(document.noteTaker).toBeUndefined();
      // The record's "Translator:" is the meeting's interpreter; the citation's translator
      // translated the text into English.
      expect(document.interpreter).toBe("Lin Liyun");
      expect(document.translator).toBe("Liu Meihan");
    });

    it("turns every labelled line into a speech turn, alternating speakers", () => {
      const speech = ofKind(document, "speech");
      expect(document.turns).toHaveLength(74);
      expect(speech).toHaveLength(61);
      expect(speech[0]).toEqual({
        kind: "speech",
        speaker: "liao",
        text: "Premier Zhou [Enlai] sends you his greetings, and would like to know whether you have other opinions.",
      });
      expect(speech[1]!.speaker).toBe("ishibashi");
      expect(
        speakers(speech).every(
          (speaker, index) => speaker === (index % 2 === 0 ? "liao" : "ishibashi"),
        ),
      ).toBe(true);
      expect(speech.at(-1)!.text).toMatch(/^Let's call it a day\./);
      expect(speech.find((turn) => turn.text === "(Expressing consent)")?.speaker).toBe(
        "ishibashi",
      );
    });

    it("rejoins speeches that a page break split across a blank line", () => {
      const texts = ofKind(document, "speech").map((turn) => turn.text);
      expect(
        texts.some((text) =>
          text.includes("the revision of the security treaty is the Cabinet's concern"),
        ),
      ).toBe(true);
      expect(texts.some((text) => text.includes("he said he is not being hostile to China"))).toBe(
        true,
      );
      expect(
        texts.some((text) => text.includes("The USSR still occupies Japanese territories")),
      ).toBe(true);
      expect(texts.some((text) => /^[a-z]/.test(text))).toBe(false);
    });

    it("drops nothing: the file has no web debris", () => {
      expect(document.dropped).toEqual([]);
    });
  });

  describe("001: FRUS memorandum without a participants list", () => {
    const document = parseDocument("001");

    it("reads heading, subject and source note", () => {
      expect(document.shape).toBe("memorandum");
      // The generic title takes its subject line, so the library can tell the two Kishi memoranda apart.
      expect(document.title).toBe("Memorandum of Conversation: Relations With Communist China");
      expect(document.fields).toEqual({
        Document: "143",
        Subject: "Relations With Communist China",
      });
      expect(document.sourceNote).toMatch(
        /^Source: Department of State, Conference Files: Lot 64 D 559, CF 1584\./,
      );
      expect(document.classification).toBe("Confidential");
      expect(document.archive).toBe("Foreign Relations of the United States");
      expect(document.date).toBeUndefined();
    });

    it("builds participants from the people the text names with a title", () => {
      expect(document.participants).toEqual([
        { id: "kishi", name: "Kishi", title: "Prime Minister" },
        { id: "parsons", name: "Parsons", title: "Assistant Secretary" },
        { id: "herter", name: "Herter", title: "Secretary" },
        { id: "asakai", name: "Asakai", title: "Ambassador" },
      ]);
    });

    it("attributes each statement, the editor's parenthesis left as narrative", () => {
      expect(shapeOf(document.turns)).toEqual([
        ["paragraph", "kishi"],
        ["paragraph", "kishi"],
        ["paragraph", null, "+"],
        ["paragraph", "herter"],
        ["paragraph", "kishi", "+"],
        ["paragraph", "herter"],
        ["paragraph", "kishi", "+"],
        ["paragraph", "herter", "+"],
      ]);
      expect(document.turns[2]!.text).toMatch(/^\(Assistant Secretary Parsons/);
    });

    it("takes the page marker and the footnote mark out of the words, keeping where they stood", () => {
      const parenthesis = document.turns[2]!;
      expect(parenthesis.text).toContain("with Secretary Herter’s approval");
      expect(parenthesis.pages).toEqual([
        { page: "278", at: parenthesis.text.indexOf("Herter’s approval") },
      ]);
      const question = document.turns[3]!;
      expect(question.text).toMatch(/tantamount to recognition\.$/);
      expect(question.notes).toEqual([{ label: "1", at: question.text.length }]);
      expect(document.footnotes).toEqual([
        {
          label: "1",
          text: "The incident is described in telegram 2728 from Tokyo, April 17, 1958. (Department of State, Central Files, 493.9411/4–1758) See Supplement.",
        },
      ]);
    });
  });

  describe("002: Wilson Center collection", () => {
    const { text, file } = haveSeeds ? seed("002") : { text: "", file: "" };
    const collection = (haveSeeds ? parseSource(text, file) : undefined) as ParsedCollection;

    it("lists the dated entries with title and summary", () => {
      expect(collection.type).toBe("collection");
      expect(collection.slug).toBe("sino-japanese-relations");
      expect(collection.title).toBe("Sino-Japanese Relations");
      expect(collection.description).toMatch(/^Once war time enemies/);
      expect(collection.archive).toBe("Wilson Center Digital Archive");
      expect(collection.entries).toHaveLength(20);
      expect(collection.entries[0]).toEqual({
        date: "1946-05-06",
        title:
          "From the Diary of V.M. Molotov, Reception of the Chinese Ambassador to France, Jing Tai, on 6 May 1946 at 3:00 p.m. in the Soviet Embassy in Paris",
        summary: expect.stringMatching(/^The conversation is concerning the "German question"/),
      });
      expect(collection.entries.map((entry) => entry.date)).toContain("1955");
      expect(collection.entries.at(-1)).toMatchObject({
        date: "1964-04-18",
        title: "Transcript of Conversation between Zhou Enlai and Kenzo Matsumura",
      });
      expect(collection.entries.every((entry) => entry.summary !== undefined)).toBe(true);
    });

    it("drops exactly the web debris, with line numbers", () => {
      expect(collection.dropped).toEqual([
        { line: 1, text: "Search in", reason: "web page search box" },
        {
          line: 3,
          text: "Digital Archive International History Declassified",
          reason: "web site banner",
        },
        { line: 5, text: "No image found.", reason: "web page image placeholder" },
      ]);
    });
  });

  describe("003: The World and Japan memorandum", () => {
    const document = parseDocument("003");

    it("reads the bracketed header and the heading line", () => {
      expect(document.title).toBe("Japanese-Soviet Negotiations, Memorandum of a Conversation");
      expect(document.place).toBe("Secretary Dulles' Residence, Washington");
      expect(document.date).toBe("1956-09-07");
      expect(document.time).toBe("9 p.m.");
      expect(document.citation).toBe(
        "Nichibei kankei shiryo-shu 1945-97, pp.376-379. FRUS: 1955-1957, XXIII, pp.227-232.",
      );
      expect(document.archive).toMatch(/^"The World and Japan" Database/);
      expect(document.fields["Subject"]).toBe("Japanese-Soviet Negotiations");
      expect(document.sourceNote).toBe(
        "Source: Department of State, Central Files, 661.941/9-755. Confidential. Drafted by Hemmendinger on September 8.",
      );
      expect(document.turns[0]).toEqual({
        kind: "heading",
        // The source note's mark is left out: the note itself is in the document's header.
        text: "Memorandum of a Conversation, Secretary Dulles' Residence, Washington, September 7, 1956, 9 p.m.",
      });
    });

    it("reads the participants block", () => {
      expect(document.participants.map((participant) => participant.id)).toEqual([
        "tani",
        "shima",
        "dulles",
        "robertson",
        "hemmendinger",
      ]);
      expect(document.participants[0]).toEqual({
        id: "tani",
        name: "Masayuki Tani",
        title: "Mr.",
        role: "Ambassador E. & P., Embassy of Japan",
      });
    });

    it("attributes reported speech to Tani and the Secretary, statement by statement", () => {
      // The visit and the handing over of the Aide-Memoire are narrative; each question of the
      // Secretary's is followed, in the same paragraph, by Tani's answer.
      const paragraphs = ofKind(document, "paragraph");
      expect(shapeOf(paragraphs)).toEqual([
        ["paragraph", null],
        ["paragraph", null],
        ["paragraph", "dulles"],
        ["paragraph", "tani", "+"],
        ["paragraph", "dulles"],
        ["paragraph", "dulles"],
        ["paragraph", "tani", "+"],
        ["paragraph", "dulles"],
        ["paragraph", "tani", "+"],
        ["paragraph", "dulles", "+"],
        ["paragraph", "dulles"],
        ["paragraph", "tani"],
        ["paragraph", "dulles"],
        ["paragraph", "tani", "+"],
        ["paragraph", "tani"],
        ["paragraph", "dulles", "+"],
        ["paragraph", "dulles"],
        ["paragraph", "tani"],
        ["paragraph", "dulles"],
        ["paragraph", "tani"],
        ["paragraph", "dulles"],
        ["paragraph", "tani"],
      ]);
    });

    it("rejoins paragraphs continued after a page break", () => {
      const texts = ofKind(document, "paragraph").map((turn) => turn.text);
      expect(
        texts.find((text) => text.includes("an Adenauer type formula in that perhaps")),
      ).toMatch(/^Ambassador Tani said that personally/);
      expect(
        texts.some((text) =>
          text.includes("limiting Japan's sovereignty to the four main islands"),
        ),
      ).toBe(true);
    });

    it("keeps the lettered oral points as attachment turns", () => {
      const attachment = ofKind(document, "attachment");
      expect(attachment.map((turn) => turn.text.slice(0, 3))).toEqual([
        "(a)",
        "(b)",
        "(c)",
        "(d)",
        "(e)",
        "(f)",
      ]);
    });

    it("makes the footnotes apparatus: listed with the document, linked from their marks", () => {
      expect(ofKind(document, "note")).toEqual([]);
      expect(document.footnotes!.map((note) => [note.label, note.text])).toEqual([
        ["2", "See supra."],
        ["3", "See Document 81."],
        // Its mark (on the attachment's heading in FRUS) is not in this copy: still listed.
        ["4", expect.stringMatching(/^As noted in the memorandum of conversation/)],
      ]);
      const handed = document.turns.find((turn) => turn.text.includes("an Aide-Memoire, copy"))!;
      expect(handed.notes).toEqual([{ label: "2", at: handed.text.indexOf(", copy") }]);
      expect(document.turns.map((turn) => turn.text).join(" ")).not.toMatch(/\*\d\*/);
    });

    it("keeps the archive banner as metadata and drops nothing", () => {
      expect(document.fields["Archive details"]).toContain(
        "National Graduate Institute for Policy Studies (GRIPS)",
      );
      expect(document.dropped).toEqual([]);
    });
  });

  describe("004: Wilson Center cable", () => {
    const document = parseDocument("004");

    it("reads the telegram form's fields", () => {
      expect(document.shape).toBe("cable");
      expect(document.fields).toEqual({
        Number: "(TA) R052940 5285",
        Primary: "Asian Affairs Bureau Director-General",
        Sent: "China, July 22, 1978, 19:40",
        Received: "MOFA, July 22, 1978, 21:30",
        To: "The Foreign Minister",
        From: "Ambassador Sato",
        Re: "Outgoing Telegram No. 1371",
      });
      expect(document.classification).toBe("Secret Top Urgent (Limited Distribution)");
      expect(document.date).toBe("1978-07-22");
      expect(document.time).toBe("19:40");
      expect(document.title).toBe(
        "Cable No. 1384, Ambassador Sato to the Foreign Minister, 'Treaty of Peace and Friendship between Japan and China Negotiations (2nd Meeting)'",
      );
      expect(document.translator).toBe("Stephen Mercado");
      expect(document.archive).toBe("History and Public Policy Program Digital Archive");
      expect(document.summary).toBe(
        "Negotiation talks include the anti-hegemony clause and the foreign relations of China and Japan.",
      );
      expect(document.slug).toBe("1978-07-22-sato-cable-1384");
    });

    it("numbers the paragraphs and attributes Han's statement and the Ambassador's replies", () => {
      const numbered = document.turns.filter((turn) => turn.label !== undefined);
      expect(numbered.map((turn) => [turn.label, turn.speaker ?? null])).toEqual([
        ["1", "han"],
        ["2", "sato"],
        ["3", null],
        ["4", "sato"],
        ["5", null],
        ["6", "sato"],
      ]);
      expect(numbered[0]!.text).toMatch(
        /^First, Vice Minister Han, based on a text prepared in advance/,
      );
      const statement = document.turns.slice(
        document.turns.indexOf(numbered[0]!) + 1,
        document.turns.indexOf(numbered[1]!),
      );
      expect(statement).toHaveLength(8);
      expect(statement.every((turn) => turn.speaker === "han")).toBe(true);
      expect(statement[3]!.text).toMatch(/^\(2\) Second, I will speak/);
      expect(document.participants[0]).toEqual({
        id: "sato",
        name: "Sato",
        label: "the Ambassador",
        title: "Ambassador",
      });
      expect(document.participants.find((participant) => participant.id === "han")?.name).toBe(
        "Han Nianlong",
      );
    });

    it("keeps the Japanese original as original turns tagged ja", () => {
      const original = ofKind(document, "original");
      expect(original).toHaveLength(5);
      expect(original.every((turn) => turn.lang === "ja")).toBe(true);
      expect(original[0]!.text).toBe("総番号 (TA) R052940  5285  主管");
      expect(document.originalLanguage).toBe("Japanese");
    });

    it("drops the web page's buttons and PDF notices, and nothing else", () => {
      expect(document.dropped.map((line) => line.line)).toEqual([1, 3, 10, 14, 17, 100, 102, 104]);
      expect(document.dropped.map((line) => line.reason)).toEqual([
        "web page search box",
        "web site banner",
        "web page button",
        "web page button",
        "web page format switcher",
        "PDF viewer notice",
        "PDF viewer notice",
        "PDF viewer notice",
      ]);
      const kept = document.turns.map((turn) => turn.text).join("\n");
      expect(kept).toContain("Following is a summary of the second meeting");
      expect(kept).toContain("With that, we ended today’s meeting.");
    });
  });
});
