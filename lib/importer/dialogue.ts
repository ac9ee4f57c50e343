import { parseCitation } from "./citation";
import { removeDebris } from "./debris";
import { dialogueLabels } from "./detect";
import { ImportError } from "./errors";
import { dateBlock, readSections, sectionRaw, sectionText } from "./header";
import type { LabelledSection } from "./header";
import { withSlug } from "./slug";
import type { Block } from "./text";
import {
  asciiWords,
  blockText,
  compact,
  escapeRegExp,
  findTime,
  joinBrokenParagraphs,
  stripBold,
  toBlocks,
  toLines,
} from "./text";
import type { ParsedDocument, ParsedTurn, Participant } from "./types";

// A transcript whose turns carry speaker labels ("Liao: ...", "Ishibashi: ..."), as published by
// the Wilson Center: a labelled header (date, title, Citation, Summary, ...), then document
// furniture (classification, approval notes, time and translator lines), then the dialogue.

/** The participant's fuller name as the title or citation gives it ("Liao" -> "Liao Chengzhi"). */
function fullName(label: string, sources: readonly string[]): string {
  const escaped = escapeRegExp(label);
  for (const source of sources) {
    const surnameFirst = new RegExp(`\\b${escaped}\\s+(\\p{Lu}\\p{Ll}+)\\b`, "u").exec(source);
    if (surnameFirst && !/^(and|said)$/i.test(surnameFirst[1]!))
      return `${label} ${surnameFirst[1]!}`;
    const givenFirst = new RegExp(`\\b(\\p{Lu}\\p{Ll}+)\\s+${escaped}\\b`, "u").exec(source);
    if (givenFirst && !/^(Comrade|Mr|Chairman|Premier|Minister)$/.test(givenFirst[1]!))
      return `${givenFirst[1]!} ${label}`;
  }
  return label;
}

/** Characters the copy lost, printed as boxes ("□□□ □□"), and the spaces between them. */
export const LOST_CHARACTERS = /□(?:\s*□)*/gu;

/** A value without the lost characters; undefined when nothing else is left. */
function readable(value: string): string | undefined {
  const kept = value.replace(LOST_CHARACTERS, " ").replace(/\s+/g, " ").trim();
  return kept === "" ? undefined : kept;
}

/**
 * "Note-taker: X" in the furniture. When the copy lost the value on the label's line, the next
 * line that is not another label may hold it ("Translator: □□□" ... "Lin Liyun □□□ □□").
 */
function furnitureValue(blocks: readonly Block[], label: string): string | undefined {
  const lines = blocks.map(blockText);
  const at = lines.findIndex((line) => new RegExp(`^${label}:`, "i").test(line));
  if (at < 0) return undefined;
  const onLine = readable(lines[at]!.replace(new RegExp(`^${label}:\\s*`, "i"), ""));
  if (onLine) return onLine;
  for (const line of lines.slice(at + 1)) {
    if (/^[\p{L} -]{1,20}:/u.test(line)) return undefined;
    const value = readable(line);
    if (value && /^\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)+$/u.test(value)) return value;
  }
  return undefined;
}

interface Header {
  date?: string;
  title?: string;
  sections: LabelledSection[];
  /** Index of the first block after the header. */
  end: number;
}

/** Date line, bold title, then "**Label:**" sections (Citation, Summary, Credits, ...). */
function readHeader(blocks: readonly Block[]): Header {
  let index = 0;
  const date = dateBlock(blocks[index]);
  if (date) index += 1;
  const bold = blocks[index]?.lines[0]?.trim().startsWith("**");
  const title = bold ? stripBold(blockText(blocks[index]!)) : undefined;
  if (title) index += 1;
  const { sections, end } = readSections(blocks, index);
  return { ...compact({ date, title }), sections, end };
}

/** Furniture as header turns (the repeated title as a heading), then one turn per speech. */
function buildTurns(
  furniture: readonly Block[],
  dialogue: readonly Block[],
  speech: RegExp,
  title: string,
  participants: readonly Participant[],
): ParsedTurn[] {
  const turns: ParsedTurn[] = furniture.map((block) => {
    const line = blockText(block);
    return { kind: line.toLowerCase() === title.toLowerCase() ? "heading" : "header", text: line };
  });
  for (const block of dialogue) {
    const paragraph = blockText(block);
    const label = speech.exec(paragraph)?.[1];
    const speaker = participants.find((participant) => participant.label === label)?.id;
    if (label && speaker) {
      const words = paragraph.slice(label.length + 1).trim();
      turns.push({ kind: "speech", speaker, text: words });
    } else {
      turns.push({ kind: "paragraph", text: paragraph }); // a stage direction or a gap in the labels
    }
  }
  return turns;
}

export function parseDialogue(text: string, file: string): ParsedDocument {
  const lines = toLines(text);
  const debris = removeDebris(lines);
  const blocks = joinBrokenParagraphs(toBlocks(debris.lines));
  const labels = dialogueLabels(lines);
  const speech = new RegExp(`^(${labels.map(escapeRegExp).join("|")}):\\s+`);

  const header = readHeader(blocks);
  const section = (label: string) =>
    header.sections.find((candidate) => candidate.label.toLowerCase() === label.toLowerCase());
  const firstSpeech = blocks.findIndex((block) => speech.test(blockText(block)));
  if (firstSpeech < 0) throw new ImportError(file, 1, "no speaker-labelled turns found");
  const furniture = blocks.slice(header.end, firstSpeech);

  const rawCitation = sectionRaw(section("Citation"));
  const citation = rawCitation ? parseCitation(rawCitation) : undefined;
  const title = header.title ?? citation?.title;
  if (!title)
    throw new ImportError(file, blocks[0]?.line ?? 1, "no title found before the dialogue");
  const summary = sectionText(section("Summary"));
  const nameSources = [title, citation?.citation ?? "", summary ?? ""];
  const participants: Participant[] = labels.map((label) => ({
    id: asciiWords(label).join("-"),
    name: fullName(label, nameSources),
    label,
  }));

  const fields: Record<string, string> = {};
  for (const extra of header.sections) {
    if (!["citation", "summary", "original language"].includes(extra.label.toLowerCase()))
      fields[extra.label] = sectionText(extra) ?? "";
  }
  const furnitureLines = furniture.map(blockText);
  const classification = furnitureLines.find((line) =>
    /^(Top[- ]Secret|Secret|Confidential)\b/i.test(line),
  );
  const document: ParsedDocument = compact({
    type: "document",
    slug: "",
    title,
    date: header.date,
    time: furnitureLines.map(findTime).find((found) => found !== undefined),
    archive: citation?.archive ?? debris.archive,
    archiveUrl: citation?.archiveUrl,
    citation: citation?.citation,
    summary,
    translator: citation?.translator,
    // The record's own "Translator:" is the meeting's interpreter; the citation's translator
    // translated the text into English.
    interpreter: furnitureValue(furniture, "Translator"),
    noteTaker: furnitureValue(furniture, "Note-taker"),
    originalLanguage: sectionText(section("Original Language")),
    // "Top-Secret Document / To be Destroyed": the level, without the handling instruction.
    classification: classification?.split(/\s+Document\b/)[0],
    shape: "dialogue",
    fields,
    participants,
    turns: buildTurns(furniture, blocks.slice(firstSpeech), speech, title, participants),
    dropped: debris.dropped,
  });
  return withSlug(document);
}
