import { describe, expect, it } from "vitest";
import { isSafeHref, normaliseHref } from "@/lib/validations/url";

describe("normaliseHref (the editor's link box)", () => {
  it.each([
    ["history.state.gov/historicaldocuments", "https://history.state.gov/historicaldocuments"],
    ["  https://digitalarchive.wilsoncenter.org/  ", "https://digitalarchive.wilsoncenter.org/"],
    ["seminar@example.edu", "mailto:seminar@example.edu"],
    ["mailto:seminar@example.edu", "mailto:seminar@example.edu"],
    ["javascript:alert(1)", "javascript:alert(1)"],
  ])("%s -> %s", (typed, address) => {
    expect(normaliseHref(typed)).toBe(address);
  });

  it("never turns a refused address into an accepted one", () => {
    for (const typed of [
      "javascript:alert(1)",
      "data:text/html,x",
      "vbscript:x",
      "file:///etc/passwd",
    ])
      expect(isSafeHref(normaliseHref(typed))).toBe(false);
  });
});

describe("isSafeHref", () => {
  it("refuses credentials before the host (a link that reads as one site and goes to another)", () => {
    expect(isSafeHref("https://history.state.gov@evil.example/")).toBe(false);
    expect(isSafeHref("https://user:pass@example.org/")).toBe(false);
    expect(isSafeHref("https://example.org/")).toBe(true);
  });
});
