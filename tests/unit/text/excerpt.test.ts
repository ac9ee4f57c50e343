import { describe, expect, it } from "vitest";
import { excerpt } from "@/lib/text/excerpt";

describe("excerpt", () => {
  it("keeps a text that fits, with its whitespace collapsed", () => {
    expect(excerpt("  I have come   as a\nprivate citizen. ")).toBe(
      "I have come as a private citizen.",
    );
  });

  it("cuts a long quote at a word boundary near 120 characters, with an ellipsis", () => {
    const quote =
      "Regarding the question of the political relationship between the two countries, Mr. Ishibashi said that he wished to stress first of all that Japan had no hostile intentions.";
    const short = excerpt(quote);
    expect(short.endsWith("…")).toBe(true);
    expect(short.length).toBeLessThanOrEqual(120);
    expect(short.length).toBeGreaterThan(100);
    // Whole words only: what precedes the ellipsis is a prefix of the quote ending at a word's end.
    const kept = short.slice(0, -1);
    expect(quote.startsWith(kept)).toBe(true);
    expect(quote[kept.length]).toMatch(/[\s,.]/);
  });

  it("does not end on a dangling comma or dash", () => {
    expect(excerpt("one two, three four five", 14)).toBe("one two…");
  });

  it("cuts text without spaces (Japanese) between words, not inside the budget's last character", () => {
    const japanese =
      "日本政府は中国に対して敵視政策をとっておらず、両国の関係を改善したいと考えている。".repeat(
        4,
      );
    const short = excerpt(japanese, 40);
    expect(short.length).toBeLessThanOrEqual(40);
    expect(japanese.startsWith(short.slice(0, -1))).toBe(true);
  });

  it("cuts inside a single word longer than the budget", () => {
    expect(excerpt("x".repeat(300), 20)).toBe(`${"x".repeat(19)}…`);
  });
});
