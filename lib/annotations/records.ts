import type { AnnotationRow } from "./service";
import type { AnnotationSelector } from "@/lib/anchoring/types";
import type { AnnotationRecord } from "./types";

/** A stored annotation in the shape the API and the export formats use. */
export function toRecord(
  row: AnnotationRow,
  document: { slug: string; title: string },
): AnnotationRecord {
  return {
    id: row.id,
    documentSlug: document.slug,
    documentTitle: document.title,
    author: { id: row.author.id, name: row.author.name },
    visibility: row.visibility,
    course: row.course,
    group: row.group,
    selector: row.selector as unknown as AnnotationSelector,
    orphaned: row.orphaned,
    body: row.body,
    bodyHtml: row.bodyHtml,
    bodyText: row.bodyText,
    tags: row.tags,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    documentLevel: row.scope === "document",
    endorsed: row.endorsedAt !== null,
  };
}

/** The JSON the API returns for one annotation. */
export function toApiJson(record: AnnotationRecord) {
  return {
    id: record.id,
    document: record.documentSlug,
    author: record.author,
    visibility: record.visibility,
    course: record.course,
    group: record.group,
    target: record.selector,
    orphaned: record.orphaned,
    body: record.body,
    html: record.bodyHtml,
    text: record.bodyText,
    tags: record.tags,
    created: record.createdAt.toISOString(),
    updated: record.updatedAt.toISOString(),
  };
}
