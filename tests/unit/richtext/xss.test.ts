import { describe, expect, it } from "vitest";
import { BODY_MESSAGES, parseBody } from "@/lib/richtext/body";
import { htmlToText, isSafeHref, sanitizeBodyHtml } from "@/lib/richtext/sanitize";
import { withoutNul } from "@/lib/validations/text";
import { doc, para, text } from "../annotations/fixtures";
import { bodyHtmlViolations, scanHtml } from "../annotations/html-scan";
import { forgedTiptapDocs, xssPayloads } from "../annotations/xss-corpus";

describe("XSS corpus", () => {
  it("has at least 100 payloads in every category", () => {
    expect(xssPayloads.length).toBeGreaterThanOrEqual(100);
    const categories = new Set(xssPayloads.map((p) => p.category));
    expect([...categories].sort()).toEqual(
      [
        "css",
        "embedding",
        "encoding",
        "event-handler",
        "mathml",
        "mutation",
        "script",
        "svg",
        "url-scheme",
      ].sort(),
    );
    expect(new Set(xssPayloads.map((p) => p.id)).size).toBe(xssPayloads.length);
    process.stdout.write(
      `[xss] ${xssPayloads.length} payloads in ${categories.size} categories, ${forgedTiptapDocs.length} forged Tiptap documents\n`,
    );
  });
});

describe("the scanner itself catches what it must", () => {
  it.each([
    ["<script>x</script>", "tag <script>"],
    ['<p onclick="x">a</p>', "event handler onclick on <p>"],
    ['<p style="x">a</p>', "style attribute on <p>"],
    [
      '<a href="java&#9;script:x" rel="noopener noreferrer nofollow" target="_blank">a</a>',
      'href "java\\tscript:x"',
    ],
    ['<a href="https://x.y">a</a>', "a rel=undefined"],
    ["<!-- x -->", 'declaration "<!-- x -->"'],
    ["<img/src=x/onerror=alert(1)>", "tag <img>"],
  ])("%s", (html, problem) => {
    expect(bodyHtmlViolations(html)).toContain(problem);
  });
});

describe.each(xssPayloads)("$id", ({ payload }) => {
  it("as note text: escaped, never markup", () => {
    const result = parseBody(doc(para(text(payload))));
    if (payload.trim() === "") return;
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const scan = scanHtml(result.html);
    expect(scan.tags.map((t) => t.name)).toEqual(["p", "p"]);
    expect(scan.tags.flatMap((t) => t.attributes)).toEqual([]);
    expect(scan.declarations).toEqual([]);
    // NUL is dropped: PostgreSQL cannot store it (lib/validations/text.ts).
    const stored = withoutNul(payload);
    expect(scan.text).toBe(stored);
    expect(result.text).toBe(stored.trim());
    expect(JSON.stringify(result.doc)).not.toContain("\\u0000");
    expect(bodyHtmlViolations(result.html)).toEqual([]);
  });

  it("as a link address: refused, or rendered as a safe link", () => {
    const result = parseBody(doc(para(text("x", [{ type: "link", attrs: { href: payload } }]))));
    if (!/^(https?:\/\/|mailto:)/i.test(payload)) {
      expect(result).toEqual({ ok: false, error: BODY_MESSAGES.linkScheme });
      return;
    }
    // Only well-formed absolute http(s) addresses get through; their quotes are escaped.
    expect(isSafeHref(payload)).toBe(result.ok);
    if (!result.ok) return;
    expect(bodyHtmlViolations(result.html)).toEqual([]);
    const links = scanHtml(result.html).tags.filter((t) => t.name === "a" && !t.closing);
    expect(links).toHaveLength(1);
    expect(links[0]!.attributes.map((a) => a.name)).toEqual(["href", "rel", "target"]);
    expect(links[0]!.attributes[0]!.value).toBe(payload);
  });

  it("as raw HTML through sanitizeBodyHtml: only allowed tags and attributes", () => {
    const clean = sanitizeBodyHtml(payload);
    expect(bodyHtmlViolations(clean)).toEqual([]);
    expect(clean).not.toMatch(
      /<\s*\/?\s*(script|style|iframe|object|embed|svg|math|form|meta|base|img)\b/i,
    );
    // Stable: sanitizing again changes nothing (no mutation on a second parse).
    expect(sanitizeBodyHtml(clean)).toBe(clean);
    // And the text derived from it is plain text with no markup left to interpret.
    expect(bodyHtmlViolations(htmlToText(clean).replace(/</g, "&lt;"))).toEqual([]);
  });
});

describe("forged Tiptap JSON", () => {
  it.each(forgedTiptapDocs.filter((f) => f.expect === "reject"))(
    "$id is refused",
    ({ doc: forged }) => {
      const result = parseBody(forged);
      expect(result.ok).toBe(false);
    },
  );

  it.each(forgedTiptapDocs.filter((f) => f.expect === "strip"))(
    "$id loses its extras",
    ({ doc: forged }) => {
      const result = parseBody(forged);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(bodyHtmlViolations(result.html)).toEqual([]);
      expect(JSON.stringify(result.doc)).not.toMatch(
        /alert|onclick|onload|onmouseover|style|class|html/,
      );
    },
  );
});
