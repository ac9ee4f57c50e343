import type { TurnPosition } from "./types";

// The document as one string: the turns' texts in reading order, joined by TURN_SEPARATOR.
// Quotes are made from and searched in this text, so a quote may run across turns; the helpers
// here convert between offsets in it and per-turn positions. Offsets are UTF-16 code units.

/** Stands between two turns in the joined text, and so inside a quote that spans turns. */
export const TURN_SEPARATOR = "\n";

/** A turn as anchoring sees it: its stable anchor number and its text. */
export interface TurnText {
  anchor: number;
  text: string;
}

/** A half-open range [start, end) of the joined text. */
export interface TextRange {
  start: number;
  end: number;
}

/** Where one turn's text lies in the joined text. */
export interface TurnSpan extends TextRange {
  anchor: number;
}

export interface JoinedText {
  text: string;
  /** One per turn, in reading order. */
  spans: readonly TurnSpan[];
  /** Index into `spans`; if an anchor repeats (it should not), its first turn wins. */
  spanIndexByAnchor: ReadonlyMap<number, number>;
}

export function joinTurns(turns: readonly TurnText[]): JoinedText {
  const spans: TurnSpan[] = [];
  const spanIndexByAnchor = new Map<number, number>();
  let offset = 0;
  for (const [index, turn] of turns.entries()) {
    if (index > 0) offset += TURN_SEPARATOR.length;
    spans.push({ anchor: turn.anchor, start: offset, end: offset + turn.text.length });
    if (!spanIndexByAnchor.has(turn.anchor)) spanIndexByAnchor.set(turn.anchor, index);
    offset += turn.text.length;
  }
  return { text: turns.map((turn) => turn.text).join(TURN_SEPARATOR), spans, spanIndexByAnchor };
}

export function spanOfTurn(joined: JoinedText, turnAnchor: number): TurnSpan | undefined {
  const index = joined.spanIndexByAnchor.get(turnAnchor);
  return index === undefined ? undefined : joined.spans[index];
}

/**
 * Offset in the joined text of `offset` characters into a turn; null for an unknown turn or an
 * offset that is not an integer within the turn's text (its end included).
 */
export function toJoinedOffset(
  joined: JoinedText,
  turnAnchor: number,
  offset: number,
): number | null {
  const span = spanOfTurn(joined, turnAnchor);
  if (!span || !Number.isInteger(offset) || offset < 0 || offset > span.end - span.start) {
    return null;
  }
  return span.start + offset;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** True when `offset` falls between the two halves of an astral character (emoji, 𠮷). */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isHighSurrogate(text.charCodeAt(offset - 1)) &&
    isLowSurrogate(text.charCodeAt(offset))
  );
}

/** Widen a range that would cut an astral character in half so that it takes the whole one. */
export function widenToCodePoints(text: string, range: TextRange): TextRange {
  return {
    start: splitsSurrogatePair(text, range.start) ? range.start - 1 : range.start,
    end: splitsSurrogatePair(text, range.end) ? range.end + 1 : range.end,
  };
}

/** Index of the first span that ends at or after `offset` (spans.length if none). */
function firstSpanEndingFrom(spans: readonly TurnSpan[], offset: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle]!.end < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Index of the last span that starts at or before `offset` (-1 if none). */
function lastSpanStartingUpTo(spans: readonly TurnSpan[], offset: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle]!.start <= offset) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/**
 * Drop separators (and empty turns) at either edge of a range: a selection that starts at the
 * very end of one turn really starts at the beginning of the next, and one that ends at offset 0
 * of a turn really ends with the previous turn. This keeps every position non-empty at the edges
 * and quotes free of leading or trailing separators.
 */
export function trimSeparators(joined: JoinedText, range: TextRange): TextRange {
  const { spans } = joined;
  let { start, end } = range;
  let first = firstSpanEndingFrom(spans, start);
  while (start < end && first < spans.length - 1 && spans[first]!.end === start) {
    first += 1;
    start = spans[first]!.start;
  }
  let last = lastSpanStartingUpTo(spans, end);
  while (end > start && last > 0 && spans[last]!.start === end) {
    last -= 1;
    end = spans[last]!.end;
  }
  return { start, end: Math.max(start, end) };
}

function isRangeWithin(text: string, range: TextRange): boolean {
  return (
    Number.isInteger(range.start) &&
    Number.isInteger(range.end) &&
    range.start >= 0 &&
    range.start <= range.end &&
    range.end <= text.length
  );
}

/**
 * The per-turn positions of a range of the joined text: the first turn from the range's start,
 * whole turns in between, the last up to the range's end. A range that cuts an astral character
 * is widened; separators at the edges are dropped. Empty for an empty or invalid range.
 */
export function positionsInRange(joined: JoinedText, range: TextRange): TurnPosition[] {
  if (!isRangeWithin(joined.text, range)) return [];
  const { start, end } = trimSeparators(joined, widenToCodePoints(joined.text, range));
  if (start >= end) return [];
  const { spans } = joined;
  // After trimming, start lies inside a turn's text and end inside or at the end of one.
  const first = firstSpanEndingFrom(spans, start + 1);
  const last = lastSpanStartingUpTo(spans, end - 1);
  return spans.slice(first, last + 1).map((span) => ({
    turnAnchor: span.anchor,
    start: Math.max(start, span.start) - span.start,
    end: Math.min(end, span.end) - span.start,
  }));
}

function isPositionWithin(position: TurnPosition, text: string): boolean {
  return (
    Number.isInteger(position.start) &&
    Number.isInteger(position.end) &&
    position.start >= 0 &&
    position.start <= position.end &&
    position.end <= text.length
  );
}

/**
 * The text the positions cover on these turns, joined by TURN_SEPARATOR (comparable with a
 * quote's `exact`); null when a turn is missing or a position does not fit its turn's text.
 */
export function textOfPositions(
  positions: readonly TurnPosition[],
  turns: readonly TurnText[],
): string | null {
  const textByAnchor = new Map<number, string>();
  for (const turn of turns) {
    if (!textByAnchor.has(turn.anchor)) textByAnchor.set(turn.anchor, turn.text);
  }
  const pieces: string[] = [];
  for (const position of positions) {
    const text = textByAnchor.get(position.turnAnchor);
    if (text === undefined || !isPositionWithin(position, text)) return null;
    pieces.push(text.slice(position.start, position.end));
  }
  return pieces.join(TURN_SEPARATOR);
}
