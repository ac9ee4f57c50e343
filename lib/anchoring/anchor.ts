import type { AnnotationSelector, TextQuote, TurnPosition } from "./types";
import { bestExactMatch, bestFuzzyMatch } from "./match-quote";
import {
  joinTurns,
  positionsInRange,
  textOfPositions,
  toJoinedOffset,
  type JoinedText,
  type TextRange,
  type TurnText,
} from "./text-index";

// Place a stored selector on the current turns of a document, which a re-import may have edited,
// reordered, inserted into or removed from (surviving turns keep their anchors). In order: the
// stored positions, the exact quote, an approximate quote; otherwise the annotation is an orphan.

export type AnchorMethod = "position" | "quote" | "fuzzy";

export type AnchorResult =
  { status: "anchored"; method: AnchorMethod; positions: TurnPosition[] } | { status: "orphan" };

const ORPHAN: AnchorResult = { status: "orphan" };

/** A stored selector after checking its shape; `positions` is null if any entry is unusable. */
interface CheckedSelector {
  quote: TextQuote;
  positions: TurnPosition[] | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

const isNaturalNumber = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 0;

function checkQuote(value: unknown): TextQuote | null {
  if (!isRecord(value) || typeof value.exact !== "string" || value.exact.length === 0) return null;
  // Missing context is no reason to give up: it only makes choosing between matches harder.
  const context = (field: unknown) => (typeof field === "string" ? field : "");
  return { exact: value.exact, prefix: context(value.prefix), suffix: context(value.suffix) };
}

function checkPosition(value: unknown): TurnPosition | null {
  if (!isRecord(value)) return null;
  const { turnAnchor, start, end } = value;
  if (typeof turnAnchor !== "number" || !Number.isInteger(turnAnchor)) return null;
  if (!isNaturalNumber(start) || !isNaturalNumber(end) || end < start) return null;
  return { turnAnchor, start, end };
}

function checkPositions(value: unknown): TurnPosition[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const positions = value.map(checkPosition);
  return positions.every((position): position is TurnPosition => position !== null)
    ? positions
    : null;
}

/** The stored selector is JSON from the database: trust nothing about its shape. */
function checkSelector(value: unknown): CheckedSelector | null {
  if (!isRecord(value)) return null;
  // Without the quoted words nothing can confirm that the positions still mean the same text.
  const quote = checkQuote(value.quote);
  return quote ? { quote, positions: checkPositions(value.positions) } : null;
}

/** The joined-text range from the first stored start to the last stored end, if both exist. */
function storedRange(joined: JoinedText, positions: readonly TurnPosition[]): TextRange | null {
  const first = positions[0];
  const last = positions[positions.length - 1];
  if (!first || !last) return null;
  const start = toJoinedOffset(joined, first.turnAnchor, first.start);
  const end = toJoinedOffset(joined, last.turnAnchor, last.end);
  return start === null || end === null || start >= end ? null : { start, end };
}

/**
 * (a) The stored positions still hold the quote: every turn exists, the text there equals the
 * quote, and the turns are still consecutive (so the quote is one stretch of the document).
 */
function anchorByPosition(
  selector: CheckedSelector,
  joined: JoinedText,
  turns: readonly TurnText[],
): TurnPosition[] | null {
  if (!selector.positions) return null;
  if (textOfPositions(selector.positions, turns) !== selector.quote.exact) return null;
  const range = storedRange(joined, selector.positions);
  if (!range || joined.text.slice(range.start, range.end) !== selector.quote.exact) return null;
  return positionsInRange(joined, range);
}

/** Where the quote used to start, in the current joined text: from the first surviving turn. */
function positionHint(
  joined: JoinedText,
  positions: readonly TurnPosition[] | null,
): number | null {
  for (const position of positions ?? []) {
    const span = joined.spans[joined.spanIndexByAnchor.get(position.turnAnchor) ?? -1];
    if (span) return span.start + Math.min(position.start, span.end - span.start);
  }
  return null;
}

function anchored(method: AnchorMethod, positions: TurnPosition[]): AnchorResult {
  return positions.length > 0 ? { status: "anchored", method, positions } : ORPHAN;
}

function anchorChecked(selector: CheckedSelector, turns: readonly TurnText[]): AnchorResult {
  const joined = joinTurns(turns);
  const byPosition = anchorByPosition(selector, joined, turns);
  if (byPosition) return anchored("position", byPosition);

  const hint = positionHint(joined, selector.positions);
  const exact = bestExactMatch(joined.text, selector.quote, hint);
  if (exact) return anchored("quote", positionsInRange(joined, exact));

  const fuzzy = bestFuzzyMatch(joined.text, selector.quote, hint);
  if (fuzzy) return anchored("fuzzy", positionsInRange(joined, fuzzy));
  return ORPHAN;
}

/**
 * Re-anchor a stored selector on the current turns (in reading order). Never throws: whatever
 * the stored JSON holds, the worst outcome is an orphan, which keeps its quote.
 */
export function anchorSelector(
  selector: AnnotationSelector,
  turns: readonly TurnText[],
): AnchorResult {
  const checked = checkSelector(selector);
  if (!checked || !Array.isArray(turns)) return ORPHAN;
  try {
    return anchorChecked(checked, turns);
  } catch {
    // Only malformed turns can get here; one bad annotation must not abort a whole re-import.
    return ORPHAN;
  }
}
