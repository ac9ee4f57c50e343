import { anchorSelector } from "@/lib/anchoring";
import type { AnnotationSelector, TurnPosition } from "@/lib/anchoring/types";
import type { AlignedRow } from "./align";

// An annotation made on one edition, placed on the other through the alignment of their
// paragraphs (align.ts): the rows its turns fall in name the other edition's turns that print
// the same passage; its quote is looked for there (lib/anchoring: the exact words, then an
// approximate match). Where the other edition's words differ too much, the note is attached to
// the aligned turn as a whole. A passage only one edition prints takes no note across.

export type EditionTurn = { anchor: number; text: string };

export type Reanchored =
  /** The quoted words found in the other edition: where they stand there. */
  | { status: "words"; positions: TurnPosition[] }
  /** Not found word for word: the first turn of the aligned passage, as a whole. */
  | { status: "turn"; turnAnchor: number }
  /** The passage is printed in one edition only. */
  | { status: "none" };

/**
 * `selector` was made on edition `from`; `rows` align `from` (side a) with `to` (side b), as
 * alignParagraphs(from, to) gives them.
 */
export function reanchorAcrossEditions(
  selector: AnnotationSelector,
  from: readonly EditionTurn[],
  to: readonly EditionTurn[],
  rows: readonly AlignedRow[],
): Reanchored {
  const indexOf = new Map(from.map((turn, index) => [turn.anchor, index]));
  const covered = (selector.positions ?? [])
    .map((position) => indexOf.get(position.turnAnchor))
    .filter((index): index is number => index !== undefined);
  if (covered.length === 0) return { status: "none" };
  const first = Math.min(...covered);
  const last = Math.max(...covered);
  // The other edition's turns of every row the note's turns fall in, in order.
  const targets = [
    ...new Set(
      rows
        .filter((row) => row.a.some((index) => index >= first && index <= last))
        .flatMap((row) => row.b),
    ),
  ].sort((x, y) => x - y);
  if (targets.length === 0) return { status: "none" };
  const turns = targets.map((index) => to[index]!);
  // Only the quote travels: the stored positions count another edition's characters and turns.
  const placed = anchorSelector({ quote: selector.quote, positions: [] }, turns);
  if (placed.status === "anchored") return { status: "words", positions: placed.positions };
  const counterpart = counterpartTurn(rows, first);
  return {
    status: "turn",
    turnAnchor: (counterpart === null ? turns[0]! : to[counterpart]!).anchor,
  };
}

/**
 * The other edition's turn for turn `index`: a paragraph both editions split into the same
 * number of statements pairs them in order; otherwise the aligned passage's first turn.
 */
function counterpartTurn(rows: readonly AlignedRow[], index: number): number | null {
  const row = rows.find((candidate) => candidate.a.includes(index) && candidate.b.length > 0);
  if (!row) return null;
  const at = row.a.indexOf(index);
  return row.a.length === row.b.length ? row.b[at]! : row.b[0]!;
}
