import { describe, expect, it } from "vitest";
import { editionLabel, roman } from "@/lib/library/edition-label";

// The front matter of the two "Relations With Communist China" documents in content/ and of
// the FRUS edition of seed 003.

describe("editionLabel", () => {
  it("tells the two copies of FRUS 1958–60 vol. XVIII doc. 143 apart", () => {
    const tei = editionLabel({
      shape: "tei",
      archive: "Foreign Relations of the United States",
      archiveUrl: "https://history.state.gov/historicaldocuments/frus1958-60v18/d143",
      date: "1960-01-19",
      fields: { Document: "143", Subject: "Relations With Communist China" },
    });
    const copy = editionLabel({
      shape: "memorandum",
      archive: "Foreign Relations of the United States",
      archiveUrl: null,
      date: null,
      fields: { Document: "143", Subject: "Relations With Communist China" },
    });
    expect(tei).toBe("FRUS 1958–60, vol. XVIII, doc. 143 · TEI edition (history.state.gov)");
    expect(copy).toBe("FRUS doc. 143 · plain-text copy (no volume, date or address given)");
    expect(tei).not.toBe(copy);
  });

  it("names a volume's part", () => {
    expect(
      editionLabel({
        shape: "tei",
        archive: "Foreign Relations of the United States",
        archiveUrl: "https://history.state.gov/historicaldocuments/frus1955-57v23p1/d102",
        date: "1956-09-07",
        fields: { Document: "102" },
      }),
    ).toBe("FRUS 1955–57, vol. XXIII, part 1, doc. 102 · TEI edition (history.state.gov)");
  });

  it("says nothing of documents that are not FRUS", () => {
    expect(
      editionLabel({
        shape: "dialogue",
        archive: "Wilson Center Digital Archive",
        archiveUrl: "https://wilson-center.drivingcreative.com/document/134184",
        date: "1959-09-14",
        fields: { Credits: "Henry Luce Foundation" },
      }),
    ).toBeNull();
  });

  it("numbers volumes as FRUS does", () => {
    expect([roman(18), roman(23), roman(4), roman(9), roman(14)]).toEqual([
      "XVIII",
      "XXIII",
      "IV",
      "IX",
      "XIV",
    ]);
  });
});
