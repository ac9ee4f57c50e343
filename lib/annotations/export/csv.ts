import type { AnnotationRecord, TurnPosition } from "../types";

// CSV export (RFC 4180) for spreadsheets: one row per annotation, CRLF line ends, a UTF-8 byte
// order mark so Excel reads the file as UTF-8, and a guard against formula injection.

export const CSV_COLUMNS = [
  "id",
  "created",
  "modified",
  "author",
  "visibility",
  "course",
  "group",
  "turns",
  "quote",
  "note",
  "tags",
  "orphaned",
] as const;

const BOM = "\uFEFF";
const CRLF = "\r\n";

// Spreadsheets run a cell starting with these as a formula (=HYPERLINK(...), +cmd|...). The
// full-width forms are included because some spreadsheet imports fold them to ASCII.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** One field: defused if it could run as a formula, quoted if it holds a comma, quote or line end. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The turns a selection covers: "12" or "12–14". An en dash, because Excel turns "12-14" into
 * the date 14 December.
 */
export function turnRange(positions: readonly TurnPosition[]): string {
  const first = positions[0]?.turnAnchor;
  const last = positions[positions.length - 1]?.turnAnchor;
  if (first === undefined || last === undefined) return "";
  return first === last ? String(first) : `${first}\u2013${last}`;
}

function row(record: AnnotationRecord): string[] {
  return [
    record.id,
    record.createdAt.toISOString(),
    record.updatedAt.toISOString(),
    record.author.name ?? "",
    record.visibility,
    record.course?.title ?? "",
    record.group?.name ?? "",
    turnRange(record.selector.positions),
    record.selector.quote.exact,
    record.bodyText,
    record.tags.join("; "),
    record.orphaned ? "yes" : "no",
  ];
}

/** The records as a CSV file's text, header first, in the order given. */
export function toCsv(records: readonly AnnotationRecord[]): string {
  const lines = [[...CSV_COLUMNS], ...records.map(row)].map((fields) =>
    fields.map(csvField).join(","),
  );
  return BOM + lines.map((line) => line + CRLF).join("");
}
