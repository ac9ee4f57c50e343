import { getSchema } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { describe, expect, it } from "vitest";
import {
  BODY_LIMITS,
  BODY_MESSAGES,
  emptyBody,
  parseBody,
  tiptapDocSchema,
} from "@/lib/richtext/body";
import { htmlToText } from "@/lib/richtext/sanitize";
import {
  bold,
  bullets,
  code,
  doc,
  hardBreak,
  italic,
  item,
  link,
  numbered,
  para,
  quote,
  text,
} from "../annotations/fixtures";

const REL = 'rel="noopener noreferrer nofollow" target="_blank"';

/** Nest `levels` blockquotes around a paragraph: the paragraph's text sits at levels + 2. */
function nestedQuotes(levels: number): unknown {
  let node: unknown = para(text("deep"));
  for (let i = 0; i < levels; i++) node = quote(node);
  return doc(node);
}

describe("parseBody: valid documents", () => {
  const cases: { name: string; input: unknown; html: string; text: string }[] = [
    { name: "one paragraph", input: doc(para(text("Hello"))), html: "<p>Hello</p>", text: "Hello" },
    {
      name: "marks in fixed order",
      input: doc(para(text("x", [code, italic, bold, { type: "strike" }, { type: "underline" }]))),
      html: "<p><strong><em><u><s><code>x</code></s></u></em></strong></p>",
      text: "x",
    },
    {
      name: "link outermost, editor attrs ignored",
      input: doc(
        para(
          text("memo", [
            bold,
            {
              type: "link",
              attrs: {
                href: "https://history.state.gov/x",
                target: "_self",
                rel: "opener",
                class: "c",
                title: null,
              },
            },
          ]),
        ),
      ),
      html: `<p><a href="https://history.state.gov/x" ${REL}><strong>memo</strong></a></p>`,
      text: "memo",
    },
    {
      name: "mailto link",
      input: doc(para(text("write", [link("mailto:archivist@example.org")]))),
      html: `<p><a href="mailto:archivist@example.org" ${REL}>write</a></p>`,
      text: "write",
    },
    {
      name: "upper-case scheme",
      input: doc(para(text("x", [link("HTTPS://EXAMPLE.COM/")]))),
      html: `<p><a href="HTTPS://EXAMPLE.COM/" ${REL}>x</a></p>`,
      text: "x",
    },
    {
      name: "hard break",
      input: doc(para(text("a"), hardBreak, text("b"))),
      html: "<p>a<br />b</p>",
      text: "a\nb",
    },
    {
      name: "lists, nested, numbered from 3",
      input: doc(
        bullets(
          item(para(text("one")), numbered(3, item(para(text("two"))), item(para(text("three"))))),
        ),
      ),
      html: '<ul><li><p>one</p><ol start="3"><li><p>two</p></li><li><p>three</p></li></ol></li></ul>',
      text: "one\ntwo\nthree",
    },
    {
      name: "numbered list from 1 needs no start",
      input: doc({
        type: "orderedList",
        attrs: { start: 1, type: null },
        content: [item(para(text("a")))],
      }),
      html: "<ol><li><p>a</p></li></ol>",
      text: "a",
    },
    {
      name: "blockquote and empty paragraphs",
      input: doc(para(), quote(para(text("q"))), { type: "paragraph" }, para(text("after"))),
      html: "<p></p><blockquote><p>q</p></blockquote><p></p><p>after</p>",
      text: "q\n\nafter",
    },
    {
      name: "markup in text is escaped",
      input: doc(para(text(`<b>"Tom" & 'Jerry'</b>`))),
      html: "<p>&lt;b&gt;\"Tom\" &amp; 'Jerry'&lt;/b&gt;</p>",
      text: `<b>"Tom" & 'Jerry'</b>`,
    },
    {
      name: "exactly 10,000 characters",
      input: doc(para(text("é".repeat(BODY_LIMITS.maxTextLength)))),
      html: `<p>${"é".repeat(BODY_LIMITS.maxTextLength)}</p>`,
      text: "é".repeat(BODY_LIMITS.maxTextLength),
    },
    {
      name: "depth 10 (text inside 8 quotes)",
      input: nestedQuotes(8),
      html: `${"<blockquote>".repeat(8)}<p>deep</p>${"</blockquote>".repeat(8)}`,
      text: "deep",
    },
  ];

  it.each(cases)("$name", ({ input, html, text: expected }) => {
    const result = parseBody(input);
    expect(result).toMatchObject({ ok: true, html, text: expected });
    // The text derived from the HTML is the text derived from the document.
    if (result.ok) expect(htmlToText(result.html)).toBe(result.text);
  });

  it("returns a clean copy without unknown keys and attrs", () => {
    const result = parseBody({
      type: "doc",
      id: "x",
      content: [
        {
          type: "paragraph",
          attrs: { onclick: "x" },
          content: [
            { type: "text", text: "a", extra: 1, marks: [{ type: "bold", attrs: { x: 1 } }] },
          ],
        },
        { type: "orderedList", attrs: { start: 4, type: "a" }, content: [item(para(text("b")))] },
        para(
          text("c", [{ type: "link", attrs: { href: "https://example.com", target: "_blank" } }]),
        ),
      ],
    });
    expect(result.ok && result.doc).toEqual({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "a", marks: [{ type: "bold" }] }] },
        { type: "orderedList", attrs: { start: 4 }, content: [item(para(text("b")))] },
        para(text("c", [link("https://example.com")])),
      ],
    });
  });

  it("accepts a document at the node limit", () => {
    // doc + 666 paragraphs with 2 text nodes each = 1 + 666 * 3 = 1,999 nodes
    const paragraphs = Array.from({ length: 666 }, () => para(text("a"), text("b", [bold])));
    expect(parseBody(doc(...paragraphs)).ok).toBe(true);
  });

  it("emptyBody is what an empty editor holds, and is not saveable", () => {
    expect(emptyBody()).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
    expect(parseBody(emptyBody())).toEqual({ ok: false, error: "Write something before saving." });
  });

  it("tiptapDocSchema is usable on its own", () => {
    expect(tiptapDocSchema.safeParse(doc(para(text("x")))).success).toBe(true);
    expect(tiptapDocSchema.safeParse(doc(para())).success).toBe(false);
  });
});

