import type { AnnotationRecord } from "../types";
import { toCsv } from "./csv";
import { EXPORT_FORMATS, exportFileName, type ExportFormat } from "./file-name";
import type { ExportedDocument } from "./load";
import { toCourseMarkdown, toMarkdownNotes } from "./markdown";
import { collectionOf, collectionUrl, documentUrl } from "./w3c";

// An export as the file the browser downloads: its text in the chosen format, the content type,
// and a file name that says what it holds. Ids and links are built on `baseUrl`, the site's
// public address (./site-url.ts), never on the Host the request happened to use.

export interface ExportFile {
  body: string;
  contentType: string;
  fileName: string;
}

const citationsOf = (documents: readonly ExportedDocument[]) =>
  new Map(documents.map((document) => [document.slug, document.citation]));

function render(
  format: ExportFormat,
  documents: readonly ExportedDocument[],
  baseUrl: string,
  whole: { title: string; collectionId: string; label: string },
  markdown: () => string,
): string {
  const records: AnnotationRecord[] = documents.flatMap((document) => document.records);
  switch (format) {
    case "md":
      return markdown();
    case "csv":
      return toCsv(records, documents);
    case "jsonld":
      return JSON.stringify(
        collectionOf(records, baseUrl, citationsOf(documents), {
          id: whole.collectionId,
          label: whole.label,
        }),
        null,
        2,
      );
  }
}

export function documentExportFile(
  document: ExportedDocument,
  format: ExportFormat,
  baseUrl: string,
  now = new Date(),
): ExportFile {
  const body = render(
    format,
    [document],
    baseUrl,
    {
      title: document.title,
      collectionId: collectionUrl(baseUrl, document.slug),
      label: `Annotations on ${document.title}`,
    },
    () =>
      toMarkdownNotes(document.records, {
        documentTitle: document.title,
        documentUrl: documentUrl(baseUrl, document.slug),
        citation: document.citation,
        edition: document.archive,
      }),
  );
  return {
    body,
    contentType: EXPORT_FORMATS[format].contentType,
    fileName: exportFileName(document.slug, format, now),
  };
}

export function courseExportFile(
  course: { id: string; title: string },
  documents: readonly ExportedDocument[],
  format: ExportFormat,
  baseUrl: string,
  now = new Date(),
): ExportFile {
  const base = baseUrl.replace(/\/+$/, "");
  const body = render(
    format,
    documents,
    baseUrl,
    {
      title: course.title,
      collectionId: `${base}/api/courses/${encodeURIComponent(course.id)}/annotations?format=jsonld`,
      label: `Annotations in ${course.title}`,
    },
    () =>
      toCourseMarkdown(
        course.title,
        documents.map((document) => ({
          documentTitle: document.title,
          documentUrl: documentUrl(baseUrl, document.slug),
          citation: document.citation,
          edition: document.archive,
          records: document.records,
        })),
      ),
  );
  return {
    body,
    contentType: EXPORT_FORMATS[format].contentType,
    fileName: exportFileName(`course-${course.title}`, format, now),
  };
}

/** The download: attachment with its name; private, since it holds what only this viewer may read. */
export function exportResponse(file: ExportFile): Response {
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
