import { describe, expect, it } from "vitest";
import { bibtex } from "@/lib/citations/bibtex";
import { citationFormats } from "@/lib/citations/formats";
import {
  archiveIdentifier,
  cslItem,
  dateParts,
  documentPages,
  permalink,
  siteOrigin,
  turnLocator,
} from "@/lib/citations/item";
import { ris } from "@/lib/citations/ris";
import { citationDocument } from "./content-document";

const SITE = "https://memcon.example.edu";
const LIAO = "1959-09-14-liao-ishibashi-third-conversation";
const SATO = "1978-07-22-sato-cable-1384";
const FRUS_143 = "memorandum-conversation-relations-communist-china";

const formats = (slug: string, turn?: { anchor: number; pages?: string[] }) =>
  Object.fromEntries(
    citationFormats(citationDocument(slug), SITE, turn).map((f) => [f.id, f.text]),
  );

// Expected strings checked by hand against each content file's front matter and CMOS 18
// (14.119-14.127, manuscript collections: specific to general, the call number before the archive).
describe("citing a turn of the Liao–Ishibashi transcript (Wilson Center)", () => {
  const cited = formats(LIAO, { anchor: 12, pages: ["33"] });
  const url = `${SITE}/documents/${LIAO}#t-12`;

  it("gives the Chicago full note with the turn's page and permalink", () => {
    expect(cited["chicago-note"]).toBe(
      "Liu Meihan, trans., “Record of the Third Conversation between Comrade Liao Chengzhi and " +
        "Ishibashi Tanzan,” Transcript, September 14, 1959, PRC FMA 105-00669-02, p. 33, " +
        `Wilson Center Digital Archive, ${url}.`,
    );
  });

  it("gives the bibliography entry with the document's pages", () => {
    expect(cited["chicago-bibliography"]).toBe(
      "Liu Meihan, trans. “Record of the Third Conversation between Comrade Liao Chengzhi and " +
        "Ishibashi Tanzan.” Transcript. September 14, 1959. PRC FMA 105-00669-02, pp. 32–37. " +
        `Wilson Center Digital Archive. ${url}.`,
    );
  });

  it("gives BibTeX with the translator kept whole and the page as locator", () => {
    expect(cited.bibtex).toBe(
      [
        `@misc{${LIAO}-t12,`,
        "  title = {{Record of the Third Conversation between Comrade Liao Chengzhi and Ishibashi Tanzan}},",
        "  date = {1959-09-14},",
        "  year = {1959},",
        "  type = {Transcript},",
        "  translator = {{Liu Meihan}},",
        "  howpublished = {Wilson Center Digital Archive},",
        "  number = {PRC FMA 105-00669-02},",
        "  pages = {33},",
        "  note = {Turn 12},",
        `  url = {${url}},`,
        "  langid = {english},",
        "}",
      ].join("\n"),
    );
  });

  it("gives RIS", () => {
    expect(cited.ris).toBe(
      [
        "TY  - MANSCPT",
        "TI  - Record of the Third Conversation between Comrade Liao Chengzhi and Ishibashi Tanzan",
        "A4  - Liu Meihan",
        "PY  - 1959",
        "DA  - 1959/09/14/",
        "M3  - Transcript",
        "DB  - Wilson Center Digital Archive",
        "AN  - PRC FMA 105-00669-02",
        "SP  - 33",
        "LA  - en",
        `UR  - ${url}`,
        "N1  - Turn 12",
        "ER  - ",
      ].join("\n"),
    );
  });

  it("gives CSL-JSON that citeproc and reference managers read", () => {
    expect(JSON.parse(cited["csl-json"]!)).toEqual([
      {
        id: `${LIAO}#t-12`,
        type: "manuscript",
        title:
          "Record of the Third Conversation between Comrade Liao Chengzhi and Ishibashi Tanzan",
        genre: "Transcript",
        issued: { "date-parts": [[1959, 9, 14]] },
        archive: "Wilson Center Digital Archive",
        archive_location: "PRC FMA 105-00669-02",
        page: "33",
        translator: [{ literal: "Liu Meihan" }],
        URL: url,
        note: "Turn 12",
        language: "en",
      },
    ]);
  });
});

