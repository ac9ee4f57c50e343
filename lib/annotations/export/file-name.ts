import { z } from "zod";

// File names that say what an export holds: whose notes, on what, when, in which format, e.g.
// memcon-notes_1959-09-14-liao-ishibashi-third-conversation_2026-12-02.md. Only letters, digits,
// "-" and "_", so every browser and file system keeps the name as sent.

export const EXPORT_FORMATS = {
  md: { extension: "md", contentType: "text/markdown; charset=utf-8", label: "Notes as Markdown" },
  csv: { extension: "csv", contentType: "text/csv; charset=utf-8", label: "Spreadsheet (CSV)" },
  jsonld: {
    extension: "jsonld",
    contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    label: "W3C Web Annotation (JSON-LD)",
  },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** `?format=` of a file export (the document route also answers `json`, its API listing). */
export const exportFileFormatSchema = z.enum(["md", "csv", "jsonld"], {
  error: "format must be one of md, csv, jsonld.",
});

/** "Cold War Sino-Japanese Relations" -> "cold-war-sino-japanese-relations" (ASCII, at most 60). */
export function fileSlug(text: string): string {
  const ascii = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return ascii.slice(0, 60).replace(/-+$/, "") || "untitled";
}

/** memcon-notes_<subject>_<YYYY-MM-DD>.<ext>; the subject is a document's slug or course-<title>. */
export function exportFileName(subject: string, format: ExportFormat, at: Date): string {
  const kind = format === "jsonld" ? "annotations" : "notes";
  return `memcon-${kind}_${fileSlug(subject)}_${at.toISOString().slice(0, 10)}.${EXPORT_FORMATS[format].extension}`;
}
