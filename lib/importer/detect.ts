import { parseDateLine, toLines } from "./text";

// Recognise what kind of source a raw text is from its structure alone (never its file name):
// the same archive export may arrive under any name.

export type SourceShape = "content" | "tei" | "collection" | "dialogue" | "cable" | "memorandum";

/** `Label: words` at the start of a line, the way transcripts mark speakers and cables fields. */
const LABELLED_LINE = /^([\p{Lu}][\p{L}.'’ -]{0,30}?):\s+\S/u;

/** Cable header fields; several of them together mean a telegram. */
const CABLE_FIELDS = new Set(["number", "primary", "sent", "received", "to", "from", "re"]);

/** Content files (this project's own format) open with YAML front matter. */
function isContentFile(text: string): boolean {
  return /^\uFEFF?---[ \t]*\r?\n/.test(text);
}

function isXml(text: string): boolean {
  return /^\uFEFF?\s*</.test(text);
}

/** A collection lists dated entries: bullet lines holding only a date. */
function countDatedBullets(lines: readonly string[]): number {
  return lines.filter((line) => {
    const match = /^\s*[•*-]\s+(.+)$/.exec(line);
    return match !== null && parseDateLine(match[1]!) !== undefined;
  }).length;
}

/** Speaker labels used at least three times each: a transcript has two or more of them. */
function recurringSpeakerLabels(lines: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const label = LABELLED_LINE.exec(line.trim())?.[1];
    if (label) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].filter(([, count]) => count >= 3).map(([label]) => label);
}

function countCableFields(lines: readonly string[]): number {
  const labels = lines
    .map((line) => LABELLED_LINE.exec(line.trim())?.[1]?.toLowerCase())
    .filter((label): label is string => label !== undefined && CABLE_FIELDS.has(label));
  return new Set(labels).size;
}

export function detectShape(text: string): SourceShape {
  if (isContentFile(text)) return "content";
  if (isXml(text)) return "tei";
  const lines = toLines(text);
  if (countDatedBullets(lines) >= 3) return "collection";
  if (recurringSpeakerLabels(lines).length >= 2) return "dialogue";
  if (countCableFields(lines) >= 3) return "cable";
  return "memorandum";
}

/** Speaker labels of a dialogue transcript, in order of first appearance. */
export function dialogueLabels(lines: readonly string[]): string[] {
  return recurringSpeakerLabels(lines);
}
