import { describe, expect, it } from "vitest";
import {
  authorsOf,
  highwireTags,
  jsonLd,
  jsonLdText,
  type EmbeddedDocument,
} from "@/lib/citations/embedded";
import { citationDocument, contentDocument } from "./content-document";

const SITE = "https://memcon.example.edu";

function embedded(slug: string): EmbeddedDocument {
  const source = contentDocument(slug);
  return {
    ...citationDocument(slug),
    summary: source.summary ?? null,
    participants: source.participants.map((p) => ({ name: p.name, role: p.role ?? null })),
  };
}

describe("Highwire citation_* tags", () => {
  it("describe the Liao–Ishibashi transcript, with no author the record does not name", () => {
    const slug = "1959-09-14-liao-ishibashi-third-conversation";
    expect(highwireTags(embedded(slug), SITE)).toEqual({
      citation_title:
        "Record of the Third Conversation between Comrade Liao Chengzhi and Ishibashi Tanzan",
      citation_date: "1959/09/14",
      citation_publisher: "Wilson Center Digital Archive",
      citation_firstpage: "32",
      citation_lastpage: "37",
      citation_abstract:
        'During a conversation with Liao Chengzhi, Ishibashi Tanzan asked him to "for a friendly ' +
        'Sino-Japanese relationship based on the acknowledgment of the established Japanese-American relations."',
      citation_language: "en",
      citation_public_url: `${SITE}/documents/${slug}`,
      citation_abstract_html_url: `${SITE}/documents/${slug}`,
    });
  });

  it("name a cable's sender as its author", () => {
    const cable = embedded("1978-07-22-sato-cable-1384");
    expect(authorsOf(cable)).toEqual(["Ambassador Sato"]);
    expect(highwireTags(cable, SITE).citation_author).toEqual(["Ambassador Sato"]);
    expect(authorsOf(embedded("1956-09-07-japanese-soviet-negotiations"))).toEqual([]);
  });

  it("leave out what a record does not have", () => {
    const tags = highwireTags(embedded("memorandum-conversation-relations-communist-china"), SITE);
    expect(tags.citation_date).toBeUndefined();
    expect(tags.citation_firstpage).toBeUndefined();
    expect(tags.citation_publisher).toBe("Foreign Relations of the United States");
  });
});

describe("schema.org JSON-LD", () => {
  it("makes an archival record an ArchiveComponent held by its archive", () => {
    const data = jsonLd(embedded("1959-09-14-liao-ishibashi-third-conversation"), SITE);
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "ArchiveComponent",
      name: "Record of the Third Conversation between Comrade Liao Chengzhi and Ishibashi Tanzan",
      dateCreated: "1959-09-14",
      identifier: "PRC FMA 105-00669-02",
      holdingArchive: { "@type": "ArchiveOrganization", name: "Wilson Center Digital Archive" },
      sameAs: "https://wilson-center.drivingcreative.com/document/134184",
      translator: { "@type": "Person", name: "Liu Meihan" },
      about: [
        { "@type": "Person", name: "Liao Chengzhi" },
        { "@type": "Person", name: "Ishibashi Tanzan" },
      ],
    });
  });

  it("makes a FRUS text a CreativeWork published by FRUS, its participants with their offices", () => {
    const data = jsonLd(
      embedded("1956-08-31-masuhara-robertson-memorandum-conversation-courtesy-call"),
      SITE,
    );
    expect(data["@type"]).toBe("CreativeWork");
    expect(data.publisher).toEqual({
      "@type": "Organization",
      name: "Foreign Relations of the United States",
    });
    expect(data.identifier).toBe("Document 96");
    expect((data.about as object[])[0]).toEqual({
      "@type": "Person",
      name: "Keikichi Masuhara",
      jobTitle: "Vice Director General, Japanese Defense Agency",
    });
  });

  it("writes JSON that cannot end its script element", () => {
    const text = jsonLdText({ name: "</script><script>alert(1)</script>\u2028" });
    expect(text).not.toContain("<");
    expect(text).not.toContain("\u2028");
    expect(JSON.parse(text)).toEqual({ name: "</script><script>alert(1)</script>\u2028" });
  });
});
