import type { AnnotationRecord, AnnotationSelector } from "../types";

// W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) export: one
// AnnotationCollection per document, its annotations embedded in a single first page. The import
// side lives in ./w3c-import.ts and is re-exported here.

export {
  fromW3C,
  type ImportedAnnotation,
  type ImportProblem,
  type ImportResult,
} from "./w3c-import";

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
export const RFC3986 = "http://tools.ietf.org/rfc/rfc3986";

export interface W3CExportOptions {
  /** Origin the ids are built on, e.g. "https://memcon.example" (a trailing slash is ignored). */
  baseUrl: string;
  documentSlug: string;
  documentTitle: string;
}

export type TextualBody = {
  type: "TextualBody";
  value: string;
  format?: "text/html" | "text/plain";
  purpose: "commenting" | "tagging";
};

export type TextQuoteSelector = {
  type: "TextQuoteSelector";
  exact: string;
  prefix: string;
  suffix: string;
};
export type TextPositionSelector = { type: "TextPositionSelector"; start: number; end: number };
export type FragmentSelector = {
  type: "FragmentSelector";
  value: string;
  conformsTo: typeof RFC3986;
  refinedBy: TextPositionSelector;
};

export type W3CAnnotation = {
  "@context"?: typeof ANNO_CONTEXT;
  id: string;
  type: "Annotation";
  motivation: "commenting";
  created: string;
  modified: string;
  creator: { id: string; type: "Person"; name?: string };
  body: TextualBody | TextualBody[];
  target: { source: string; selector: (TextQuoteSelector | FragmentSelector)[] };
  /**
   * Memcon extension, present (true) only on annotations whose passage could not be found in the
   * current text. Not in the anno.jsonld context, so JSON-LD processors drop it; plain JSON
   * readers see it.
   */
  orphaned?: true;
};

export type W3CAnnotationPage = {
  id: string;
  type: "AnnotationPage";
  partOf: string;
  startIndex: number;
  items: W3CAnnotation[];
};

export type W3CAnnotationCollection = {
  "@context": typeof ANNO_CONTEXT;
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  first: W3CAnnotationPage;
};

const trimBase = (baseUrl: string) => baseUrl.replace(/\/+$/, "");
const segment = encodeURIComponent;

export const annotationUrl = (baseUrl: string, id: string) =>
  `${trimBase(baseUrl)}/api/annotations/${segment(id)}`;
export const documentUrl = (baseUrl: string, slug: string) =>
  `${trimBase(baseUrl)}/documents/${segment(slug)}`;
export const collectionUrl = (baseUrl: string, slug: string) =>
  `${trimBase(baseUrl)}/api/documents/${segment(slug)}/annotations?format=jsonld`;

/** The selectors for a stored selection: the quote, then each turn's fragment and offsets. */
export function toSelectors(
  selector: AnnotationSelector,
  orphaned: boolean,
): (TextQuoteSelector | FragmentSelector)[] {
  const quote: TextQuoteSelector = {
    type: "TextQuoteSelector",
    exact: selector.quote.exact,
    prefix: selector.quote.prefix,
    suffix: selector.quote.suffix,
  };
  // An orphan's offsets point into a text that no longer exists; only its quote still means something.
  if (orphaned) return [quote];
  return [
    quote,
    ...selector.positions.map((position): FragmentSelector => ({
      type: "FragmentSelector",
      value: `t-${position.turnAnchor}`,
      conformsTo: RFC3986,
      refinedBy: { type: "TextPositionSelector", start: position.start, end: position.end },
    })),
  ];
}

function toBody(record: AnnotationRecord): TextualBody | TextualBody[] {
  const comment: TextualBody = {
    type: "TextualBody",
    value: record.bodyHtml,
    format: "text/html",
    purpose: "commenting",
  };
  const tags = record.tags.map((tag): TextualBody => ({
    type: "TextualBody",
    value: tag,
    purpose: "tagging",
  }));
  return tags.length === 0 ? comment : [comment, ...tags];
}

/** One annotation, without @context (as embedded in a page); see toW3CAnnotation for standalone. */
export function toW3CItem(record: AnnotationRecord, baseUrl: string): W3CAnnotation {
  return {
    id: annotationUrl(baseUrl, record.id),
    type: "Annotation",
    motivation: "commenting",
    created: record.createdAt.toISOString(),
    modified: record.updatedAt.toISOString(),
    creator: {
      id: `${trimBase(baseUrl)}/users/${segment(record.author.id)}`,
      type: "Person",
      ...(record.author.name ? { name: record.author.name } : {}),
    },
    body: toBody(record),
    target: {
      source: documentUrl(baseUrl, record.documentSlug),
      selector: toSelectors(record.selector, record.orphaned),
    },
    ...(record.orphaned ? { orphaned: true as const } : {}),
  };
}

/** One annotation as a standalone JSON-LD document (what /api/annotations/<id> would serve). */
export function toW3CAnnotation(record: AnnotationRecord, baseUrl: string): W3CAnnotation {
  return { "@context": ANNO_CONTEXT, ...toW3CItem(record, baseUrl) };
}

/** All of a document's annotations (those the viewer may read) as one AnnotationCollection. */
export function toAnnotationCollection(
  records: readonly AnnotationRecord[],
  { baseUrl, documentSlug, documentTitle }: W3CExportOptions,
): W3CAnnotationCollection {
  const id = collectionUrl(baseUrl, documentSlug);
  return {
    "@context": ANNO_CONTEXT,
    id,
    type: "AnnotationCollection",
    label: `Annotations on ${documentTitle}`,
    total: records.length,
    first: {
      id: `${id}#page-1`,
      type: "AnnotationPage",
      partOf: id,
      startIndex: 0,
      items: records.map((record) => toW3CItem(record, baseUrl)),
    },
  };
}
