import type { Block } from "./text";
import { normaliseSpace } from "./text";
import { noteSentinel } from "./apparatus";

// Footnotes printed at the end of a text ("  1. Source: ...", "*2* See supra.") become the
// document's footnotes; their marks in the text become links to them (see apparatus.ts).

export interface Footnote {
  label: string;
  text: string;
  /** 1-based source line. */
  line: number;
  /** How the reference mark looks in the text: "*2*", or the bare number glued to a word. */
  style: "asterisks" | "glued";
}

const NOTE_START = /^\s*(?:\*(\d+)\*|(\d+)\.)\s+(.*)$/;

/** A block made only of footnotes: each line opens one or continues the previous. */
function notesInBlock(block: Block): Footnote[] | undefined {
  const notes: Footnote[] = [];
  for (const [offset, raw] of block.lines.entries()) {
    const match = NOTE_START.exec(raw);
    const indentedNumber = match?.[2] !== undefined && /^\s+/.test(raw);
    if (match && (match[1] !== undefined || indentedNumber)) {
      notes.push({
        label: match[1] ?? match[2]!,
        text: match[3]!.trim(),
        line: block.line + offset,
        style: match[1] !== undefined ? "asterisks" : "glued",
      });
    } else if (notes.length > 0) {
      notes.at(-1)!.text = normaliseSpace(`${notes.at(-1)!.text} ${raw}`);
    } else {
      return undefined;
    }
  }
  return notes;
}

/** Footnotes at the end of the blocks, and the index of the first footnote block. */
export function readEndNotes(blocks: readonly Block[]): { notes: Footnote[]; start: number } {
  let start = blocks.length;
  while (start > 0 && notesInBlock(blocks[start - 1]!)) start -= 1;
  return { notes: blocks.slice(start).flatMap((block) => notesInBlock(block) ?? []), start };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Where the note's mark sits in a text: "*2*", or its number glued after a word or stop. */
export function markPattern(note: Pick<Footnote, "label" | "style">): RegExp {
  return note.style === "asterisks"
    ? new RegExp(`\\*${escapeRegExp(note.label)}\\*`)
    : new RegExp(`(?<=[\\p{L}.,;:!?)”’"])${escapeRegExp(note.label)}(?!\\d)`, "u");
}

/**
 * Each note's reference mark in the paragraphs replaced by a sentinel (the first paragraph that
 * carries it), so that the mark leaves the words and becomes a link to the note. Notes whose mark
 * no paragraph carries are returned as unplaced: they are still the document's footnotes.
 */
export function markNoteReferences(
  paragraphs: readonly string[],
  notes: readonly Pick<Footnote, "label" | "style">[],
): { paragraphs: string[]; unplaced: string[] } {
  const marked = [...paragraphs];
  const unplaced: string[] = [];
  for (const note of notes) {
    const pattern = markPattern(note);
    const at = marked.findIndex((paragraph) => pattern.test(paragraph));
    if (at < 0) unplaced.push(note.label);
    else marked[at] = marked[at]!.replace(pattern, noteSentinel(note.label));
  }
  return { paragraphs: marked, unplaced };
}

/** FRUS source notes state the classification as a sentence of its own: "... CF 1584. Confidential." */
export function classificationInSourceNote(sourceNote: string | undefined): string | undefined {
  return sourceNote
    ? /(?:^|\.\s+)(Top Secret|Secret|Confidential|Restricted|Official Use Only|Limited Official Use|Unclassified)(?:;[^.]*)?\./.exec(
        sourceNote,
      )?.[1]
    : undefined;
}
