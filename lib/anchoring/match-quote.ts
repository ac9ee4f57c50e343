import search from "approx-string-match";
import type { TextQuote } from "./types";
import type { TextRange } from "./text-index";

// Finding a quote in the joined text of a revised document: first exactly, then approximately.
// Candidates are told apart by their context (prefix and suffix) and their distance from where
// the quote used to be (`hint`, an offset in the joined text, or null when unknown).

/**
 * The most edits a fuzzy match may need: a quarter of the quote, at most 32.
 * A quarter covers corrected typos, modernised spellings and small insertions such as an editor's
 * "[Enlai]" in a sentence; beyond that the words are no longer recognisably the same passage.
 * The cap keeps long quotes honest (32 edits is already several rewritten words; a paragraph
 * rewritten further is better shown as an orphan with its quote than highlighted somewhere
 * doubtful) and keeps Myers' algorithm to about one 32-bit block per column, i.e. linear time.
 * Quotes under 4 characters get 0: a fuzzy match would be the exact search again.
 */
export const MAX_FUZZY_ERRORS = 32;

export function fuzzyErrorBudget(quoteLength: number): number {
  return Math.min(MAX_FUZZY_ERRORS, Math.floor(quoteLength / 4));
}

/**
 * Weights of a fuzzy candidate's score (they add up to 1). The quote itself counts most; context
 * counts enough that a quote at the edge of the error budget is only accepted where its
 * surroundings agree; position only breaks near-ties.
 */
const WEIGHTS = { quote: 0.55, prefix: 0.2, suffix: 0.2, position: 0.05 } as const;

/**
 * Lowest score a fuzzy candidate needs. Fuzzy matching is for words edited in place, so besides a
 * close quote it wants at least one side of the context intact: a quote with a quarter of its
 * characters changed passes when both sides agree (0.86), a lightly edited one (≤ 10%) when one
 * side does (≥ 0.75). Unrelated 32-character contexts still score about 0.3 each, so an edited
 * quote in wholly new surroundings (≈ 0.69) or a quote whose second turn was moved away (the
 * first turn's words followed by other words, ≈ 0.74) becomes an orphan rather than a doubtful
 * highlight.
 */
export const MIN_FUZZY_SCORE = 0.75;

/**
 * How closely `actual` resembles `expected`, from 0 to 1 (1 - edits / length). An empty
 * `expected` (a quote at the very start or end of the document) is no evidence against: 1.
 */
export function similarity(expected: string, actual: string): number {
  if (expected.length === 0) return 1;
  if (actual.length === 0) return 0;
  const best = search(actual, expected, expected.length)[0];
  return best ? Math.max(0, 1 - best.errors / expected.length) : 0;
}

interface ContextScores {
  prefix: number;
  suffix: number;
}

/** Compare the stored prefix and suffix with the text around a candidate. */
function contextScores(text: string, quote: TextQuote, candidate: TextRange): ContextScores {
  const before = text.slice(Math.max(0, candidate.start - quote.prefix.length), candidate.start);
  const after = text.slice(candidate.end, candidate.end + quote.suffix.length);
  return { prefix: similarity(quote.prefix, before), suffix: similarity(quote.suffix, after) };
}

function distanceFromHint(candidate: TextRange, hint: number | null): number {
  return hint === null ? 0 : Math.abs(candidate.start - hint);
}

/** Every occurrence of `exact` in `text`, overlapping ones included. */
export function exactOccurrences(text: string, exact: string): TextRange[] {
  const occurrences: TextRange[] = [];
  if (exact.length === 0) return occurrences;
  for (let start = text.indexOf(exact); start !== -1; start = text.indexOf(exact, start + 1)) {
    occurrences.push({ start, end: start + exact.length });
  }
  return occurrences;
}

/**
 * How much of its stored context an exact match must keep (prefix or suffix). Without it, a
 * common phrase ("military bases in Japan") would jump to another speaker's turn that happens to
 * repeat it; such a note should become an orphan, not silently annotate different words.
 */
export const MIN_CONTEXT_SIMILARITY = 0.5;

/**
 * The occurrence of `quote.exact` whose context matches best; among equally good ones, the
 * nearest to `hint`. Null when the quote does not occur, or occurs only out of its context.
 */
export function bestExactMatch(
  text: string,
  quote: TextQuote,
  hint: number | null,
): TextRange | null {
  let best: { range: TextRange; context: number; distance: number } | null = null;
  for (const range of exactOccurrences(text, quote.exact)) {
    const scores = contextScores(text, quote, range);
    if (Math.max(scores.prefix, scores.suffix) < MIN_CONTEXT_SIMILARITY) continue;
    const context = scores.prefix + scores.suffix;
    const distance = distanceFromHint(range, hint);
    const better =
      !best || context > best.context || (context === best.context && distance < best.distance);
    if (better) best = { range, context, distance };
  }
  return best?.range ?? null;
}

export interface ScoredRange extends TextRange {
  score: number;
}

function fuzzyScore(
  text: string,
  quote: TextQuote,
  candidate: TextRange & { errors: number },
  hint: number | null,
): number {
  const context = contextScores(text, quote, candidate);
  const quoteScore = 1 - candidate.errors / quote.exact.length;
  const positionScore = text.length === 0 ? 1 : 1 - distanceFromHint(candidate, hint) / text.length;
  return (
    WEIGHTS.quote * quoteScore +
    WEIGHTS.prefix * context.prefix +
    WEIGHTS.suffix * context.suffix +
    WEIGHTS.position * positionScore
  );
}

/**
 * The best approximate match of `quote.exact` within the error budget, scored on the quote,
 * its context and its position; null when none reaches MIN_FUZZY_SCORE.
 */
export function bestFuzzyMatch(
  text: string,
  quote: TextQuote,
  hint: number | null,
): ScoredRange | null {
  const budget = fuzzyErrorBudget(quote.exact.length);
  if (budget === 0 || text.length === 0) return null;
  let best: ScoredRange | null = null;
  for (const candidate of search(text, quote.exact, budget)) {
    const score = fuzzyScore(text, quote, candidate, hint);
    if (!best || score > best.score) best = { start: candidate.start, end: candidate.end, score };
  }
  return best && best.score >= MIN_FUZZY_SCORE ? best : null;
}
