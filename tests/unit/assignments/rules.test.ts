import { describe, expect, it } from "vitest";
import {
  assessWork,
  countWords,
  effectiveDeadline,
  rubricScore,
  type WorkItem,
} from "@/lib/assignments/rules";

const due = new Date("2026-12-08T08:00:00Z");
const rules = { minAnnotations: 2, minReplies: 1, minWords: 5 };
const before = new Date("2026-12-07T00:00:00Z");
const after = new Date("2026-12-09T00:00:00Z");
let next = 0;
const item = (kind: WorkItem["kind"], createdAt: Date, words = 10, upvotes = 0): WorkItem => ({
  kind,
  id: `w${next++}`,
  createdAt,
  words,
  upvotes,
});
const deadline = { dueAt: due, closedAt: null, extendedTo: null };

describe("effectiveDeadline", () => {
  it("is the due date, an earlier closing, or the student's extension", () => {
    expect(effectiveDeadline(deadline)).toEqual(due);
    const closed = new Date("2026-12-05T00:00:00Z");
    expect(effectiveDeadline({ ...deadline, closedAt: closed })).toEqual(closed);
    // Closing after the due date does not move the deadline later.
    expect(effectiveDeadline({ ...deadline, closedAt: after })).toEqual(due);
    // An extension wins over both.
    expect(effectiveDeadline({ dueAt: due, closedAt: closed, extendedTo: after })).toEqual(after);
  });
});

describe("assessWork", () => {
  const now = before;
  it.each([
    ["nothing yet", [], "not-started"],
    ["partial work before the deadline", [item("annotation", before)], "in-progress"],
    [
      "minimums met on time",
      [item("annotation", before), item("annotation", before), item("reply", before)],
      "complete",
    ],
    [
      "minimums met only with late work",
      [item("annotation", before), item("annotation", after), item("reply", before)],
      "late",
    ],
    [
      "too-short notes do not count",
      [item("annotation", before), item("annotation", before, 4), item("reply", before)],
      "in-progress",
    ],
  ] as const)("%s", (_label, items, status) => {
    expect(assessWork(rules, deadline, items, now).status).toBe(status);
  });

  it("calls unfinished work missing once the deadline has passed", () => {
    expect(assessWork(rules, deadline, [item("annotation", before)], after).status).toBe("missing");
    expect(assessWork(rules, deadline, [], after).status).toBe("missing");
  });

  it("tallies counted, on-time, late and too-short items, words, upvotes and activity", () => {
    const items = [
      item("annotation", before, 12, 2),
      item("annotation", after, 7, 1),
      item("annotation", before, 3),
      item("reply", after, 6, 4),
    ];
    const result = assessWork(rules, deadline, items, after);
    expect(result.annotations).toEqual({ counted: 2, onTime: 1, late: 1, tooShort: 1 });
    expect(result.replies).toEqual({ counted: 1, onTime: 0, late: 1, tooShort: 0 });
    expect(result.words).toBe(28);
    expect(result.upvotes).toBe(7);
    expect(result.firstActivity).toEqual(before);
    expect(result.lastActivity).toEqual(after);
    expect(result.complete).toBe(true);
    expect(result.status).toBe("late");
  });

  it("treats work exactly at the deadline as on time", () => {
    const items = [item("annotation", due), item("annotation", due), item("reply", due)];
    expect(assessWork(rules, deadline, items, after).status).toBe("complete");
  });

  it("with no minimums, everyone is complete", () => {
    const none = { minAnnotations: 0, minReplies: 0, minWords: 0 };
    expect(assessWork(none, deadline, [], after).status).toBe("complete");
  });
});

describe("countWords", () => {
  it("counts words in English, Japanese and Chinese, ignoring punctuation", () => {
    expect(countWords("Liao said: “We paid for our lessons in blood.”")).toBe(9);
    expect(countWords("")).toBe(0);
    expect(countWords("  —  …  ")).toBe(0);
    // No spaces in Japanese or Chinese: the segmenter still finds several words.
    expect(countWords("日中平和友好条約の交渉")).toBeGreaterThan(2);
    expect(countWords("我们用鲜血换来了教训")).toBeGreaterThan(2);
  });
});

describe("rubricScore", () => {
  it("adds completion (automatic unless overridden) to the hand-set quality", () => {
    expect(rubricScore(true, null, 3)).toEqual({ completion: 1, score: 4 });
    expect(rubricScore(true, false, 2)).toEqual({ completion: 0, score: 2 });
    expect(rubricScore(false, true, 0)).toEqual({ completion: 1, score: 1 });
    expect(rubricScore(true, null, null)).toEqual({ completion: 1, score: null });
  });
});
