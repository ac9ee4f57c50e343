// CSV as spreadsheets read it (RFC 4180): CRLF line ends, a UTF-8 byte order mark so Excel reads
// the file as UTF-8, and a guard against formula injection. Shared by every CSV export (notes,
// gradebook).

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

/** The whole file: a header row and the rows, every field through `csvField`. */
export function csvFile(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((fields) => fields.map(csvField).join(",") + CRLF).join("");
}
