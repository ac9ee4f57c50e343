import { describe, expect, it } from "vitest";
import { jsonLd, type EmbeddedDocument } from "@/lib/citations/embedded";
import { citationDocument, contentDocument } from "./content-document";

const SITE = "https://memcon.example.edu";
const SLUG = "1960-01-19-memorandum-conversation-us-japanese-economic-problems";

function embedded(slug: string): EmbeddedDocument {
  const source = contentDocument(slug);
  return {
    ...citationDocument(slug),
    summary: source.summary ?? null,
    participants: source.participants.map((p) => ({ name: p.name, role: p.role ?? null })),
  };
}

describe("the JSON-LD's participants", () => {
  it("link to their person page, and carry the authority record as sameAs", () => {
    const people = new Map([
      [
        "Nobusuke Kishi",
        { slug: "nobusuke-kishi", authority: "https://www.wikidata.org/entity/Q310452" },
      ],
      ["Aiichiro Fujiyama", { slug: "aiichiro-fujiyama", authority: null }],
    ]);
    const about = jsonLd(embedded(SLUG), SITE, people).about as Record<string, unknown>[];
    expect(about.find((person) => person.name === "Nobusuke Kishi")).toEqual({
      "@type": "Person",
      name: "Nobusuke Kishi",
      url: `${SITE}/people/nobusuke-kishi`,
      sameAs: "https://www.wikidata.org/entity/Q310452",
    });
    expect(about.find((person) => person.name === "Aiichiro Fujiyama")).toEqual({
      "@type": "Person",
      name: "Aiichiro Fujiyama",
      url: `${SITE}/people/aiichiro-fujiyama`,
    });
    // Without people, as before.
    const plain = jsonLd(embedded(SLUG), SITE).about as Record<string, unknown>[];
    expect(plain.every((person) => !("url" in person) && !("sameAs" in person))).toBe(true);
  });
});
