import { BODY_LIMITS } from "@/lib/richtext/body";
import { escapeHtml } from "@/lib/format/html";
import { htmlToText, sanitizeBodyHtml } from "@/lib/richtext/sanitize";
import type { AnnotationSelector, TurnPosition } from "@/lib/anchoring/types";

// Reading W3C Web Annotations back in: a collection with embedded pages, a page, one annotation
// or an array of them. Lenient about shape (single values or arrays, missing prefix/suffix), strict
// about what is needed to place a note: a quote and some text. Bad items are skipped and reported,
// the good ones kept. Body HTML is sanitized here; nothing from the file is trusted.

export type ImportedAnnotation = {
  selector: AnnotationSelector;
  /** Sanitized HTML of the note (plain-text bodies are escaped into paragraphs). */
  bodyHtml: string;
  bodyText: string;
  tags: string[];
  /** ISO 8601, when the file gave a readable date. */
  created?: string;
};

export type ImportProblem = {
  /** Position of the annotation in the file, from 0. */
  index: number;
  id?: string;
  /** A sentence for the user, naming the annotation ("Annotation 3 (…): …"). */
  error: string;
};

export type ImportResult =
  | { ok: true; items: ImportedAnnotation[]; problems: ImportProblem[] }
  | { ok: false; error: string };

export const MAX_IMPORT_ITEMS = 5_000;
const MAX_PAGES = 1_000;
/** Raw HTML accepted per note before sanitizing; far above what 10,000 characters need. */
const MAX_BODY_HTML = 500_000;

export const IMPORT_MESSAGES = {
  notJson: "The file is not valid JSON.",
  notW3C:
    "The file is not a W3C Web Annotation export: expected an AnnotationCollection, an AnnotationPage, an Annotation or a list of Annotations.",
  linkedPage:
    "The collection only links to its pages instead of including them. Export it with the annotations embedded and try again.",
  noItems: "An AnnotationPage in the file has no items list.",
  tooMany: `The file has more than ${MAX_IMPORT_ITEMS.toLocaleString("en-US")} annotations; split it into smaller files.`,
  nothingImported: (count: number, first: string) =>
    `None of the ${count} annotations could be imported. ${first}`,
  linkOnly: "it is only a link to an annotation, not the annotation itself.",
  notObject: "it is not an annotation object.",
  wrongType: (type: string) =>
    `its type is ${JSON.stringify(type.slice(0, 60))}, not "Annotation".`,
  noQuote: "it has no quoted text (TextQuoteSelector), so it cannot be placed in the document.",
  noNote: "it has no note text (a TextualBody that is not a tag).",
  noteTooLarge: "its note is too large to import.",
  noteTooLong: (length: number) =>
    `its note is too long: ${length.toLocaleString("en-US")} characters, at most ${BODY_LIMITS.maxTextLength.toLocaleString("en-US")}.`,
} as const;

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** JSON-LD allows one value or an array of them for almost every key. */
const asArray = (value: unknown): unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];

const strings = (value: unknown): string[] =>
  asArray(value).filter((v): v is string => typeof v === "string");

function typesOf(value: JsonObject): string[] {
  return strings(value.type ?? value["@type"]);
}

type Listed = { ok: true; items: unknown[] } | { ok: false; error: string };

/** The items of a page and of every embedded page after it. */
function pageItems(first: JsonObject): Listed {
  const items: unknown[] = [];
  let page: unknown = first;
  for (let count = 0; page !== undefined && page !== null; count++) {
    if (typeof page === "string") return { ok: false, error: IMPORT_MESSAGES.linkedPage };
    if (count >= MAX_PAGES) return { ok: false, error: IMPORT_MESSAGES.tooMany };
    if (!isObject(page) || !Array.isArray(page.items))
      return { ok: false, error: IMPORT_MESSAGES.noItems };
    items.push(...(page.items as unknown[]));
    if (items.length > MAX_IMPORT_ITEMS) return { ok: false, error: IMPORT_MESSAGES.tooMany };
    page = page.next;
  }
  return { ok: true, items };
}

function listAnnotations(json: unknown): Listed {
  if (Array.isArray(json)) return { ok: true, items: json };
  if (!isObject(json)) return { ok: false, error: IMPORT_MESSAGES.notW3C };
  const types = typesOf(json);
  if (types.includes("AnnotationCollection")) {
    const first = Array.isArray(json.first) ? (json.first as unknown[])[0] : json.first;
    if (first === undefined) return { ok: true, items: [] };
    if (!isObject(first)) return { ok: false, error: IMPORT_MESSAGES.linkedPage };
    return pageItems(first);
  }
  if (types.includes("AnnotationPage")) return pageItems(json);
  if (types.includes("Annotation") || (types.length === 0 && "target" in json)) {
    return { ok: true, items: [json] };
  }
  return { ok: false, error: IMPORT_MESSAGES.notW3C };
}

// ---- One annotation -----------------------------------------------------------------------

function findQuote(selectors: JsonObject[]): AnnotationSelector["quote"] | null {
  const quote = selectors.find((s) => typesOf(s).includes("TextQuoteSelector"));
  if (!quote || typeof quote.exact !== "string" || quote.exact === "") return null;
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  return { exact: quote.exact, prefix: text(quote.prefix), suffix: text(quote.suffix) };
}

const isOffset = (value: unknown): value is number =>
  typeof value === "number" && Number.isSafeInteger(value) && value >= 0;

