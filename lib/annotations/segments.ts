// Highlights in a turn may overlap. The turn's text is cut at every start and end so that each
// piece knows exactly which annotations cover it; the reader shades a piece by how many do.

export interface Span {
  id: string;
  start: number;
  end: number;
}

export interface Segment {
  text: string;
  start: number;
  /** Ids of the annotations covering this piece, in the order given; empty for plain text. */
  ids: string[];
}

export function segmentText(text: string, spans: readonly Span[]): Segment[] {
  const valid = spans
    .map((span) => ({
      ...span,
      start: Math.max(0, span.start),
      end: Math.min(text.length, span.end),
    }))
    .filter((span) => span.end > span.start);
  if (valid.length === 0) return text ? [{ text, start: 0, ids: [] }] : [];
  const cuts = new Set([0, text.length]);
  for (const span of valid) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const ids = valid
      .filter((span) => span.start <= start && span.end >= end)
      .map((span) => span.id);
    const previous = segments[segments.length - 1];
    if (previous && sameIds(previous.ids, ids)) previous.text += text.slice(start, end);
    else segments.push({ text: text.slice(start, end), start, ids });
  }
  return segments;
}

const sameIds = (a: string[], b: string[]) =>
  a.length === b.length && a.every((id, index) => id === b[index]);
