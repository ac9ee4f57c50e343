import { distance } from "fastest-levenshtein";

// Re-importing a revised document must keep each surviving turn's anchor (#t-12), so links and
// annotations survive edits to the source. Turns are matched by content, never by position.

export interface ExistingTurn {
  anchor: number;
  kind: string;
  text: string;
}

export interface IncomingTurn {
  kind: string;
  text: string;
}

/** Share of characters two texts have in common (1 = identical), by edit distance. */
export function textSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  return 1 - distance(a, b) / longest;
}

/** Below this similarity an edited turn counts as a different turn (a new anchor). */
export const SIMILARITY_THRESHOLD = 0.6;

const normalise = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * For each incoming turn, the anchor it inherits, or `null` for a new turn.
 * Pass 1 pairs identical texts (whitespace-insensitive) in reading order; pass 2 pairs the rest
 * with the most similar unused old turn of the same kind, above the threshold.
 */
export function matchTurns(existing: ExistingTurn[], incoming: IncomingTurn[]): (number | null)[] {
  const result: (number | null)[] = incoming.map(() => null);
  const unused = new Set(existing.map((_, index) => index));

  const byText = new Map<string, number[]>();
  existing.forEach((turn, index) => {
    const key = normalise(turn.text);
    byText.set(key, [...(byText.get(key) ?? []), index]);
  });
  incoming.forEach((turn, position) => {
    const candidates = byText.get(normalise(turn.text));
    const index = candidates?.shift();
    if (index !== undefined) {
      result[position] = existing[index]!.anchor;
      unused.delete(index);
    }
  });

  incoming.forEach((turn, position) => {
    if (result[position] !== null) return;
    let best: { index: number; score: number } | undefined;
    for (const index of unused) {
      const old = existing[index]!;
      if (old.kind !== turn.kind) continue;
      const score = textSimilarity(normalise(old.text), normalise(turn.text));
      if (score >= SIMILARITY_THRESHOLD && (!best || score > best.score)) best = { index, score };
    }
    if (best) {
      result[position] = existing[best.index]!.anchor;
      unused.delete(best.index);
    }
  });
  return result;
}

/** Anchors for every incoming turn: inherited where matched, else numbered after the highest. */
export function assignAnchors(existing: ExistingTurn[], incoming: IncomingTurn[]): number[] {
  const matched = matchTurns(existing, incoming);
  let next = Math.max(0, ...existing.map((turn) => turn.anchor)) + 1;
  return matched.map((anchor) => anchor ?? next++);
}
