import { archiveIdentifier, documentPages, permalink, type CitationDocument } from "./item";

/**
 * What reference managers read from a document's page without a site-specific translator:
 * Highwire Press `citation_*` meta tags (Zotero's "Embedded Metadata" translator, Google
 * Scholar) and schema.org JSON-LD.
 *
 * Authors: a memorandum or transcript has no author the record names (its drafter is at most a
 * line in the source note), and its participants did not write it: listing them as authors
 * would make every reference manager cite "Liao Chengzhi and Ishibashi Tanzan" as the writers.
 * A cable does have one, its sender ("From"). Participants go in the JSON-LD as what the record
 * is about.
 */

export type EmbeddedDocument = CitationDocument & {
  summary: string | null;
  participants: readonly { name: string; role: string | null }[];
};

const stringField = (document: CitationDocument, name: string): string | undefined => {
  const fields = document.fields as Record<string, unknown> | null;
  const value = fields && typeof fields === "object" ? fields[name] : undefined;
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
};

/** The record's author where it has one: a cable's sender. */
export function authorsOf(document: CitationDocument): string[] {
  const sender = document.shape === "cable" ? stringField(document, "From") : undefined;
  return sender ? [sender] : [];
}

/** Highwire tags as Next.js metadata's `other` (name to content; a list repeats the tag). */
export function highwireTags(
  document: EmbeddedDocument,
  site: string,
): Record<string, string | string[]> {
  const tags: Record<string, string | string[]> = { citation_title: document.title };
  const authors = authorsOf(document);
  if (authors.length) tags.citation_author = authors;
  // Highwire dates are YYYY/MM/DD; a partial date stays partial.
  if (document.date) tags.citation_date = document.date.replace(/-/g, "/");
  if (document.archive) tags.citation_publisher = document.archive;
  const pages = documentPages(document);
  if (pages) {
    const [first, last] = pages.split("-");
    tags.citation_firstpage = first!;
    if (last) tags.citation_lastpage = last;
  }
  if (document.summary) tags.citation_abstract = document.summary;
  tags.citation_language = "en";
  const url = permalink(site, document.slug);
  tags.citation_public_url = url;
  tags.citation_abstract_html_url = url;
  return tags;
}

const SCHEMA_TYPES: Record<string, string> = {
  dialogue: "ArchiveComponent",
  memorandum: "ArchiveComponent",
  cable: "ArchiveComponent",
  tei: "CreativeWork",
};

/**
 * schema.org JSON-LD: an ArchiveComponent held by its archive (a FRUS text, published in a
 * documentary edition, is a CreativeWork there), with the translator and the participants.
 */
export function jsonLd(
  document: EmbeddedDocument,
  site: string,
  /** Participant name -> their person page and authority record (lib/people), when known. */
  people?: ReadonlyMap<string, { slug: string; authority: string | null }>,
): Record<string, unknown> {
  const type = SCHEMA_TYPES[document.shape] ?? "CreativeWork";
  const data: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": type,
    "@id": permalink(site, document.slug),
    url: permalink(site, document.slug),
    name: document.title,
    inLanguage: "en",
  };
  if (document.date) data.dateCreated = document.date;
  const id = archiveIdentifier(document);
  if (id) data.identifier = id;
  if (document.summary) data.description = document.summary;
  if (document.archive) {
    const archive = {
      "@type": type === "ArchiveComponent" ? "ArchiveOrganization" : "Organization",
      name: document.archive,
    };
    if (type === "ArchiveComponent") data.holdingArchive = archive;
    else data.publisher = archive;
  }
  if (document.archiveUrl) data.sameAs = document.archiveUrl;
  if (document.translator) data.translator = { "@type": "Person", name: document.translator };
  const authors = authorsOf(document);
  if (authors.length) data.author = authors.map((name) => ({ "@type": "Person", name }));
  if (document.participants.length)
    data.about = document.participants.map((participant) => ({
      "@type": "Person",
      name: participant.name,
      ...(participant.role ? { jobTitle: participant.role } : {}),
      ...personLinks(people?.get(participant.name), site),
    }));
  return data;
}

/** A participant's person page (url) and authority record (sameAs), for the JSON-LD. */
function personLinks(
  person: { slug: string; authority: string | null } | undefined,
  site: string,
): Record<string, string> {
  if (!person) return {};
  return {
    url: `${site}/people/${person.slug}`,
    ...(person.authority ? { sameAs: person.authority } : {}),
  };
}

/** JSON for an inline <script type="application/ld+json">: "<" escaped so no text can end it. */
export const jsonLdText = (data: unknown) =>
  JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/\u2028|\u2029/g, (c) => (c === "\u2028" ? "\\u2028" : "\\u2029"));
