import { describe, expect, it } from "vitest";
import { parseSource } from "@/lib/importer";
import { parseTei } from "@/lib/importer/tei";
import type { ParsedDocument, ParsedTurn } from "@/lib/importer/types";
import { haveTei, SKIP_NOTE, teiSample } from "./fixtures";

// FRUS TEI P5 documents: the two real samples, and small fragments for the markup rules.

function sample(name: string): ParsedDocument {
  const { text, file } = teiSample(name);
  const parsed = parseSource(text, file);
  if (parsed.type !== "document") throw new Error("expected a document");
  return parsed;
}

const ofKind = (document: ParsedDocument, kind: ParsedTurn["kind"]) =>
  document.turns.filter((turn) => turn.kind === kind);

/** A minimal FRUS document fragment around the given body. */
const fragment = (body: string, extra = "") =>
  `<div type="document" n="7" xml:id="d7">\n<head>7. Memorandum of Conversation<note n="0" type="source">Source: Test file. Secret.</note></head>\n<opener><dateline><placeName>Tokyo</placeName>, <date when="1960-06-01">June 1, 1960</date></dateline></opener>${extra}\n${body}\n</div>\n`;

describe.skipIf(!haveTei)(`FRUS TEI samples${SKIP_NOTE}`, () => {
  /** Each turn as [kind, speaker or label or null], with "+" when it continues the paragraph before. */
  const shapeOf = (
    turns: readonly { kind: string; speaker?: string; label?: string; continues?: true }[],
  ) =>
    turns.map((turn) => [
      turn.kind,
      turn.speaker ?? turn.label ?? null,
      ...(turn.continues ? ["+"] : []),
    ]);

  describe("1958–60 vol. XVIII, document 139", () => {
    const document = sample("frus1958-60v18_d139.xml");

    it("reads head, source note, dateline and subject", () => {
      expect(document.shape).toBe("tei");
      expect(document.title).toBe("Memorandum of Conversation: U.S.-Japanese Economic Problems");
      expect(document.sourceNote).toMatch(
        /^Source: Department of State, Conference Files: Lot 64 D 559, CF 1584\. Confidential\. Drafted by Sneider on January 20 and approved in S on January 29\./,
      );
      expect(document.sourceNote).toContain("See also Documents 140–146.");
      expect(document.date).toBe("1960-01-19");
      expect(document.time).toBe("3:30–5:30 p.m.");
      expect(document.place).toBe("Washington");
      expect(document.fields).toEqual({
        Document: "139",
        Subject: "U.S.-Japanese Economic Problems",
      });
      expect(document.classification).toBe("Confidential");
      expect(document.archiveUrl).toBe(
        "https://history.state.gov/historicaldocuments/frus1958-60v18/d139",
      );
      expect(document.slug).toBe(
        "1960-01-19-memorandum-conversation-us-japanese-economic-problems",
      );
    });

    it("reads the twelve participants, persName as the name", () => {
      expect(document.participants).toHaveLength(12);
      expect(document.participants[0]).toEqual({
        id: "kishi",
        name: "Nobusuke Kishi",
        title: "Prime Minister Minister",
      });
      expect(document.participants.find((p) => p.id === "parsons")).toEqual({
        id: "parsons",
        name: "J. Graham Parsons",
        role: "Assistant Secretary of State for Far Eastern Affairs",
      });
      expect(document.participants.find((p) => p.id === "irwin")?.name).toBe("John Irwin II");
      expect(document.participants.find((p) => p.id === "mori")).toEqual({
        id: "mori",
        name: "Haruki Mori",
        title: "Mr.",
        role: "Director, American Affairs Bureau, Foreign Ministry",
      });
    });

    it("turns section titles into headings and attributes each statement", () => {
      // Kishi's paragraphs end with Herter's replies, and MacArthur's with Herter's.
      expect(shapeOf(document.turns)).toEqual([
        ["heading", null],
        ["paragraph", "kishi"],
        ["paragraph", "herter"],
        ["paragraph", "kishi"],
        ["paragraph", "herter", "+"],
        ["paragraph", "kishi"],
        ["paragraph", "herter", "+"],
        ["paragraph", "macarthur"],
        ["paragraph", "herter", "+"],
        ["heading", null],
        ["paragraph", "kishi"],
        ["paragraph", "herter", "+"],
        ["paragraph", "macarthur", "+"],
      ]);
      expect(ofKind(document, "heading").map((turn) => turn.text)).toEqual([
        "1. U.S.-Japan Trade",
        "2. GARIOA",
      ]);
    });

    it("takes note marks and page breaks out of the words, keeping where they stood", () => {
      const turns = document.turns;
      const texts = turns.map((turn) => turn.text);
      expect(texts[1]).toContain("a rapid improvement in Japan’s balance of payments");
      expect(turns[1]!.pages).toEqual([{ page: "269", at: texts[1]!.indexOf("Japan’s balance") }]);
      expect(texts[1]).toContain(
        "at the IMF meeting in Washington and later at the GATT meeting in Tokyo",
      );
      // A page beginning at a statement that continues the paragraph: the statement's start.
      expect(texts[4]).toMatch(/^Secretary Herter replied/);
      expect(turns[4]!.pages).toEqual([{ page: "270", at: 0 }]);
      expect(texts[5]).toContain("the Communiqué to be issued today to stimulate");
      expect(turns[5]!.notes).toEqual([{ label: "1", at: texts[5]!.indexOf(" to stimulate") }]);
      expect(texts[7]).toContain("mentioned that Mr. Adachi plans to discuss");
      expect(turns[7]!.notes).toEqual([{ label: "2", at: texts[7]!.indexOf(" plans to") }]);
      expect(texts[10]).toContain("on his return to Tokyo, working level talks");
      expect(document.footnotes).toEqual([
        { label: "1", text: "See footnote 1, Document 138." },
        { label: "2", text: "Tadashi Adachi, Chairman of Japan Chamber of Commerce and Industry." },
      ]);
      expect(texts.join(" ")).not.toMatch(/<|>|\[Page|\uE000/);
    });
  });

  describe("1955–57 vol. XXIII part 1, document 96", () => {
    const document = sample("frus1955-57v23p1_d96.xml");

    it("reads the header and the ten participants", () => {
      expect(document.title).toBe(
        "Memorandum of a Conversation, Department of State, Washington, August 31, 1956",
      );
      expect(document.date).toBe("1956-08-31");
      expect(document.place).toBe("Washington");
      expect(document.sourceNote).toBe(
        "Source: Department of State, Central Files, 794.5/8–3155. Confidential. Drafted by Martin.",
      );
      expect(document.fields["Subject"]).toBe("Courtesy Call by Mr. Masuhara on Mr. Robertson");
      expect(document.participants).toHaveLength(10);
      expect(document.participants.find((p) => p.id === "martin")).toEqual({
        id: "martin",
        name: "James V. Martin, Jr.",
        title: "Mr.",
        role: "Officer in Charge, Japanese Affairs, NA",
      });
      expect(document.participants.find((p) => p.id === "biddle")).toEqual({
        id: "biddle",
        name: "Biddle",
        title: "General",
        role: "Head of MAAG–Japan",
      });
    });

    it("attributes each statement and lists footnotes 2–5 with the document", () => {
      // Every question is followed, in the same paragraph, by its answer.
      expect(shapeOf(document.turns)).toEqual([
        ["paragraph", "robertson"],
        ["paragraph", "masuhara", "+"],
        ["paragraph", null, "+"],
        ["paragraph", "robertson", "+"],
        ["paragraph", "masuhara"],
        ["paragraph", "robertson", "+"],
        ["paragraph", "martin", "+"],
        ["paragraph", "masuhara", "+"],
        ["paragraph", "hemmendinger"],
        ["paragraph", "masuhara", "+"],
        ["paragraph", "robertson"],
        ["paragraph", "masuhara", "+"],
        ["paragraph", "biddle"],
        ["paragraph", "masuhara", "+"],
        ["paragraph", "biddle"],
        ["paragraph", "masuhara", "+"],
      ]);
      expect(document.turns[9]!.text).toContain("by 10,000 men according to plan");
      expect(document.turns[9]!.text).toMatch(
        /four submarine chasers\. To do this.*revise the agreement\.$/,
      );
      expect(document.turns[9]!.notes!.map((note) => note.label)).toEqual(["3", "4"]);
      expect(document.footnotes!.map((note) => note.label)).toEqual(["2", "3", "4", "5"]);
      expect(document.turns[15]!.text).toContain("built by the United States but more recently");
    });
  });
});

describe("TEI markup rules", () => {
  it("reads a direct-dialogue memorandum: each labelled paragraph a speech turn of its speaker", () => {
    const document = parseTei(
      fragment(
        [
          '<p>Kissinger: We have no objection to the communiqué.<note n="1">Not printed.</note></p>',
          '<pb n="42" xml:id="pg_42"/>',
          "<p>Zhou: That is the question. We shall see.</p>",
          "<p>The meeting ended at 5 p.m.</p>",
        ].join("\n"),
        '<list type="participants"><item>Premier <persName>Zhou Enlai</persName></item><item><persName>Henry A. Kissinger</persName>, Assistant to the President</item></list>',
      ),
      "dialogue.xml",
    );
    const nameOf = (id: string | undefined) =>
      document.participants.find((participant) => participant.id === id)?.name ?? null;
    expect(
      document.turns.map((turn) => [
        turn.kind,
        nameOf(turn.speaker),
        turn.text,
        turn.pages ?? null,
      ]),
    ).toEqual([
      ["speech", "Henry A. Kissinger", "We have no objection to the communiqué.", null],
      ["speech", "Zhou Enlai", "That is the question. We shall see.", [{ page: "42", at: 0 }]],
      ["paragraph", null, "The meeting ended at 5 p.m.", null],
    ]);
    expect(document.turns[0]!.notes).toEqual([
      { label: "1", at: "We have no objection to the communiqué.".length },
    ]);
    expect(document.footnotes).toEqual([{ label: "1", text: "Not printed." }]);
  });

  it("starts the next paragraph's page at a page break between paragraphs", () => {
    const document = parseTei(
      fragment(
        '<p>The Secretary said one thing.</p>\n<pb n="228" xml:id="pg_228"/>\n<p>He then said another.</p>',
      ),
      "f.xml",
    );
    expect(document.turns.map((turn) => [turn.text, turn.pages])).toEqual([
      ["The Secretary said one thing.", undefined],
      ["He then said another.", [{ page: "228", at: 0 }]],
    ]);
  });

  it("flattens hi, ref, gloss and unknown elements to their text", () => {
    const document = parseTei(
      fragment(
        '<p>Mr. <persName corresp="#p_K">Kishi</persName> <foo:bar xmlns:foo="urn:x">said</foo:bar> <hi rend="italic">that</hi> the <gloss target="#t_1">GATT</gloss> (<ref target="#d1">Document 1</ref>) <unknown>mattered</unknown>.</p>',
      ),
      "f.xml",
    );
    expect(document.turns[0]!.text).toBe("Mr. Kishi said that the GATT (Document 1) mattered.");
  });

  it("reads date, place and a participants list that only points elsewhere", () => {
    const document = parseTei(
      fragment(
        "<p>Prime Minister Kishi said that he agreed.</p>",
        '<list type="participants"><head>PARTICIPANTS</head><item>See <ref target="#d139">Document 139</ref>.</item></list>',
      ),
      "f.xml",
    );
    expect(document.date).toBe("1960-06-01");
    expect(document.place).toBe("Tokyo");
    expect(document.sourceNote).toBe("Source: Test file. Secret.");
    expect(document.classification).toBe("Secret");
    // The list names nobody, so the text's titled names stand in.
    expect(document.participants).toEqual([
      { id: "kishi", name: "Kishi", title: "Prime Minister" },
    ]);
    expect(document.turns[0]!.speaker).toBe("kishi");
  });

  it("accepts a full TEI file with exactly one document division", () => {
    const full = `<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0"><text><body>\n${fragment("<p>Text.</p>")}</body></text></TEI>`;
    expect(parseSource(full, "full.xml")).toMatchObject({
      title: "Memorandum of Conversation",
      date: "1960-06-01",
      fields: { Document: "7" },
    });
  });

  it("uses the FRUS min date-time when the dateline has no date", () => {
    const xml = `<div type="document" xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0" frus:doc-dateTime-min="1957-03-02T00:00:00-05:00"><head>8. Letter</head><p>Text.</p></div>`;
    expect(parseTei(xml, "g.xml").date).toBe("1957-03-02");
  });
});
