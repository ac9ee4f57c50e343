import { describe, expect, it } from "vitest";
import { htmlToText, isSafeHref, sanitizeBodyHtml } from "@/lib/richtext/sanitize";

const A = 'rel="noopener noreferrer nofollow" target="_blank"';

describe("sanitizeBodyHtml", () => {
  it.each([
    [
      "keeps the allow-list",
      "<p>a<br />b</p><ul><li>x</li></ul><blockquote><p><strong>s</strong><em>e</em><code>c</code><s>d</s><u>u</u></p></blockquote>",
    ],
    ["keeps a numbered list's start", '<ol start="4"><li>x</li></ol>'],
  ])("%s", (_name, html) => {
    expect(sanitizeBodyHtml(html)).toBe(html);
  });

  it.each([
    [
      "forces rel and target on links",
      '<a href="https://ex.com" target="_self" rel="opener">x</a>',
      `<a href="https://ex.com" ${A}>x</a>`,
    ],
    ["keeps mailto links", '<a href="mailto:a@b.org">m</a>', `<a href="mailto:a@b.org" ${A}>m</a>`],
    [
      "unlinks unsafe links, keeping the words",
      '<a href="javascript:alert(1)">x</a> <a href="/rel">y</a>',
      "<a>x</a> <a>y</a>",
    ],
    [
      "unlinks relative and protocol-relative links",
      '<a href="//evil.example">x</a><a href="#t-1">y</a>',
      "<a>x</a><a>y</a>",
    ],
    [
      "drops a bad start",
      '<ol start="0"><li>x</li></ol><ol start="2; x"><li>y</li></ol>',
      "<ol><li>x</li></ol><ol><li>y</li></ol>",
    ],
    [
      "maps b, i, del, strike and headings",
      "<h2>T</h2><b>b</b><i>i</i><del>d</del><strike>s</strike>",
      "<p>T</p><strong>b</strong><em>i</em><s>d</s><s>s</s>",
    ],
    [
      "drops attributes and disallowed tags, keeps their text",
      '<div class="x" style="color:red"><span id="s">t</span></div>',
      "t",
    ],
    [
      "drops the content of script-like elements",
      "<p>a</p><script>x</script><style>p{}</style><textarea>t</textarea><template>u</template>",
      "<p>a</p>",
    ],
    ["escapes text", "<p>1 &lt; 2 &amp; 3 > 2</p>", "<p>1 &lt; 2 &amp; 3 &gt; 2</p>"],
  ])("%s", (_name, input, output) => {
    expect(sanitizeBodyHtml(input)).toBe(output);
  });
});

describe("isSafeHref", () => {
  it.each([
    "https://history.state.gov/historicaldocuments/frus1961-63v05/d87",
    "http://example.com",
    "HTTPS://EXAMPLE.COM/x?y=1#z",
    "mailto:archivist@example.org?subject=Memo",
    "https://例え.jp/パス",
  ])("allows %s", (href) => {
    expect(isSafeHref(href)).toBe(true);
  });

  it.each([
    "javascript:alert(1)",
    "data:text/html,x",
    "vbscript:x",
    "ftp://example.com",
    "/relative",
    "//example.com",
    "https:/example.com",
    "java\tscript:alert(1)",
    "https://example.com/\u00a0",
    "https://exam\u00adple.com",
    "\ufeffhttps://example.com",
    "",
  ])("refuses %j", (href) => {
    expect(isSafeHref(href)).toBe(false);
  });

  it("refuses what is not a string", () => {
    expect(isSafeHref(undefined)).toBe(false);
    expect(isSafeHref({ toString: () => "https://x.y" })).toBe(false);
  });
});

describe("htmlToText", () => {
  it.each([
    ["<p>one</p><p>two</p>", "one\ntwo"],
    ["<p>a<br>b</p>", "a\nb"],
    ["<ul><li><p>x</p></li><li>y</li></ul>", "x\ny"],
    ["<p>a</p>\n  <p>b</p>", "a\nb"],
    ["<p>1 &lt; 2 &amp;&amp; &quot;q&quot; &#233;&#x20AC;</p>", '1 < 2 && "q" é€'],
    ["<p>x<script>alert(1)</script></p>", "x"],
    ["plain text", "plain text"],
    ["  ", ""],
  ])("%j → %j", (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});
