import type { DroppedLine } from "./types";

// Archive web pages copied as text carry navigation, buttons and viewer notices that are not part
// of the record. Each rule matches a whole line (trimmed, bullets removed) so that real text that
// merely mentions such words is never dropped.

interface DebrisRule {
  pattern: RegExp;
  reason: string;
  /** The archive a line betrays (a site banner), when it does. */
  archive?: string;
}

const RULES: readonly DebrisRule[] = [
  { pattern: /^Search in$/i, reason: "web page search box" },
  {
    pattern: /^Digital Archive International History Declassified$/i,
    reason: "web site banner",
    archive: "Wilson Center Digital Archive",
  },
  { pattern: /^No image found\.?$/i, reason: "web page image placeholder" },
  { pattern: /^(get citation|share document|download pdf|print)$/i, reason: "web page button" },
  { pattern: /^English HTML$/i, reason: "web page format switcher" },
  {
    pattern: /^It appears your Web browser is not configured to display PDF files\b/i,
    reason: "PDF viewer notice",
  },
  { pattern: /^Click here to (view|download) the PDF file\b/i, reason: "PDF viewer notice" },
  { pattern: /^PDFs cannot be printed inline in the page\b/i, reason: "PDF viewer notice" },
];

export interface DebrisResult {
  /** The source lines with debris replaced by `null`, so line numbers stay true. */
  lines: (string | null)[];
  dropped: DroppedLine[];
  /** An archive name inferred from a dropped banner, if any. */
  archive?: string;
}

/** The line as a rule sees it: trimmed, without a leading list bullet. */
const bare = (line: string) => line.trim().replace(/^[•*-]\s+/, "");

export function removeDebris(lines: readonly string[]): DebrisResult {
  const result: DebrisResult = { lines: [], dropped: [] };
  lines.forEach((line, index) => {
    const rule = RULES.find((candidate) => candidate.pattern.test(bare(line)));
    if (!rule) {
      result.lines.push(line);
      return;
    }
    result.lines.push(null);
    result.dropped.push({ line: index + 1, text: line.trim(), reason: rule.reason });
    if (rule.archive) result.archive = rule.archive;
  });
  return result;
}
