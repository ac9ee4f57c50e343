import { describe, expect, it } from "vitest";
import { fullDateTime, relativeTime } from "@/lib/format/relative-time";

const now = new Date("2026-12-02T12:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe("relativeTime", () => {
  it.each([
    [10, "just now"],
    [59, "just now"],
    [60, "1 minute ago"],
    [5 * 60 + 20, "5 minutes ago"],
    [2 * 3600, "2 hours ago"],
    [26 * 3600, "yesterday"],
    [3 * 86400, "3 days ago"],
    [15 * 86400, "2 weeks ago"],
    [40 * 86400, "last month"],
    [400 * 86400, "last year"],
  ])("%i seconds ago reads %s", (seconds, words) => {
    expect(relativeTime(ago(seconds), now)).toBe(words);
  });

  it("says 'in …' for a clock a little ahead", () => {
    expect(relativeTime(new Date(now.getTime() + 3 * 3600_000), now)).toBe("in 3 hours");
  });
});

describe("fullDateTime", () => {
  it("gives the day, month, year and time", () => {
    expect(fullDateTime(new Date("2026-12-02T10:40:00Z"), "en-GB", "UTC")).toBe(
      "2 December 2026 at 10:40",
    );
  });
});
