// Plain-text helpers shared by the parsers: lines, blank-separated blocks, whitespace, dates.
// Turn texts must stay verbatim, so these only ever normalise whitespace, never wording.

/** A run of non-blank lines, as found in the source. */
export interface Block {
  /** 1-based line number of the block's first line. */
  line: number;
  /** The raw lines, untrimmed (indentation tells list items from prose in some sources). */
  lines: string[];
  /** How many blank lines preceded the block (a wide gap often separates document parts). */
  blankBefore: number;
}

export function toLines(text: string): string[] {
  return text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
}

/** Group lines into blocks separated by blank lines; `null` lines (dropped debris) count as blank. */
export function toBlocks(lines: readonly (string | null)[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  let blanks = 0;
  lines.forEach((raw, index) => {
    if (raw === null || raw.trim() === "") {
      current = undefined;
      blanks += 1;
      return;
    }
    if (!current) {
      current = { line: index + 1, lines: [], blankBefore: blanks };
      blocks.push(current);
      blanks = 0;
    }
    current.lines.push(raw);
  });
  return blocks;
}

/** Collapse runs of whitespace (hard wraps, Markdown line breaks, double spaces) and trim. */
export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function blockText(block: Block): string {
  return normaliseSpace(block.lines.join(" "));
}

/**
 * Rejoin paragraphs that a page break split across a blank line ("...an Adenauer" / "type
 * formula..."): a block starting with a lowercase letter continues the previous one, unless that
 * one visibly ended a sentence.
 */
export function joinBrokenParagraphs(blocks: readonly Block[]): Block[] {
  const joined: Block[] = [];
  for (const block of blocks) {
    const previous = joined.at(-1);
    const first = block.lines[0]?.trim() ?? "";
    const previousLast = previous?.lines.at(-1)?.trim() ?? "";
    if (previous && /^\p{Ll}/u.test(first) && !/[.?!:;"”)\]]$/.test(previousLast)) {
      previous.lines.push(...block.lines);
    } else {
      joined.push({ ...block, lines: [...block.lines] });
    }
  }
  return joined;
}

/** Strip Markdown bold markers that web copies put around header labels and titles. */
export function stripBold(text: string): string {
  return text.replace(/\*\*/g, "");
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MONTH =
  "(January|February|March|April|May|June|July|August|September|October|November|December)";
const pad = (value: number) => String(value).padStart(2, "0");

function isoDate(year: string, month: string, day: string): string {
  return `${year}-${pad(MONTHS.indexOf(month.toLowerCase()) + 1)}-${pad(Number(day))}`;
}

/**
 * The first English date in `text` as ISO 8601: "September 14, 1959", "14 September 1959" and
 * "September 1959" are recognised.
 */
export function findEnglishDate(text: string): string | undefined {
  const monthFirst = new RegExp(`\\b${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`).exec(text);
  if (monthFirst) return isoDate(monthFirst[3]!, monthFirst[1]!, monthFirst[2]!);
  const dayFirst = new RegExp(`\\b(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})\\b`).exec(text);
  if (dayFirst) return isoDate(dayFirst[3]!, dayFirst[2]!, dayFirst[1]!);
  const monthOnly = new RegExp(`\\b${MONTH}\\s+(\\d{4})\\b`).exec(text);
  if (monthOnly) return `${monthOnly[2]!}-${pad(MONTHS.indexOf(monthOnly[1]!.toLowerCase()) + 1)}`;
  return undefined;
}

/** A line that is nothing but a date ("July 22, 1978", or a bare year "1955"), as ISO 8601. */
export function parseDateLine(text: string): string | undefined {
  const plain = normaliseSpace(stripBold(text));
  if (/^\d{4}$/.test(plain)) return plain;
  const date = findEnglishDate(plain);
  if (!date) return undefined;
  const rest = plain.replace(
    new RegExp(`^(\\d{1,2}\\s+)?${MONTH}(\\s+\\d{1,2},?)?\\s+\\d{4}$`),
    "",
  );
  return rest === "" ? date : undefined;
}

/** A time of day as printed: "9:00 a.m.", "3:30–5:30 p.m.", "9 p.m." or 24-hour "19:40". */
export function findTime(text: string): string | undefined {
  const twelveHour = /\b\d{1,2}(?::\d{2})?(?:\s*[–-]\s*\d{1,2}(?::\d{2})?)?\s*[ap]\.\s?m\./i.exec(
    text,
  );
  if (twelveHour) return normaliseSpace(twelveHour[0]);
  return /\b[0-2]?\d:[0-5]\d\b/.exec(text)?.[0];
}

/** Inline FRUS page markers, "[Page 278]": kept in turn texts, ignored when reading names. */
export const PAGE_MARKER = /\[Page [0-9ivxlcdm]+\]/gi;

export function withoutPageMarkers(text: string): string {
  return normaliseSpace(text.replace(PAGE_MARKER, " "));
}

/** Lowercase ASCII words for slugs and ids: accents folded, everything else a separator. */
export function asciiWords(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/(\w)\.(?=\w\.)/g, "$1") // "U.S." -> "us", "V.M." -> "vm"
    .replace(/['’]/g, "")
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "");
}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The object without its undefined or empty-string values: the model leaves unknown fields out
 * rather than setting them to undefined, so parsed and re-read documents compare equal.
 */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, entry]) => entry !== undefined && entry !== ""),
  ) as T;
}
