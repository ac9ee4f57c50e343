import { removeDebris } from "./debris";
import { ImportError } from "./errors";
import { extractApparatus, pageSentinel, shareApparatus, withApparatus } from "./apparatus";
import { classificationInSourceNote, markNoteReferences, markPattern, readEndNotes } from "./notes";
import type { Footnote } from "./notes";
import { assignIds, parseParticipantLine, participantsFromText } from "./participants";
import { distinguishingTitle } from "./metadata";
import { withSlug } from "./slug";
import { createStatementReader, statementTurns } from "./statements";
import type { Block } from "./text";
import {
  blockText,
  compact,
  normaliseSpace,
  findEnglishDate,
  findTime,
  joinBrokenParagraphs,
  PAGE_MARKER,
  toBlocks,
  toLines,
} from "./text";
import type { ParsedDocument, ParsedTurn, Participant } from "./types";

// A narrative memorandum of conversation: reported speech in paragraphs, as in FRUS ("143.
// Memorandum of Conversation", SUBJECT, PARTICIPANTS, [Page N] markers, numbered notes) or in
// "The World and Japan" database ([Title]/[Place]/[Date]/[Source] header, "*1*" notes).

const BRACKET_FIELD = /^\[(Title|Place|Date|Source|Full text)\]\s*(.*)$/i;
/** FRUS heading: "143. Memorandum of Conversation0". */
const FRUS_HEADING = /^(\d+)\.\s+(.+)$/u;
/** The source note's mark glued to the heading's last word or year ("Conversation0", "19561"). */
const GLUED_MARK = /(?<=\p{L}|\b\d{4})(\d{1,2})$/u;
const CAPS_LABEL = /^(SUBJECT|PARTICIPANTS|SUBJECTS)$/;
const FRUS_ARCHIVE = "Foreign Relations of the United States";

interface Header {
  fields: Record<string, string>;
  title?: string;
  titleMark?: string;
  place?: string;
  date?: string;
  citation?: string;
  archive?: string;
  /** A heading line printed at the top of the text itself. */
  heading?: string;
  subjects: string[];
  participantLines: string[];
  /** True when a PARTICIPANTS label was present (even with an empty list). */
  hasParticipantsLabel: boolean;
}

/** "[Title] ..." lines, and the archive banner lines above them. */
function readBracketHeader(blocks: readonly Block[], header: Header): number {
  const firstField = blocks.findIndex((block) =>
    block.lines.some((line) => BRACKET_FIELD.test(line.trim())),
  );
  if (firstField < 0) return 0;
  const banner = blocks
    .slice(0, firstField)
    .flatMap((block) => block.lines.map((line) => line.trim()));
  if (banner[0]) header.archive = banner[0];
  if (banner.length > 1) header.fields["Archive details"] = banner.slice(1).join("; ");
  let index = firstField;
  for (; index < blocks.length; index += 1) {
    const lines = blocks[index]!.lines.map((line) => line.trim());
    if (!lines.every((line) => BRACKET_FIELD.test(line))) break;
    for (const line of lines) {
      const [, name, value] = BRACKET_FIELD.exec(line)!;
      const key = name!.toLowerCase();
      if (key === "title") header.title = value!;
      else if (key === "place") header.place = value!;
      else if (key === "date") header.date = findEnglishDate(value!) ?? value!;
      else if (key === "source") header.citation = value!;
    }
  }
  return index;
}

/** A participants-list line: "Name, Role" (the comma may be missing under a PARTICIPANTS label). */
const isParticipantLine = (text: string, labelled: boolean) =>
  text.length < 160 &&
  (labelled || text.includes(",")) &&
  !/[.;:]$/.test(text) &&
  parseParticipantLine(text) !== undefined;
/** A one-line title-like block: a subject line ("Japanese-Soviet Negotiations"). */
const isShortLine = (block: Block) =>
  block.lines.length === 1 &&
  blockText(block).length < 100 &&
  !/[.;:,]$/.test(blockText(block)) &&
  !blockText(block).includes(", ");

const BULLET = /^\s*[•*-]\s+(.+)$/;

/**
 * A block of the SUBJECT or PARTICIPANTS list: bullet lines (one item each) or one unbulleted line.
 * False when the block is not a list item, i.e. the text proper has begun.
 */
function readListBlock(block: Block, header: Header): boolean {
  const bullets = block.lines.map((line) => BULLET.exec(line)?.[1]);
  const isBulleted = bullets.every((item) => item !== undefined);
  const items = isBulleted ? bullets.map((item) => normaliseSpace(item!)) : [blockText(block)];
  for (const item of items) {
    if (isBulleted && !header.hasParticipantsLabel && header.participantLines.length === 0)
      header.subjects.push(item);
    else if (isParticipantLine(item, header.hasParticipantsLabel))
      header.participantLines.push(item);
    else if (
      !isBulleted &&
      header.participantLines.length === 0 &&
      header.subjects.length === 0 &&
      isShortLine(block)
    )
      header.subjects.push(item);
    else return false;
  }
  return true;
}

