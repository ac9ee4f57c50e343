// Anchoring: describing a selection of the transcript as a W3C-style selector, and placing stored
// selectors again on a revised document. Pure functions; see README "Annotations".

export { anchorSelector, type AnchorMethod, type AnchorResult } from "./anchor";
export {
  CONTEXT_LENGTH,
  describeSelection,
  type DescribeResult,
  type SelectionProblem,
} from "./describe";
export type { AnnotationSelector, TextQuote, TurnPoint, TurnPosition, TurnRange } from "./types";
export { MAX_FUZZY_ERRORS, MIN_FUZZY_SCORE, fuzzyErrorBudget } from "./match-quote";
export {
  TURN_SEPARATOR,
  joinTurns,
  positionsInRange,
  textOfPositions,
  toJoinedOffset,
  type JoinedText,
  type TextRange,
  type TurnText,
} from "./text-index";