describe("round trip with the real editor schema", () => {
  // The editor's configuration (components/annotations/NoteEditor.tsx).
  const schema = getSchema([
    StarterKit.configure({ heading: false, codeBlock: false, horizontalRule: false }),
  ]);

  it("accepts what the editor produces, and the cleaned copy loads back into the editor", () => {
    const editorJson = schema
      .nodeFromJSON(
        doc(
          para(text("Read "), text("this", [bold, italic, link("https://history.state.gov/")])),
          numbered(2, item(para(text("a"), hardBreak, text("b", [code])))),
          bullets(
            item(
              para(text("c")),
              quote(para(text("d", [{ type: "strike" }, { type: "underline" }]))),
            ),
          ),
        ),
      )
      .toJSON() as unknown;
    // Tiptap fills in defaults: link target/rel/class/title, list start/type.
    expect(JSON.stringify(editorJson)).toContain('"class":null');
    const result = parseBody(editorJson);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const reloaded = schema.nodeFromJSON(result.doc);
    reloaded.check();
    expect(reloaded.textContent).toBe("Read thisabcd");
  });
});

describe("parseBody: rejected documents", () => {
  const LINK_ERROR = BODY_MESSAGES.linkScheme;
  const NODE_HELP =
    "notes can contain paragraphs, bulleted and numbered lists, quotes and line breaks.";
  const MARK_HELP = "notes can use bold, italic, underline, strikethrough, code and links.";
  const withLink = (href: unknown) => doc(para(text("x", [{ type: "link", attrs: { href } }])));
  const node = (type: string) => `Unsupported content "${type}": ${NODE_HELP}`;
  const mark = (type: string) => `Unsupported formatting "${type}": ${MARK_HELP}`;

  const cases: { name: string; input: unknown; error: string }[] = [
    // emptiness
    { name: "empty doc", input: doc(), error: "Write something before saving." },
    {
      name: "doc without content",
      input: { type: "doc" },
      error: "Write something before saving.",
    },
    {
      name: "only whitespace",
      input: doc(para(text("  \t ")), para(hardBreak)),
      error: "Write something before saving.",
    },
    {
      name: "empty list item text",
      input: doc(bullets(item(para()))),
      error: "Write something before saving.",
    },
    // limits
    {
      name: "10,001 characters",
      input: doc(para(text("a".repeat(BODY_LIMITS.maxTextLength + 1)))),
      error: "The note is too long: 10,001 characters, at most 10,000.",
    },
    {
      name: "too long across paragraphs (newlines count)",
      input: doc(para(text("a".repeat(5_000))), para(text("b".repeat(5_000)))),
      error: "The note is too long: 10,001 characters, at most 10,000.",
    },
    {
      name: "2,001 nodes",
      input: doc(...Array.from({ length: 1_000 }, () => para(text("a")))),
      error:
        "The note has too many parts (paragraphs, list items, formatted pieces): at most 2,000.",
    },
    {
      name: "depth 11",
      input: nestedQuotes(9),
      error: "Lists and quotes are nested too deeply: at most 10 levels.",
    },
    {
      name: "absurd depth does not overflow the stack",
      input: nestedQuotes(50_000),
      error: "Lists and quotes are nested too deeply: at most 10 levels.",
    },
    {
      name: "JSON over 100 kB",
      input: doc(para(text("a", [link(`https://example.com/${"a".repeat(100_000)}`)]))),
      error: "The note is too large to save (more than 100 kB).",
    },
    {
      name: "cyclic input",
      input: (() => {
        const cyclic: Record<string, unknown> = { type: "doc" };
        cyclic.content = [cyclic];
        return cyclic;
      })(),
      error: "Lists and quotes are nested too deeply: at most 10 levels.",
    },
    {
      name: "not serializable",
      input: { ...doc(para(text("x"))), big: 1n },
      error: "The note could not be read.",
    },
    // shape
    {
      name: "nothing at all (an editor never typed in)",
      input: undefined,
      error: "Write something before saving.",
    },
    {
      name: "null",
      input: null,
      error: 'The note could not be read: it is not an editor document (type "doc").',
    },
    {
      name: "string",
      input: "<p>hi</p>",
      error: 'The note could not be read: it is not an editor document (type "doc").',
    },
    {
      name: "paragraph as root",
      input: para(text("x")),
      error: 'The note could not be read: it is not an editor document (type "doc").',
    },
    {
      name: "content not a list",
      input: { type: "doc", content: "x" },
      error: 'The note could not be read: "content" must be a list.',
    },
    {
      name: "marks not a list",
      input: doc(para({ type: "text", text: "x", marks: { type: "bold" } })),
      error: 'The note could not be read: "marks" must be a list.',
    },
    {
      name: "node without type",
      input: doc({ content: [] }),
      error: "Each part of the note must have a type.",
    },
    {
      name: "node not an object",
      input: doc("text"),
      error: "Each part of the note must have a type.",
    },
    {
      name: "text at top level",
      input: doc(text("x")),
      error: "Text and line breaks must be inside a paragraph.",
    },
    {
      name: "hard break at top level",
      input: doc(hardBreak),
      error: "Text and line breaks must be inside a paragraph.",
    },
    {
      name: "paragraph in paragraph",
      input: doc(para(para(text("x")))),
      error: "A paragraph can only contain text and line breaks.",
    },
    {
      name: "list item outside a list",
      input: doc(item(para(text("x")))),
      error: "A list item must be inside a list.",
    },
    {
      name: "paragraph directly in a list",
      input: doc(bullets(para(text("x")))),
      error: "A list can only contain list items.",
    },
    {
      name: "doc in doc",
      input: doc(doc(para(text("x")))),
      error: "A note cannot contain another note.",
    },
    {
      name: "empty list",
      input: doc(para(text("x")), bullets()),
      error: "A list must have at least one item.",
    },
    {
      name: "empty quote",
      input: doc(para(text("x")), quote()),
      error: "A quote must contain at least one paragraph.",
    },
    {
      name: "list item starting with a list",
      input: doc(bullets(item(bullets(item(para(text("x"))))))),
      error: "A list item must start with a paragraph.",
    },
    {
      name: "empty text node",
      input: doc(para(text(""))),
      error: "A text part must contain text.",
    },
    {
      name: "text not a string",
      input: doc(para({ type: "text", text: 5 })),
      error: "A text part must contain text.",
    },
    {
      name: "list start 0",
      input: doc(numbered(0, item(para(text("x"))))),
      error: "A numbered list must start at a whole number from 1.",
    },
    {
      name: "list start negative",
      input: doc(numbered(-3, item(para(text("x"))))),
      error: "A numbered list must start at a whole number from 1.",
    },
    {
      name: "list start fraction",
      input: doc(numbered(1.5, item(para(text("x"))))),
      error: "A numbered list must start at a whole number from 1.",
    },
    {
      name: "list start string",
      input: doc({ type: "orderedList", attrs: { start: "2" }, content: [item(para(text("x")))] }),
      error: "A numbered list must start at a whole number from 1.",
    },
    // forbidden nodes (StarterKit ones the editor turns off, and others)
    ...[
      "heading",
      "codeBlock",
      "horizontalRule",
      "image",
      "table",
      "script",
      "iframe",
      "mention",
    ].map((type) => ({
      name: `node ${type}`,
      input: doc(para(text("x")), { type, content: [text("x")] }),
      error: node(type),
    })),
    {
      name: "forbidden node deep inside",
      input: doc(bullets(item(para(text("x")), quote({ type: "details" })))),
      error: node("details"),
    },
    {
      name: "long type name is cut",
      input: doc({ type: "x".repeat(100) }),
      error: node(`${"x".repeat(40)}…`),
    },
    // forbidden marks
    ...["highlight", "textStyle", "subscript", "superscript", "script"].map((type) => ({
      name: `mark ${type}`,
      input: doc(para(text("x", [bold, { type }]))),
      error: mark(type),
    })),
    {
      name: "mark without type",
      input: doc(para(text("x", [{}]))),
      error: "Each part of the note must have a type.",
    },
    // links
    {
      name: "link without attrs",
      input: doc(para(text("x", [{ type: "link" }]))),
      error: "A link needs an address.",
    },
    { name: "link without href", input: withLink(undefined), error: "A link needs an address." },
    { name: "link with empty href", input: withLink(""), error: "A link needs an address." },
    ...[
      "javascript:alert(1)",
      "JAVASCRIPT:alert(1)",
      "java\tscript:alert(1)",
      "java\nscript:alert(1)",
      " javascript:alert(1)",
      "\u0000javascript:alert(1)",
      "javascript&colon;alert(1)",
      "&#106;avascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "/relative/path",
      "relative.html",
      "#t-12",
      "//evil.example/x",
      "https:evil.example",
      "https:\\\\evil.example",
      "ftp://example.com/file",
      "file:///etc/passwd",
      "https://",
      "mailto:",
      "https://exa mple.com",
      "https://example.com/\u200Bx",
      "https://example.com/\u202Egpj.exe",
      " https://example.com",
      "https://example.com\n",
      `https://example.com/${"a".repeat(2_100)}`,
    ].map((href) => ({
      name: `href ${JSON.stringify(href.slice(0, 40))}`,
      input: withLink(href),
      error: LINK_ERROR,
    })),
    { name: "href not a string", input: withLink(42), error: "A link needs an address." },
  ];

  it.each(cases)("$name", ({ input, error }) => {
    expect(parseBody(input)).toEqual({ ok: false, error });
  });
});
