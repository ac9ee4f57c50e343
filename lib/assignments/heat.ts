// Where the class's attention went: counts per turn (the heat strip) and per speaker ("which
// parts of Liao's argument drew the most comment?"). Pure; the dashboard loads turns and work.

export interface HeatTurn {
  anchor: number;
  /** Reading order: coverage runs by position, since anchors of inserted turns are out of order. */
  position: number;
  speaker: string | null;
  label: string;
}

export interface HeatWork {
  kind: "annotation" | "reply";
  /** 0 for a discussion of the whole document. */
  firstAnchor: number;
  lastAnchor: number;
}

export interface TurnHeat extends HeatTurn {
  annotations: number;
  replies: number;
  total: number;
}

export interface SpeakerHeat {
  speaker: string;
  turns: number;
  annotations: number;
  replies: number;
  total: number;
}

export interface Heat {
  turns: TurnHeat[];
  speakers: SpeakerHeat[];
  /** Work on the whole document rather than a passage. */
  wholeDocument: number;
  max: number;
}

/**
 * Each piece of work warms every turn it covers (a reply warms its annotation's turns). With a
 * passage, only its turns are reported, but work reaching into it from outside still counts.
 */
export function computeHeat(
  turns: readonly HeatTurn[],
  work: readonly HeatWork[],
  passage: { firstAnchor: number; lastAnchor: number } | null = null,
): Heat {
  const ordered = [...turns].sort((a, b) => a.position - b.position);
  const indexOf = new Map(ordered.map((turn, index) => [turn.anchor, index]));
  const all: TurnHeat[] = ordered.map((turn) => ({
    ...turn,
    annotations: 0,
    replies: 0,
    total: 0,
  }));
  let wholeDocument = 0;
  for (const item of work) {
    if (item.firstAnchor === 0) {
      wholeDocument++;
      continue;
    }
    const first = indexOf.get(item.firstAnchor);
    const last = indexOf.get(item.lastAnchor);
    if (first === undefined || last === undefined) continue; // its turns are gone (orphan)
    for (let index = Math.min(first, last); index <= Math.max(first, last); index++) {
      const row = all[index]!;
      if (item.kind === "annotation") row.annotations++;
      else row.replies++;
      row.total++;
    }
  }
  const from = passage ? indexOf.get(passage.firstAnchor) : undefined;
  const to = passage ? indexOf.get(passage.lastAnchor) : undefined;
  const rows = from !== undefined && to !== undefined ? all.slice(from, to + 1) : all;

  const bySpeaker = new Map<string, SpeakerHeat>();
  for (const row of rows) {
    if (!row.speaker) continue;
    const entry = bySpeaker.get(row.speaker) ?? {
      speaker: row.speaker,
      turns: 0,
      annotations: 0,
      replies: 0,
      total: 0,
    };
    entry.turns++;
    entry.annotations += row.annotations;
    entry.replies += row.replies;
    entry.total += row.total;
    bySpeaker.set(row.speaker, entry);
  }
  return {
    turns: rows,
    speakers: [...bySpeaker.values()].sort((a, b) => b.total - a.total),
    wholeDocument,
    max: Math.max(0, ...rows.map((row) => row.total)),
  };
}
