/**
 * A document (or one turn of it) as a CSL-JSON item: the single description every citation
 * format is made from (Chicago through citeproc, BibTeX and RIS by small serialisers).
 *
 * Built from the Document fields as the importer gives them today. Two things the catalogue
 * has no field for are read from what it does have:
 * - the archive's identifier: a FRUS document's number, or the call number in a Wilson Center /
 *   Digital Archive citation ("..., Wilson Center Digital Archive, PRC FMA 105-00669-02, 32-37.");
 * - the document's pages, from the same citation.
 * A turn's own pages (`pages`, once the importer records page breaks) become the locator.
 */

export type CitationDocument = {
  slug: string;
  title: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string | null;
  shape: string;
  archive: string | null;
  archiveUrl: string | null;
  citation: string | null;
  translator: string | null;
  fields: unknown;
};

export type CitedTurn = {
  anchor: number;
  /** The last turn of a passage over several turns (a selection), when it is not `anchor`. */
  through?: number;
  /** The printed pages the turn spans, when the source has page numbers. */
  pages?: readonly string[];
};

export type CslName = { literal: string } | { family: string; given?: string };

/** The subset of CSL-JSON (citationstyles.org, csl-data.json) Memcon fills in. */
export type CslItem = {
  id: string;
  type: "manuscript";
  title: string;
  genre?: string;
  issued?: { "date-parts": [number[]] };
  archive?: string;
  archive_location?: string;
  page?: string;
  translator?: CslName[];
  URL: string;
  note?: string;
  language?: string;
};

/** The item's locator: the turn's pages ("33", "33-34"), for the note's "p. 33". */
export type Locator = { locator: string; label: "page" } | null;

const FRUS = "Foreign Relations of the United States";

/** The site's public origin without a trailing slash. */
export function siteOrigin(authUrl: string | undefined, requestUrl: string): string {
  try {
    if (authUrl) return new URL(authUrl).origin;
  } catch {
    // An unparsable AUTH_URL is a configuration error reported elsewhere; fall back.
  }
  return new URL(requestUrl).origin;
}

/** `<site>/documents/<slug>#t-<n>`: the permalink the reader scrolls to. */
export function permalink(site: string, slug: string, anchor?: number): string {
  const page = `${site}/documents/${encodeURIComponent(slug)}`;
  return anchor === undefined ? page : `${page}#t-${anchor}`;
}

function fieldsOf(document: CitationDocument): Record<string, string> {
  const fields = document.fields;
  if (!fields || typeof fields !== "object" || Array.isArray(fields)) return {};
  return Object.fromEntries(
    Object.entries(fields).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    ),
  );
}

/** The segments of a Digital Archive citation after the archive's name, up to the first sentence end. */
function afterArchive(document: CitationDocument): string[] {
  const { citation, archive } = document;
  if (!citation || !archive) return [];
  const at = citation.indexOf(`${archive}, `);
  if (at === -1) return [];
  const rest = citation.slice(at + archive.length + 2);
  const sentence = rest.split(/\.(?:\s|$)/)[0] ?? "";
  return sentence.split(", ").map((part) => part.trim());
}

const PAGE_RANGE = /^(?:pp?\.\s*)?\d+(?:\s*[-–]\s*\d+)?$/;

/** The archive's identifier for the document, when the catalogue gives one. */
export function archiveIdentifier(document: CitationDocument): string | undefined {
  const number = fieldsOf(document)["Document"];
  if (document.archive === FRUS && number) return `Document ${number}`;
  // The call number comes first ("2010-367" looks like a page range, but stands where the id does).
  const [id] = afterArchive(document);
  return id && !/^pp?\./.test(id) ? id : undefined;
}

/** The document's pages in the archive's copy ("32-37"): a page range after the call number. */
export function documentPages(document: CitationDocument): string | undefined {
  const pages = afterArchive(document).find((part, index) => index > 0 && PAGE_RANGE.test(part));
  return pages?.replace(/^pp?\.\s*/, "").replace(/\s*[-–]\s*/, "-");
}

/** "1959-09-14" as CSL date parts; undefined when not a date. */
export function dateParts(date: string | null): CslItem["issued"] {
  const match = date?.match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/);
  if (!match) return undefined;
  return { "date-parts": [match.slice(1).filter(Boolean).map(Number)] };
}

const GENRES: Record<string, string> = {
  dialogue: "Transcript",
  memorandum: "Memorandum of conversation",
  cable: "Cable",
};

/** The kind of record, unless the title already says it ("Memorandum of Conversation"). */
function genreOf(document: CitationDocument): string | undefined {
  const genre = GENRES[document.shape];
  if (!genre) return undefined;
  const noun = genre.split(" ")[0]!.toLowerCase();
  return document.title.toLowerCase().includes(noun) ? undefined : genre;
}

/** The turn's pages as a locator: "33", or "33-35" for a turn across pages. */
export function turnLocator(turn?: CitedTurn): Locator {
  const pages = turn?.pages?.filter(Boolean) ?? [];
  if (pages.length === 0) return null;
  const first = pages[0]!;
  const last = pages[pages.length - 1]!;
  return { locator: first === last ? first : `${first}-${last}`, label: "page" };
}

/** The CSL-JSON item citing `document`, or one turn of it. */
export function cslItem(document: CitationDocument, site: string, turn?: CitedTurn): CslItem {
  const item: CslItem = {
    id: turn
      ? `${document.slug}#t-${turn.anchor}${turn.through ? `-${turn.through}` : ""}`
      : document.slug,
    type: "manuscript",
    title: document.title,
    URL: permalink(site, document.slug, turn?.anchor),
  };
  const genre = genreOf(document);
  if (genre) item.genre = genre;
  const issued = dateParts(document.date);
  if (issued) item.issued = issued;
  if (document.archive) item.archive = document.archive;
  const id = archiveIdentifier(document);
  if (id) item.archive_location = id;
  const pages = documentPages(document);
  if (pages) item.page = pages;
  if (document.translator) item.translator = [{ literal: document.translator }];
  if (turn)
    item.note = turn.through ? `Turns ${turn.anchor}–${turn.through}` : `Turn ${turn.anchor}`;
  // The text cited is the English translation; the original's language is in the record.
  item.language = "en";
  return item;
}
