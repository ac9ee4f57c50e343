import type { AnnotationSelector, TextQuote, TurnPoint, TurnRange } from "./types";
import {
  joinTurns,
  positionsInRange,
  splitsSurrogatePair,
  toJoinedOffset,
  trimSeparators,
  widenToCodePoints,
  type JoinedText,
  type TextRange,
  type TurnText,
} from "./text-index";

// Turn a user's selection (two points in the transcript) into the selector stored with the
// annotation: the quote with its context, and where it sits in each turn it covers.

/** Characters of context kept either side of a quote, as Hypothesis does. */
export const CONTEXT_LENGTH = 32;

export type SelectionProblem = "empty" | "unknown-turn" | "out-of-range";

export type DescribeResult =
  | { ok: true; selector: AnnotationSelector }
  | { ok: false; problem: SelectionProblem; error: string };

const PROBLEM_MESSAGES: Record<SelectionProblem, string> = {
  empty: "Select some words of the transcript first.",
  "unknown-turn":
    "The selection is not in this document's transcript any more. Reload the page and select again.",
  "out-of-range": "The selection reaches beyond the document.",
};

function failure(problem: SelectionProblem): DescribeResult {
  return { ok: false, problem, error: PROBLEM_MESSAGES[problem] };
}

function locatePoint(joined: JoinedText, point: TurnPoint): number | SelectionProblem {
  if (!joined.spanIndexByAnchor.has(point.turnAnchor)) return "unknown-turn";
  return toJoinedOffset(joined, point.turnAnchor, point.offset) ?? "out-of-range";
}

/**
 * The quote at `range` with up to CONTEXT_LENGTH characters either side. The context is narrowed
 * rather than let it begin or end inside an astral character: a lone surrogate is not valid
 * Unicode, and PostgreSQL refuses it in jsonb.
 */
export function quoteAt(text: string, range: TextRange): TextQuote {
  let prefixStart = Math.max(0, range.start - CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, prefixStart)) prefixStart += 1;
  let suffixEnd = Math.min(text.length, range.end + CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd -= 1;
  return {
    exact: text.slice(range.start, range.end),
    prefix: text.slice(prefixStart, range.start),
    suffix: text.slice(range.end, suffixEnd),
  };
}

/**
 * Describe a selection of `turns` (in reading order) as an annotation selector, or say why it
 * cannot be annotated. Nothing is trimmed, except separators at the very edges (a selection that
 * ends at offset 0 of the next turn ends with the previous turn).
 */
export function describeSelection(turns: readonly TurnText[], range: TurnRange): DescribeResult {
  const joined = joinTurns(turns);
  const from = locatePoint(joined, range.start);
  if (typeof from === "string") return failure(from);
  const to = locatePoint(joined, range.end);
  if (typeof to === "string") return failure(to);

  const ordered = { start: Math.min(from, to), end: Math.max(from, to) };
  const selected = trimSeparators(joined, widenToCodePoints(joined.text, ordered));
  const quote = quoteAt(joined.text, selected);
  if (quote.exact.trim() === "") return failure("empty");
  return { ok: true, selector: { quote, positions: positionsInRange(joined, selected) } };
}
