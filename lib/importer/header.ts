import type { Block } from "./text";
import { blockText, parseDateLine, stripBold } from "./text";

// Archive web pages open with labelled sections ("**Citation:**" followed by its text), which the
// parsers turn into document fields rather than turns.

export interface LabelledSection {
  label: string;
  /** 1-based line of the label. */
  line: number;
  value: Block[];
}

/** "**Citation:**" or "• Citation": a short line that only names a section. */
export function sectionLabel(block: Block): string | undefined {
  if (block.lines.length !== 1) return undefined;
  const line = block.lines[0]!.trim();
  const bold = /^\*\*([^*]{1,40}):\*\*$/.exec(line);
  if (bold) return bold[1]!.trim();
  return /^•\s+(Citation|Summary|Credits|Original Language|Contents)$/.exec(line)?.[1];
}

/**
 * Labelled sections from `start` on. Each label owns the blocks up to the next label; the last
 * label owns a single block, since the document text follows it directly.
 */
export function readSections(
  blocks: readonly Block[],
  start: number,
): { sections: LabelledSection[]; end: number } {
  const sections: LabelledSection[] = [];
  let index = start;
  while (index < blocks.length) {
    const label = sectionLabel(blocks[index]!);
    if (!label) break;
    const section: LabelledSection = { label, line: blocks[index]!.line, value: [] };
    sections.push(section);
    index += 1;
    while (index < blocks.length && !sectionLabel(blocks[index]!)) {
      section.value.push(blocks[index]!);
      index += 1;
      const nextIsLabel = index < blocks.length && sectionLabel(blocks[index]!) !== undefined;
      if (!nextIsLabel && !blocks.slice(index).some((block) => sectionLabel(block) !== undefined))
        break;
    }
  }
  return { sections, end: index };
}

export const sectionText = (section: LabelledSection | undefined) =>
  section ? section.value.map((block) => stripBold(blockText(block))).join("\n\n") : undefined;

/** The raw lines of a section, for values whose line structure matters (a citation and its URL). */
export const sectionRaw = (section: LabelledSection | undefined) =>
  section ? section.value.map((block) => block.lines.join("\n")).join("\n\n") : undefined;

/** A leading block that is only a date ("**September 14, 1959**"). */
export function dateBlock(block: Block | undefined): string | undefined {
  return block && block.lines.length === 1 ? parseDateLine(block.lines[0]!) : undefined;
}