describe("citing a turn of the Sato cable (History and Public Policy Program)", () => {
  it("takes the call number from the archive's citation and has no page without page numbers", () => {
    const cited = formats(SATO, { anchor: 3 });
    expect(cited["chicago-note"]).toBe(
      "Stephen Mercado, trans., “Cable No. 1384, Ambassador Sato to the Foreign Minister, " +
        "‘Treaty of Peace and Friendship between Japan and China Negotiations (2nd Meeting),’” " +
        "July 22, 1978, 2010-367, History and Public Policy Program Digital Archive, " +
        `${SITE}/documents/${SATO}#t-3.`,
    );
    expect(cited.bibtex).not.toContain("pages");
    expect(cited.ris).not.toContain("SP  -");
  });
});

describe("citing a FRUS document", () => {
  it("names the FRUS document number and says n.d. when the record has no date", () => {
    expect(formats(FRUS_143, { anchor: 5 })["chicago-note"]).toBe(
      "“Memorandum of Conversation: Relations With Communist China,” n.d., Document 143, Foreign Relations of the United States, " +
        `${SITE}/documents/${FRUS_143}#t-5.`,
    );
  });

  it("cites the whole document at its own permalink", () => {
    expect(formats(FRUS_143)["chicago-bibliography"]).toBe(
      "“Memorandum of Conversation: Relations With Communist China.” n.d. Document 143. Foreign Relations of the United States. " +
        `${SITE}/documents/${FRUS_143}.`,
    );
  });
});

describe("the parts of an item", () => {
  it("reads a call number and pages from a Digital Archive citation only after the archive", () => {
    const liao = citationDocument(LIAO);
    expect(archiveIdentifier(liao)).toBe("PRC FMA 105-00669-02");
    expect(documentPages(liao)).toBe("32-37");
    expect(archiveIdentifier({ ...liao, citation: null })).toBeUndefined();
    expect(
      archiveIdentifier({
        ...liao,
        citation: "Elsewhere, pp. 3-4. Wilson Center Digital Archive.",
      }),
    ).toBeUndefined();
  });

  it("keeps dates as precise as the source", () => {
    expect(dateParts("1959-09-14")).toEqual({ "date-parts": [[1959, 9, 14]] });
    expect(dateParts("1959-09")).toEqual({ "date-parts": [[1959, 9]] });
    expect(dateParts("1959")).toEqual({ "date-parts": [[1959]] });
    expect(dateParts("September 1959")).toBeUndefined();
    expect(dateParts(null)).toBeUndefined();
  });

  it("turns a turn's pages into a locator", () => {
    expect(turnLocator({ anchor: 1, pages: ["227", "228"] })).toEqual({
      locator: "227-228",
      label: "page",
    });
    expect(turnLocator({ anchor: 1, pages: ["227", "227"] })?.locator).toBe("227");
    expect(turnLocator({ anchor: 1, pages: [] })).toBeNull();
    expect(turnLocator()).toBeNull();
  });

  it("uses AUTH_URL's origin for permalinks, else the request's", () => {
    expect(siteOrigin("https://memcon.example.edu/", "http://127.0.0.1:3000/api/x")).toBe(SITE);
    expect(siteOrigin(undefined, "http://127.0.0.1:3000/api/x")).toBe("http://127.0.0.1:3000");
    expect(siteOrigin("not a url", "http://127.0.0.1:3000/api/x")).toBe("http://127.0.0.1:3000");
    expect(permalink(SITE, "a b", 3)).toBe(`${SITE}/documents/a%20b#t-3`);
  });

  it("escapes TeX's special characters and keeps RIS values on one line", () => {
    const item = {
      ...cslItem(citationDocument(SATO), SITE, { anchor: 1 }),
      title: "50% of A & B_{x}\nnext",
    };
    expect(bibtex(item)).toContain("title = {{50\\% of A \\& B\\_\\{x\\}\nnext}}");
    expect(ris(item)).toContain("TI  - 50% of A & B_{x} next\n");
  });
});
