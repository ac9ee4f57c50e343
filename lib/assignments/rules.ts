// How a student's work measures up to an assignment's rules. Pure: the caller loads the work
// (lib/assignments/activity.ts); tests/unit/assignments covers the edge cases.

export interface AssignmentRules {
  minAnnotations: number;
  minReplies: number;
  /** An annotation or reply shorter than this (in words) is shown but does not count. */
  minWords: number;
}

export interface DeadlineParts {
  dueAt: Date;
  /** Closed early: the deadline moves forward to this moment. */
  closedAt: Date | null;
  /** A later deadline granted to this student (wins over both). */
  extendedTo: Date | null;
}

export interface WorkItem {
  kind: "annotation" | "reply";
  id: string;
  createdAt: Date;
  words: number;
  upvotes: number;
}

export type WorkStatus = "complete" | "late" | "in-progress" | "not-started" | "missing";

export const STATUS_LABELS: Record<WorkStatus, string> = {
  complete: "Complete",
  late: "Complete (late)",
  "in-progress": "In progress",
  "not-started": "Not started",
  missing: "Missing",
};

export interface KindTally {
  /** Long enough to count, whenever posted. */
  counted: number;
  onTime: number;
  late: number;
  tooShort: number;
}

export interface Assessment {
  deadline: Date;
  annotations: KindTally;
  replies: KindTally;
  words: number;
  upvotes: number;
  firstActivity: Date | null;
  lastActivity: Date | null;
  status: WorkStatus;
  /** The minimums are met (on time or late): the automatic completion mark. */
  complete: boolean;
}

export function effectiveDeadline({ dueAt, closedAt, extendedTo }: DeadlineParts): Date {
  if (extendedTo) return extendedTo;
  return closedAt && closedAt < dueAt ? closedAt : dueAt;
}

const wordSegmenter = new Intl.Segmenter("und", { granularity: "word" });

/** Words in a note, in any script: Japanese and Chinese have no spaces, so ask Intl. */
export function countWords(text: string): number {
  let words = 0;
  for (const segment of wordSegmenter.segment(text)) if (segment.isWordLike) words++;
  return words;
}

function tally(items: readonly WorkItem[], rules: AssignmentRules, deadline: Date): KindTally {
  const result: KindTally = { counted: 0, onTime: 0, late: 0, tooShort: 0 };
  for (const item of items) {
    if (item.words < rules.minWords) {
      result.tooShort++;
      continue;
    }
    result.counted++;
    if (item.createdAt > deadline) result.late++;
    else result.onTime++;
  }
  return result;
}

export function assessWork(
  rules: AssignmentRules,
  deadlineParts: DeadlineParts,
  items: readonly WorkItem[],
  now: Date,
): Assessment {
  const deadline = effectiveDeadline(deadlineParts);
  const annotations = tally(
    items.filter((item) => item.kind === "annotation"),
    rules,
    deadline,
  );
  const replies = tally(
    items.filter((item) => item.kind === "reply"),
    rules,
    deadline,
  );
  const times = items.map((item) => item.createdAt.getTime());
  const metOnTime =
    annotations.onTime >= rules.minAnnotations && replies.onTime >= rules.minReplies;
  const met = annotations.counted >= rules.minAnnotations && replies.counted >= rules.minReplies;
  let status: WorkStatus;
  if (metOnTime) status = "complete";
  else if (met) status = "late";
  else if (now > deadline) status = "missing";
  else status = items.length === 0 ? "not-started" : "in-progress";
  return {
    deadline,
    annotations,
    replies,
    words: items.reduce((sum, item) => sum + item.words, 0),
    upvotes: items.reduce((sum, item) => sum + item.upvotes, 0),
    firstActivity: times.length ? new Date(Math.min(...times)) : null,
    lastActivity: times.length ? new Date(Math.max(...times)) : null,
    status,
    complete: met,
  };
}

/** Rubric score out of 4: completion (1, automatic unless overridden) + quality (0-3, by hand). */
export function rubricScore(complete: boolean, override: boolean | null, quality: number | null) {
  const completion = (override ?? complete) ? 1 : 0;
  return { completion, score: quality === null ? null : completion + quality };
}
