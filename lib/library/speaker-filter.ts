export interface FilterableTurn {
  anchor: number;
  speakerId: string | null;
}

export type ShownTurn<T extends FilterableTurn> =
  { type: "turn"; turn: T; context: boolean } | { type: "gap"; count: number; from: number };

/**
 * The turns to show when the reader filters by one speaker: that speaker's turns, each with the
 * turn before it as context (what they were answering), and the rest folded into gaps.
 */
export function filterBySpeaker<T extends FilterableTurn>(
  turns: T[],
  speakerId: string | undefined,
): ShownTurn<T>[] {
  if (!speakerId) return turns.map((turn) => ({ type: "turn", turn, context: false }));
  const own = new Set<number>();
  const context = new Set<number>();
  turns.forEach((turn, index) => {
    if (turn.speakerId === speakerId) {
      own.add(index);
      if (index > 0) context.add(index - 1);
    }
  });
  const shown: ShownTurn<T>[] = [];
  turns.forEach((turn, index) => {
    if (own.has(index) || context.has(index)) {
      shown.push({ type: "turn", turn, context: !own.has(index) });
    } else {
      const last = shown[shown.length - 1];
      if (last?.type === "gap") last.count++;
      else shown.push({ type: "gap", count: 1, from: turn.anchor });
    }
  });
  return shown;
}