/** Heading, SUBJECT and PARTICIPANTS blocks at the top of the text proper. */
function readFrontMatter(blocks: readonly Block[], start: number, header: Header): number {
  let index = start;
  const first = blocks[index];
  const frus = first && first.lines.length === 1 ? FRUS_HEADING.exec(blockText(first)) : null;
  if (frus) {
    header.fields["Document"] = frus[1]!;
    const mark = GLUED_MARK.exec(frus[2]!)?.[1];
    header.title = mark ? frus[2]!.slice(0, -mark.length) : frus[2]!;
    if (mark) header.titleMark = mark;
    index += 1;
  } else if (start > 0 && first && !isParticipantLine(blockText(first), false)) {
    header.heading = blockText(first); // "Memorandum of a Conversation, <place>, <date>*1*" under [Full text]
    index += 1;
  }
  for (; index < blocks.length; index += 1) {
    const block = blocks[index]!;
    const label = CAPS_LABEL.exec(blockText(block))?.[1];
    if (label?.startsWith("SUBJECT")) continue;
    if (label === "PARTICIPANTS") {
      header.hasParticipantsLabel = true;
      continue;
    }
    if (!readListBlock(block, header)) break;
  }
  return index;
}

/** The lettered points of an attachment ("(a) ...") after a wide gap in the text. */
function attachmentStart(blocks: readonly Block[]): number {
  return blocks.findIndex((block) => block.blankBefore >= 2 && /^\(a\)\s/.test(blockText(block)));
}

/** FRUS numbers the source note 0 when its mark sits on the title; the printed list starts at 1. */
function relabel(notes: Footnote[], titleMark: string | undefined): Footnote[] {
  if (titleMark === undefined || notes.some((note) => note.style === "asterisks")) return notes;
  return notes.map((note, index) => ({ ...note, label: String(Number(titleMark) + index) }));
}

export function parseMemorandum(text: string, file: string): ParsedDocument {
  const lines = toLines(text);
  const debris = removeDebris(lines);
  const blocks = toBlocks(debris.lines);
  if (blocks.length === 0) throw new ImportError(file, 1, "empty document");
  const header: Header = {
    fields: {},
    subjects: [],
    participantLines: [],
    hasParticipantsLabel: false,
  };
  const bodyStart = readFrontMatter(blocks, readBracketHeader(blocks, header), header);
  const { notes: rawNotes, start: notesStart } = readEndNotes(blocks.slice(bodyStart));
  const body = joinBrokenParagraphs(blocks.slice(bodyStart, bodyStart + notesStart));
  if (!header.title)
    throw new ImportError(
      file,
      blocks[0]!.line,
      "no title found (expected a numbered heading or a [Title] line)",
    );
  if (body.length === 0)
    throw new ImportError(file, blocks.at(-1)!.line, "no paragraphs found after the header");

  const notes = relabel(rawNotes, header.titleMark);
  const sourceNote = notes[0]?.text.startsWith("Source:") ? notes.shift() : undefined;
  const { paragraphs: markedParagraphs } = markNoteReferences(body.map(blockText), notes);
  const marked = markedParagraphs.map((paragraph) =>
    paragraph.replace(new RegExp(PAGE_MARKER.source, "gi"), (marker) =>
      pageSentinel(/\[Page (\S+)\]/i.exec(marker)![1]!),
    ),
  );
  const apparatus = marked.map(extractApparatus);
  const paragraphs = apparatus.map((part) => part.text);
  const listed = header.participantLines
    .map(parseParticipantLine)
    .filter((person) => person !== undefined);
  const participants: Participant[] =
    listed.length > 0 ? assignIds(listed) : participantsFromText(paragraphs);

  const attachmentAt = attachmentStart(body);
  // The heading's mark refers to the source note, which the document's header shows.
  const heading =
    header.heading && sourceNote
      ? header.heading.replace(markPattern(sourceNote), "").trim()
      : header.heading;
  const turns: ParsedTurn[] = heading ? [{ kind: "heading", text: heading }] : [];
  const reader = createStatementReader(participants);
  paragraphs.forEach((paragraph, index) => {
    if (attachmentAt >= 0 && index >= attachmentAt) {
      turns.push(withApparatus({ kind: "attachment", text: paragraph }, apparatus[index]!));
      return;
    }
    const statements = shareApparatus(reader.read(paragraph), apparatus[index]!);
    const paragraphTurns = statementTurns(statements);
    turns.push(...paragraphTurns.map((turn, at) => withApparatus(turn, statements[at]!)));
  });

  if (header.subjects.length > 0) header.fields["Subject"] = header.subjects.join("; ");
  // FRUS texts copied from the web carry "[Page N]" markers and a Department of State source note.
  const looksFrus =
    new RegExp(PAGE_MARKER.source, "i").test(text) &&
    sourceNote?.text.includes("Department of State");
  const document: ParsedDocument = compact({
    type: "document",
    slug: "",
    title: distinguishingTitle(header.title, header.fields["Subject"]),
    date: header.date ?? findEnglishDate(header.heading ?? header.title),
    time: header.heading ? findTime(header.heading) : undefined,
    place: header.place,
    archive: header.archive ?? debris.archive ?? (looksFrus ? FRUS_ARCHIVE : undefined),
    citation: header.citation,
    classification: classificationInSourceNote(sourceNote?.text),
    sourceNote: sourceNote?.text,
    shape: "memorandum",
    fields: header.fields,
    participants,
    turns,
    footnotes:
      notes.length > 0 ? notes.map((note) => ({ label: note.label, text: note.text })) : undefined,
    dropped: debris.dropped,
  });
  return withSlug(document);
}
