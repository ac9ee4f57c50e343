import { tiptapDocSchema } from "../body";
import type { AnnotationRecord } from "../types";
import { turnRange } from "./csv";
import { docToMarkdown, escapeMarkdown, textToMarkdown } from "./markdown-body";

// Reading notes in Markdown: the document's annotations in reading order, each with its quote, a
// link to the turn, who wrote it and when, the note and its tags. Notes whose passage could not
// be found after a revision come last, under "Could not be placed".

export interface MarkdownOptions {
  documentTitle: string;
  /** The document's page; turn links append "#t-<anchor>". */
  documentUrl: string;
}

export const ORPHANS_HEADING = "Could not be placed";

/** Reading order: first turn, then position in it, then age. */
function byReadingOrder(a: AnnotationRecord, b: AnnotationRecord): number {
  const pa = a.selector.positions[0];
  const pb = b.selector.positions[0];
  return (
    (pa?.turnAnchor ?? 0) - (pb?.turnAnchor ?? 0) ||
    (pa?.start ?? 0) - (pb?.start ?? 0) ||
    a.createdAt.getTime() - b.createdAt.getTime()
  );
}

const isPlaced = (record: AnnotationRecord) =>
  !record.orphaned && record.selector.positions.length > 0;

function quoteBlock(exact: string): string {
  return exact
    .split(/\r\n|\r|\n/)
    .map((line) => (line.trim() === "" ? ">" : `> ${escapeMarkdown(line.trim())}`))
    .join("\n");
}

/** The note from its validated document; the plain text if the document will not validate. */
function noteMarkdown(record: AnnotationRecord): string {
  const doc = tiptapDocSchema.safeParse(record.body);
  return doc.success ? docToMarkdown(doc.data) : textToMarkdown(record.bodyText);
}

/** "#tag" words; spaces inside a tag become hyphens so the tag stays one word. */
function tagLine(tags: readonly string[]): string {
  return tags
    .map((tag) => tag.trim().replace(/^#+/, "").replace(/\s+/g, "-"))
    .filter((tag) => tag !== "")
    .map((tag) => `#${escapeMarkdown(tag)}`)
    .join(" ");
}

function byline(record: AnnotationRecord): string {
  const author = escapeMarkdown(record.author.name?.trim() || "Unknown author");
  return `_${author}, ${record.createdAt.toISOString().slice(0, 10)}_`;
}

function section(record: AnnotationRecord, heading: string): string {
  const tags = tagLine(record.tags);
  return [
    heading,
    quoteBlock(record.selector.quote.exact),
    byline(record),
    noteMarkdown(record),
    tags,
  ]
    .filter((part) => part !== "")
    .join("\n\n");
}

function turnHeading(record: AnnotationRecord, documentUrl: string): string {
  const range = turnRange(record.selector.positions);
  const label = range.includes("\u2013") ? `Turns ${range}` : `Turn ${range}`;
  return `## [${label}](<${documentUrl}#t-${record.selector.positions[0]!.turnAnchor}>)`;
}

/** The reading notes for one document, as a Markdown file's text. */
export function toMarkdownNotes(
  records: readonly AnnotationRecord[],
  { documentTitle, documentUrl }: MarkdownOptions,
): string {
  const url = documentUrl.replace(/[<>\s]/g, encodeURIComponent);
  const placed = records.filter(isPlaced).sort(byReadingOrder);
  const orphans = records
    .filter((record) => !isPlaced(record))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());

  const parts = [
    `# Reading notes: ${escapeMarkdown(documentTitle)}`,
    `Source: <${url}>`,
    ...(records.length === 0 ? ["_No annotations._"] : []),
    ...placed.map((record) => section(record, turnHeading(record, url))),
  ];
  if (orphans.length > 0) {
    parts.push(
      `## ${ORPHANS_HEADING}`,
      "These notes refer to passages that were not found in the current text of the document.",
      ...orphans.map((record, i) => section(record, `### Note ${i + 1}`)),
    );
  }
  return `${parts.join("\n\n")}\n`;
}
