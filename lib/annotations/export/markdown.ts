import { tiptapDocSchema } from "@/lib/richtext/body";
import type { AnnotationRecord, ReplyRecord } from "../types";
import { speakerList, turnRange } from "./csv";
import { docToMarkdown, escapeMarkdown, textToMarkdown } from "@/lib/richtext/markdown";
import { threadOrder } from "./thread";

// Reading notes in Markdown: the document's title and citation, then its annotations in reading
// order, each with its quote, a link to the turn and who speaks there, who wrote it and when, for
// whom, the note, its tags and its discussion (replies nested as the thread shows them).
// Discussions of the whole document come first; notes whose passage could not be found after a
// revision come last, under "Could not be placed".

export interface MarkdownOptions {
  documentTitle: string;
  /** The document's page; turn links append "#t-<anchor>". */
  documentUrl: string;
  /** How the document is cited (the archive's reference), when known. */
  citation?: string | null;
  /** The edition the notes were made on (the document's archive), when known. */
  edition?: string | null;
  /** The level of the title heading: 1 for a file of its own, 2 inside a course's file. */
  headingLevel?: number;
}

export const ORPHANS_HEADING = "Could not be placed";
export const WHOLE_DOCUMENT_HEADING = "About the whole document";

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

const byAge = (a: { createdAt: Date }, b: { createdAt: Date }) =>
  a.createdAt.getTime() - b.createdAt.getTime();

const isPlaced = (record: AnnotationRecord) =>
  !record.orphaned && record.selector.positions.length > 0;

function quoteBlock(exact: string): string {
  return exact
    .split(/\r\n|\r|\n/)
    .map((line) => (line.trim() === "" ? ">" : `> ${escapeMarkdown(line.trim())}`))
    .join("\n");
}

/** A note or reply from its validated document; the plain text if the document will not validate. */
function bodyMarkdown(body: unknown, text: string): string {
  const doc = tiptapDocSchema.safeParse(body);
  return doc.success ? docToMarkdown(doc.data) : textToMarkdown(text);
}

/** "#tag" words; spaces inside a tag become hyphens so the tag stays one word. */
function tagLine(tags: readonly string[]): string {
  return tags
    .map((tag) => tag.trim().replace(/^#+/, "").replace(/\s+/g, "-"))
    .filter((tag) => tag !== "")
    .map((tag) => `#${escapeMarkdown(tag)}`)
    .join(" ");
}

/** Whom the note is shared with, as the reader's audience menu words it. */
export function audienceLabel(record: AnnotationRecord): string {
  switch (record.visibility) {
    case "private":
      return "private";
    case "group":
      return record.group ? `shared with ${record.group.name}` : "shared with a reading group";
    case "course":
      return record.course ? `shared with ${record.course.title}` : "shared with a course";
    case "public":
      return "shared with everyone signed in";
  }
}

const date = (at: Date) => at.toISOString().slice(0, 10);
const authorName = (author: { name: string | null }) =>
  escapeMarkdown(author.name?.trim() || "Unknown author");

function byline(record: AnnotationRecord): string {
  const endorsed = record.endorsed ? " · endorsed by an instructor" : "";
  return `_${authorName(record.author)}, ${date(record.createdAt)} · ${escapeMarkdown(audienceLabel(record))}${endorsed}_`;
}

/** One reply as a list item, its words indented under it so lists and quotes stay inside. */
function replyItem(reply: ReplyRecord, depth: number): string {
  const indent = "  ".repeat(depth);
  const endorsed = reply.endorsed ? " (endorsed by an instructor)" : "";
  if (reply.deleted) return `${indent}- _Reply deleted._`;
  const head = `${indent}- **${authorName(reply.author)}**, ${date(reply.createdAt)}${endorsed}:`;
  const words = bodyMarkdown(reply.body, reply.bodyText)
    .split("\n")
    .map((line) => (line === "" ? "" : `${indent}  ${line}`))
    .join("\n");
  return `${head}\n\n${words}`;
}

function discussion(replies: readonly ReplyRecord[] | undefined, heading: string): string {
  const entries = threadOrder(replies ?? []);
  if (entries.length === 0) return "";
  return [heading, ...entries.map(({ reply, depth }) => replyItem(reply, depth))].join("\n\n");
}

function section(record: AnnotationRecord, heading: string, level: number): string {
  return [
    heading,
    record.documentLevel ? "" : quoteBlock(record.selector.quote.exact),
    byline(record),
    bodyMarkdown(record.body, record.bodyText),
    tagLine(record.tags),
    discussion(record.replies, `${"#".repeat(level + 1)} Replies`),
  ]
    .filter((part) => part !== "")
    .join("\n\n");
}

function turnHeading(record: AnnotationRecord, documentUrl: string, level: number): string {
  const range = turnRange(record.selector.positions);
  const label = range.includes("\u2013") ? `Turns ${range}` : `Turn ${range}`;
  const speakers = speakerList(record.speakers);
  return `${"#".repeat(level)} [${label}](<${documentUrl}#t-${record.selector.positions[0]!.turnAnchor}>)${
    speakers ? ` · ${escapeMarkdown(speakers.replaceAll("; ", ", "))}` : ""
  }`;
}

/** The reading notes for one document, as a Markdown file's text. */
export function toMarkdownNotes(
  records: readonly AnnotationRecord[],
  { documentTitle, documentUrl, citation, edition, headingLevel = 1 }: MarkdownOptions,
): string {
  const h = (extra: number) => "#".repeat(headingLevel + extra);
  const url = documentUrl.replace(/[<>\s]/g, encodeURIComponent);
  const whole = records.filter((record) => record.documentLevel).sort(byAge);
  const passages = records.filter((record) => !record.documentLevel);
  const placed = passages.filter(isPlaced).sort(byReadingOrder);
  const orphans = passages.filter((record) => !isPlaced(record)).sort(byAge);

  const parts = [
    `${h(0)} Reading notes: ${escapeMarkdown(documentTitle)}`,
    `Source: <${url}>`,
    ...(citation ? [`Citation: ${escapeMarkdown(citation)}`] : []),
    ...(edition ? [`Notes made on the edition of: ${escapeMarkdown(edition)}`] : []),
    ...(records.length === 0 ? ["_No annotations._"] : []),
  ];
  if (whole.length > 0) {
    parts.push(
      `${h(1)} ${WHOLE_DOCUMENT_HEADING}`,
      ...whole.map((record, i) => section(record, `${h(2)} Discussion ${i + 1}`, headingLevel + 2)),
    );
  }
  parts.push(
    ...placed.map((record) =>
      section(record, turnHeading(record, url, headingLevel + 1), headingLevel + 1),
    ),
  );
  if (orphans.length > 0) {
    parts.push(
      `${h(1)} ${ORPHANS_HEADING}`,
      "These notes refer to passages that were not found in the current text of the document.",
      ...orphans.map((record, i) => section(record, `${h(2)} Note ${i + 1}`, headingLevel + 2)),
    );
  }
  return `${parts.join("\n\n")}\n`;
}

/** A course's notes: one part per document, in the order given, under the course's title. */
export function toCourseMarkdown(
  courseTitle: string,
  documents: readonly (MarkdownOptions & { records: readonly AnnotationRecord[] })[],
): string {
  const parts = [
    `# Course notes: ${escapeMarkdown(courseTitle)}`,
    ...(documents.length === 0 ? ["_No annotations._\n"] : []),
    ...documents.map(({ records, ...options }) =>
      toMarkdownNotes(records, { ...options, headingLevel: 2 }),
    ),
  ];
  return parts.join("\n\n").replace(/\n*$/, "\n");
}
