// What anchoring reads and writes: a W3C TextQuote plus the turn positions it covers. These are
// anchoring's own shapes, so the pure core imports nothing from the annotation domain above it.

/** W3C Web Annotation TextQuoteSelector: the quoted words with a little context either side. */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Where the quote sits in one turn: character offsets into that turn's text (W3C TextPositionSelector). */
export interface TurnPosition {
  /** The turn's stable anchor number (its permalink #t-<anchor>). */
  turnAnchor: number;
  start: number;
  end: number;
}

/** The anchor data stored with every annotation. A selection may span several turns. */
export interface AnnotationSelector {
  quote: TextQuote;
  /** One entry per turn the selection covers, in reading order. */
  positions: TurnPosition[];
}

/** A point in the transcript: `offset` UTF-16 code units into the turn's text. */
export interface TurnPoint {
  turnAnchor: number;
  offset: number;
}

/** What the browser sends; `start` may come after `end` when the user selected backwards. */
export interface TurnRange {
  start: TurnPoint;
  end: TurnPoint;
}
