import type { AnnotationSelector } from "@/lib/anchoring/types";
import type { AnnotationRecord, ReplyRecord } from "../types";
import { speakerList } from "./csv";
import { threadOrder } from "./thread";

// W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) export: one
// AnnotationCollection per document (or per course), its annotations embedded in a single first
// page. Each note is followed by its replies, which are annotations too (motivation "replying",
// target the note or reply they answer, as the model's section 3.3.5 describes). The document's
// citation is on each target as dcterms:bibliographicCitation (the anno.jsonld context defines
// the dcterms prefix). The import side lives in ./w3c-import.ts and is re-exported here.

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
  /** Each document's citation, by slug (see ExportDocumentInfo). */
  citations?: ReadonlyMap<string, string | null>;
}

/** Where ids and labels of a collection come from when it is not one document's. */
export interface W3CCollectionInfo {
  id: string;
  label: string;
}

export const CITATION = "dcterms:bibliographicCitation";

export type TextualBody = {
  type: "TextualBody";
  value: string;
  format?: "text/html" | "text/plain";
  purpose: "commenting" | "tagging" | "replying";
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

export type W3CTarget = {
  source: string;
  selector: (TextQuoteSelector | FragmentSelector)[];
  [CITATION]?: string;
};

export type W3CAnnotation = {
  "@context"?: typeof ANNO_CONTEXT;
  id: string;
  type: "Annotation";
  motivation: "commenting";
  created: string;
  modified: string;
  creator: W3CCreator;
  body: TextualBody | TextualBody[];
  target: W3CTarget;
  /**
   * Memcon extension, present (true) only on annotations whose passage could not be found in the
   * current text. Not in the anno.jsonld context, so JSON-LD processors drop it; plain JSON
   * readers see it.
   */
  orphaned?: true;
  /** Memcon extension (like `orphaned`): who speaks in the annotated turns. */
  speakers?: string[];
};

type W3CCreator = { id: string; type: "Person"; name?: string };

/** A reply: an annotation whose target is the note or reply it answers. */
export type W3CReply = {
  id: string;
  type: "Annotation";
  motivation: "replying";
  created: string;
  modified: string;
  creator: W3CCreator;
  body: TextualBody;
  target: string;
  /** Memcon extension: the reply was deleted; its answers keep their place. */
  deleted?: true;
};

export type W3CAnnotationPage = {
  id: string;
  type: "AnnotationPage";
  partOf: string;
  startIndex: number;
  items: (W3CAnnotation | W3CReply)[];
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
/** A reply has no address of its own: it is a fragment of its note's. */
export const replyUrl = (baseUrl: string, annotationId: string, replyId: string) =>
  `${annotationUrl(baseUrl, annotationId)}#reply-${segment(replyId)}`;

const creator = (baseUrl: string, author: { id: string; name: string | null }): W3CCreator => ({
  id: `${trimBase(baseUrl)}/users/${segment(author.id)}`,
  type: "Person",
  ...(author.name ? { name: author.name } : {}),
});

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
export function toW3CItem(
  record: AnnotationRecord,
  baseUrl: string,
  citation?: string | null,
): W3CAnnotation {
  const speakers = speakerList(record.speakers);
  return {
    id: annotationUrl(baseUrl, record.id),
    type: "Annotation",
    motivation: "commenting",
    created: record.createdAt.toISOString(),
    modified: record.updatedAt.toISOString(),
    creator: creator(baseUrl, record.author),
    body: toBody(record),
    target: {
      source: documentUrl(baseUrl, record.documentSlug),
      selector: toSelectors(record.selector, record.orphaned),
      ...(citation ? { [CITATION]: citation } : {}),
    },
    ...(record.orphaned ? { orphaned: true as const } : {}),
    ...(speakers ? { speakers: speakers.split("; ") } : {}),
  };
}

function toW3CReply(record: AnnotationRecord, reply: ReplyRecord, baseUrl: string): W3CReply {
  return {
    id: replyUrl(baseUrl, record.id, reply.id),
    type: "Annotation",
    motivation: "replying",
    created: reply.createdAt.toISOString(),
    modified: reply.createdAt.toISOString(),
    creator: creator(baseUrl, reply.author),
    body: reply.deleted
      ? { type: "TextualBody", value: "Reply deleted.", format: "text/plain", purpose: "replying" }
      : { type: "TextualBody", value: reply.bodyHtml, format: "text/html", purpose: "replying" },
    target: reply.parentId
      ? replyUrl(baseUrl, record.id, reply.parentId)
      : annotationUrl(baseUrl, record.id),
    ...(reply.deleted ? { deleted: true as const } : {}),
  };
}

/** A note followed by its discussion, in the order the thread reads. */
export function toW3CThread(
  record: AnnotationRecord,
  baseUrl: string,
  citation?: string | null,
): (W3CAnnotation | W3CReply)[] {
  return [
    toW3CItem(record, baseUrl, citation),
    ...threadOrder(record.replies ?? []).map(({ reply }) => toW3CReply(record, reply, baseUrl)),
  ];
}

/** One annotation as a standalone JSON-LD document (what /api/annotations/<id> would serve). */
export function toW3CAnnotation(record: AnnotationRecord, baseUrl: string): W3CAnnotation {
  return { "@context": ANNO_CONTEXT, ...toW3CItem(record, baseUrl) };
}

/** All of a document's annotations (those the viewer may read) as one AnnotationCollection. */
export function toAnnotationCollection(
  records: readonly AnnotationRecord[],
  { baseUrl, documentSlug, documentTitle, citations }: W3CExportOptions,
): W3CAnnotationCollection {
  return collectionOf(records, baseUrl, citations, {
    id: collectionUrl(baseUrl, documentSlug),
    label: `Annotations on ${documentTitle}`,
  });
}

/** Annotations of several documents (a course's) as one AnnotationCollection. */
export function collectionOf(
  records: readonly AnnotationRecord[],
  baseUrl: string,
  citations: ReadonlyMap<string, string | null> | undefined,
  { id, label }: W3CCollectionInfo,
): W3CAnnotationCollection {
  const items = records.flatMap((record) =>
    toW3CThread(record, baseUrl, citations?.get(record.documentSlug)),
  );
  return {
    "@context": ANNO_CONTEXT,
    id,
    type: "AnnotationCollection",
    label,
    total: items.length,
    first: {
      id: `${id}#page-1`,
      type: "AnnotationPage",
      partOf: id,
      startIndex: 0,
      items,
    },
  };
}