/** Turn positions from FragmentSelector "t-<anchor>" refined by a TextPositionSelector. */
function findPositions(selectors: JsonObject[]): TurnPosition[] {
  const positions: TurnPosition[] = [];
  for (const selector of selectors) {
    if (!typesOf(selector).includes("FragmentSelector") || typeof selector.value !== "string")
      continue;
    const anchor = /^#?t-([1-9][0-9]{0,8})$/.exec(selector.value)?.[1];
    const range = asArray(selector.refinedBy)
      .filter(isObject)
      .find((r) => typesOf(r).includes("TextPositionSelector"));
    // Unusable positions are dropped, not fatal: the quote alone can place the note again.
    if (anchor === undefined || !range || !isOffset(range.start) || !isOffset(range.end)) continue;
    if (range.start > range.end) continue;
    positions.push({ turnAnchor: Number(anchor), start: range.start, end: range.end });
  }
  return positions;
}

/** Plain text as HTML paragraphs, one per line, like the editor would hold it. */
const textToHtml = (text: string) =>
  text
    .split(/\r\n|\r|\n/)
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join("");

type Bodies = { html: string; tags: string[] };

function readBodies(annotation: JsonObject): Bodies {
  const html: string[] = [];
  const tags: string[] = [];
  if (typeof annotation.bodyValue === "string") html.push(textToHtml(annotation.bodyValue));
  for (const body of asArray(annotation.body)) {
    // Bodies that are only links (External Web Resources) cannot be brought in; skip them.
    if (!isObject(body) || typeof body.value !== "string") continue;
    if (strings(body.purpose).includes("tagging")) {
      tags.push(body.value);
    } else {
      const format = strings(body.format)[0];
      html.push(format === "text/html" ? body.value : textToHtml(body.value));
    }
  }
  return { html: html.join(""), tags };
}

function normalizeTags(tags: string[]): string[] {
  const clean = tags.map((tag) => tag.trim().replace(/^#+/, "").trim()).filter((tag) => tag !== "");
  return [...new Set(clean)];
}

function readDate(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const time = Date.parse(value);
  return Number.isFinite(time) ? new Date(time).toISOString() : undefined;
}

type Read = { ok: true; item: ImportedAnnotation } | { ok: false; error: string };

function readAnnotation(value: unknown): Read {
  if (typeof value === "string") return { ok: false, error: IMPORT_MESSAGES.linkOnly };
  if (!isObject(value)) return { ok: false, error: IMPORT_MESSAGES.notObject };
  const types = typesOf(value);
  if (types.length > 0 && !types.includes("Annotation")) {
    return { ok: false, error: IMPORT_MESSAGES.wrongType(types.join(", ")) };
  }
  const selectors = asArray(value.target)
    .filter(isObject)
    .flatMap((target) => asArray(target.selector).filter(isObject));
  const quote = findQuote(selectors);
  if (!quote) return { ok: false, error: IMPORT_MESSAGES.noQuote };

  const bodies = readBodies(value);
  if (bodies.html.length > MAX_BODY_HTML) return { ok: false, error: IMPORT_MESSAGES.noteTooLarge };
  const bodyHtml = sanitizeBodyHtml(bodies.html);
  const bodyText = htmlToText(bodyHtml);
  if (bodyText === "") return { ok: false, error: IMPORT_MESSAGES.noNote };
  const length = Array.from(bodyText).length;
  if (length > BODY_LIMITS.maxTextLength)
    return { ok: false, error: IMPORT_MESSAGES.noteTooLong(length) };

  const created = readDate(value.created);
  return {
    ok: true,
    item: {
      selector: { quote, positions: findPositions(selectors) },
      bodyHtml,
      bodyText,
      tags: normalizeTags(bodies.tags),
      ...(created ? { created } : {}),
    },
  };
}

function idOf(value: unknown): string | undefined {
  return isObject(value) && typeof value.id === "string" ? value.id.slice(0, 200) : undefined;
}

/**
 * Parse W3C Web Annotation JSON (an object, or its JSON text). Succeeds when at least one
 * annotation could be read (or the file holds none); `problems` lists the skipped ones.
 */
export function fromW3C(json: unknown): ImportResult {
  let value = json;
  if (typeof json === "string") {
    try {
      value = JSON.parse(json) as unknown;
    } catch {
      return { ok: false, error: IMPORT_MESSAGES.notJson };
    }
  }
  const listed = listAnnotations(value);
  if (!listed.ok) return listed;
  if (listed.items.length > MAX_IMPORT_ITEMS) return { ok: false, error: IMPORT_MESSAGES.tooMany };

  const items: ImportedAnnotation[] = [];
  const problems: ImportProblem[] = [];
  listed.items.forEach((raw, index) => {
    // A reply (Memcon's exports carry the discussions) answers another note; an import makes the
    // caller's own private notes on passages, so replies are left out rather than reported.
    if (isObject(raw) && strings(raw.motivation).includes("replying")) return;
    const read = readAnnotation(raw);
    if (read.ok) {
      items.push(read.item);
      return;
    }
    const id = idOf(raw);
    const name = `Annotation ${index + 1}${id ? ` (${id})` : ""}`;
    problems.push({ index, ...(id ? { id } : {}), error: `${name}: ${read.error}` });
  });
  if (items.length === 0 && problems.length > 0) {
    return {
      ok: false,
      error: IMPORT_MESSAGES.nothingImported(problems.length, problems[0]!.error),
    };
  }
  return { ok: true, items, problems };
}
