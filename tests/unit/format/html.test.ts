import { describe, expect, it } from "vitest";
import { escapeHtml } from "@/lib/format/html";

describe("escapeHtml", () => {
  it("escapes each character that HTML text or a quoted attribute would read as markup", () => {
    expect(escapeHtml(`<b class="x" title='y'>Tom & Jerry</b>`)).toBe(
      "&lt;b class=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/b&gt;",
    );
  });

  it("escapes an ampersand once, before the entities it writes", () => {
    expect(escapeHtml("&lt;")).toBe("&amp;lt;");
  });

  it("gives plain text back unchanged", () => {
    const text = "Prime Minister Ohira — 大平正芳 — said nothing further.";
    expect(escapeHtml(text)).toBe(text);
  });
});
