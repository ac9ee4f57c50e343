import { describe, expect, it } from "vitest";
import {
  formatInZone,
  isTimeZone,
  parseLocalDateTime,
  toLocalInput,
} from "@/lib/format/zoned-time";
import { computeHeat, type HeatTurn } from "@/lib/assignments/heat";

describe("assignment dates", () => {
  it("reads a wall-clock time in the given zone as an instant", () => {
    expect(parseLocalDateTime("2026-12-01T17:00", "Asia/Tokyo")?.toISOString()).toBe(
      "2026-12-01T08:00:00.000Z",
    );
    expect(parseLocalDateTime("2026-07-01T09:30", "America/New_York")?.toISOString()).toBe(
      "2026-07-01T13:30:00.000Z",
    );
    expect(parseLocalDateTime("2026-12-01T09:30", "America/New_York")?.toISOString()).toBe(
      "2026-12-01T14:30:00.000Z",
    );
  });

  it("moves a time skipped by summer time forward, as clocks do", () => {
    // 8 March 2026, 02:30 does not exist in New York.
    expect(parseLocalDateTime("2026-03-08T02:30", "America/New_York")?.toISOString()).toBe(
      "2026-03-08T07:30:00.000Z",
    );
  });

  it.each([
    ["2026-02-31T09:00", "UTC"],
    ["2026-13-01T09:00", "UTC"],
    ["2026-12-01 09:00", "UTC"],
    ["2026-12-01T24:00", "UTC"],
    ["", "UTC"],
    ["2026-12-01T09:00", "Mars/Olympus"],
  ])("refuses %j in %s", (value, zone) => {
    expect(parseLocalDateTime(value, zone)).toBeNull();
  });

  it("round-trips through the datetime-local form of a zone", () => {
    const instant = new Date("2026-12-08T08:00:00Z");
    expect(toLocalInput(instant, "Asia/Tokyo")).toBe("2026-12-08T17:00");
    expect(parseLocalDateTime(toLocalInput(instant, "Europe/Berlin"), "Europe/Berlin")).toEqual(
      instant,
    );
  });

  it("formats in the reader's zone with its name", () => {
    const instant = new Date("2026-12-08T08:00:00Z");
    expect(formatInZone(instant, "Asia/Tokyo")).toMatch(/8 Dec 2026.*17:00.*GMT\+9/);
    expect(formatInZone(instant, "not a zone")).toMatch(/08:00.*UTC/);
  });

  it("knows real zones", () => {
    expect(isTimeZone("Europe/London")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Europe/Atlantis")).toBe(false);
    expect(isTimeZone(42)).toBe(false);
  });
});

describe("computeHeat", () => {
  // Anchor 7 was inserted between 2 and 3 by a re-import: reading order is by position.
  const turns: HeatTurn[] = [
    { anchor: 1, position: 0, speaker: "Liao", label: "speech" },
    { anchor: 2, position: 1, speaker: "Ishibashi", label: "speech" },
    { anchor: 7, position: 2, speaker: "Liao", label: "speech" },
    { anchor: 3, position: 3, speaker: null, label: "note" },
    { anchor: 4, position: 4, speaker: "Ishibashi", label: "speech" },
  ];

  it("warms every turn a note covers, in reading order, and sums per speaker", () => {
    const heat = computeHeat(turns, [
      { kind: "annotation", firstAnchor: 2, lastAnchor: 3 },
      { kind: "reply", firstAnchor: 2, lastAnchor: 3 },
      { kind: "annotation", firstAnchor: 1, lastAnchor: 1 },
      { kind: "annotation", firstAnchor: 0, lastAnchor: 0 },
    ]);
    expect(heat.turns.map((turn) => [turn.anchor, turn.total])).toEqual([
      [1, 1],
      [2, 2],
      [7, 2],
      [3, 2],
      [4, 0],
    ]);
    expect(heat.wholeDocument).toBe(1);
    expect(heat.max).toBe(2);
    expect(heat.speakers).toEqual([
      { speaker: "Liao", turns: 2, annotations: 2, replies: 1, total: 3 },
      { speaker: "Ishibashi", turns: 2, annotations: 1, replies: 1, total: 2 },
    ]);
  });

  it("reports only a passage's turns, counting work that reaches into it", () => {
    const heat = computeHeat(
      turns,
      [
        { kind: "annotation", firstAnchor: 1, lastAnchor: 7 },
        { kind: "annotation", firstAnchor: 99, lastAnchor: 99 }, // an orphan's turn is gone
      ],
      { firstAnchor: 7, lastAnchor: 4 },
    );
    expect(heat.turns.map((turn) => [turn.anchor, turn.total])).toEqual([
      [7, 1],
      [3, 0],
      [4, 0],
    ]);
  });

  it("is empty-safe", () => {
    expect(computeHeat([], [])).toEqual({ turns: [], speakers: [], wholeDocument: 0, max: 0 });
  });
});
