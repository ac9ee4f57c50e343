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
  describe("1958–60 vol. XVIII, document 139", () => {
    const document = sample("frus1958-60v18_d139.xml");

    it("reads head, source note, dateline and subject", () => {
      expect(document.shape).toBe("tei");
      expect(document.title).toBe("Memorandum of Conversation");
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

    it("turns section titles into headings and attributes each paragraph", () => {
      expect(document.turns.map((turn) => [turn.kind, turn.speaker ?? turn.label ?? null])).toEqual(
        [
          ["heading", null],
          ["paragraph", "kishi"],
          ["paragraph", "herter"],
          ["paragraph", "kishi"],
          ["paragraph", "kishi"],
          ["note", "1"],
          ["paragraph", "macarthur"],
          ["note", "2"],
          ["heading", null],
          ["paragraph", "kishi"],
        ],
      );
      expect(ofKind(document, "heading").map((turn) => turn.text)).toEqual([
        "1. U.S.-Japan Trade",
        "2. GARIOA",
      ]);
    });

    it("keeps note marks and page markers in the text, glosses flattened", () => {
      const texts = document.turns.map((turn) => turn.text);
      expect(texts[1]).toContain("a rapid improvement in [Page 269] Japan’s balance of payments");
      expect(texts[1]).toContain(
        "at the IMF meeting in Washington and later at the GATT meeting in Tokyo",
      );
      expect(texts[3]).toContain("and Japan. [Page 270] Secretary Herter replied");
      expect(texts[4]).toContain("the Communiqué to be issued today1 to stimulate");
      expect(texts[5]).toBe("See footnote 1, Document 138.");
      expect(texts[6]).toContain("mentioned that Mr. Adachi2 plans to discuss");
      expect(texts[9]).toContain("on his return to [Page 271] Tokyo, working level talks");
      expect(texts.join(" ")).not.toMatch(/<|>/);
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

    it("attributes paragraphs and places footnotes 2–5 after their paragraphs", () => {
      expect(document.turns.map((turn) => [turn.kind, turn.speaker ?? turn.label ?? null])).toEqual(
        [
          ["paragraph", "robertson"],
          ["note", "2"],
          ["paragraph", "masuhara"],
          ["paragraph", "hemmendinger"],
          ["note", "3"],
          ["note", "4"],
          ["paragraph", "robertson"],
          ["paragraph", "biddle"],
          ["paragraph", "biddle"],
          ["note", "5"],
        ],
      );
      expect(document.turns[3]!.text).toContain("by 10,000 men [Page 215] according to plan");
      expect(document.turns[3]!.text).toMatch(
        /four submarine chasers\.3 To do this.*revise the agreement\.4$/,
      );
      expect(document.turns[8]!.text).toContain(
        "built by the United States [Page 216] but more recently",
      );
    });
  });
});

describe("TEI markup rules", () => {
  it("prepends a page break between paragraphs to the next paragraph", () => {
    const document = parseTei(
      fragment(
        '<p>The Secretary said one thing.</p>\n<pb n="228" xml:id="pg_228"/>\n<p>He then said another.</p>',
      ),
      "f.xml",
    );
    expect(document.turns.map((turn) => turn.text)).toEqual([
      "The Secretary said one thing.",
      "[Page 228] He then said another.",
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
