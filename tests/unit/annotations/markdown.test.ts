import { describe, expect, it } from "vitest";
import { parseBody } from "@/lib/richtext/body";
import { toCourseMarkdown, toMarkdownNotes } from "@/lib/annotations/export/markdown";
import { docToMarkdown, escapeMarkdown, textToMarkdown } from "@/lib/richtext/markdown";
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
  record,
  reply,
  text,
} from "./fixtures";

function md(input: unknown): string {
  const body = parseBody(input);
  if (!body.ok) throw new Error(body.error);
  return docToMarkdown(body.doc);
}

describe("escapeMarkdown", () => {
  it.each([
    ["plain words.", "plain words."],
    ["*not bold* and _not italic_", "\\*not bold\\* and \\_not italic\\_"],
    ["[link](javascript:alert(1))", "\\[link\\](javascript:alert(1))"],
    ["<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"],
    ["`code` ~~strike~~ a|b \\", "\\`code\\` \\~\\~strike\\~\\~ a\\|b \\\\"],
    ["# not a heading", "\\# not a heading"],
    ["> not a quote", "\\> not a quote"],
    ["- not a list", "\\- not a list"],
    ["+ not a list", "\\+ not a list"],
    ["1. not a list", "1\\. not a list"],
    ["1961) not a list", "1961\\) not a list"],
    ["=== not a heading", "\\=== not a heading"],
    ["AT&T &amp; &#60;", "AT&T \\&amp; \\&#60;"],
    ["a - b # c 1. d", "a - b # c 1. d"],
    ["line\n# two", "line\n\\# two"],
  ])("%j", (input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });
});

describe("docToMarkdown", () => {
  it.each([
    { name: "paragraphs", input: doc(para(text("one")), para(text("two"))), out: "one\n\ntwo" },
    {
      name: "marks, merged across pieces, whitespace outside delimiters",
      input: doc(
        para(text("a "), text("bold ", [bold]), text("both", [bold, italic]), text(" end")),
      ),
      out: "a **bold *both*** end",
    },
    {
      name: "strike and underline",
      input: doc(para(text("gone", [{ type: "strike" }]), text(" u", [{ type: "underline" }]))),
      out: "~~gone~~ u",
    },
    { name: "code with backticks", input: doc(para(text("a`b", [code]))), out: "``a`b``" },
    { name: "code is literal", input: doc(para(text("*x*", [code]))), out: "`*x*`" },
    {
      name: "link with formatting inside",
      input: doc(
        para(
          text("see "),
          text("the ", [link("https://ex.com/a_(b)")]),
          text("memo", [link("https://ex.com/a_(b)"), bold]),
        ),
      ),
      out: "see [the **memo**](<https://ex.com/a_(b)>)",
    },
    { name: "hard break", input: doc(para(text("a"), hardBreak, text("b"))), out: "a\\\nb" },
    { name: "trailing hard break dropped", input: doc(para(text("a"), hardBreak)), out: "a" },
    {
      name: "nested lists",
      input: doc(
        bullets(
          item(para(text("one")), numbered(3, item(para(text("two"))), item(para(text("three"))))),
          item(para(text("four"))),
        ),
      ),
      out: "- one\n\n  3. two\n  4. three\n- four",
    },
    {
      name: "quote with two paragraphs",
      input: doc(quote(para(text("a")), para(text("b")))),
      out: "> a\n>\n> b",
    },
    {
      name: "escaped text",
      input: doc(para(text("# 1. <b>*x*</b>"))),
      out: "\\# 1. \\<b\\>\\*x\\*\\</b\\>",
    },
    { name: "empty paragraphs skipped", input: doc(para(), para(text("x")), para()), out: "x" },
  ])("$name", ({ input, out }) => {
    expect(md(input)).toBe(out);
  });

  it("textToMarkdown escapes and makes paragraphs", () => {
    expect(textToMarkdown("# one\n\n* two")).toBe("\\# one\n\n\\* two");
  });
});

describe("toMarkdownNotes", () => {
  const options = {
    documentTitle: "Vienna *Summit*",
    documentUrl: "https://memcon.example/documents/vienna",
  };
  const late = record({
    id: "late",
    selector: {
      quote: { exact: "later words", prefix: "", suffix: "" },
      positions: [{ turnAnchor: 30, start: 0, end: 11 }],
    },
    createdAt: new Date("2024-01-01T00:00:00Z"),
  });
  const early = record({
    id: "early",
    author: { id: "u2", name: "Mr. *Bold*" },
    selector: {
      quote: { exact: "# free city\nof West Berlin", prefix: "", suffix: "" },
      positions: [
        { turnAnchor: 12, start: 4, end: 30 },
        { turnAnchor: 13, start: 0, end: 8 },
      ],
    },
    note: doc(para(text("Compare "), text("the memo", [link("https://history.state.gov/x")]))),
    tags: ["bluff", "berlin crisis"],
    createdAt: new Date("2024-06-01T00:00:00Z"),
  });
  const sameTurnLater = record({
    id: "same",
    author: { id: "u3", name: null },
    selector: {
      quote: { exact: "end of turn", prefix: "", suffix: "" },
      positions: [{ turnAnchor: 12, start: 50, end: 61 }],
    },
  });
  const orphan = record({
    id: "orphan",
    orphaned: true,
    selector: {
      quote: { exact: "vanished words", prefix: "", suffix: "" },
      positions: [{ turnAnchor: 1, start: 0, end: 5 }],
    },
    body: { type: "not a doc" },
    bodyText: "Fallback <text>",
  });
  const notes = toMarkdownNotes([late, orphan, sameTurnLater, early], options);

  it("renders the whole file", () => {
    expect(notes).toBe(
      [
        "# Reading notes: Vienna \\*Summit\\*",
        "Source: <https://memcon.example/documents/vienna>",
        "## [Turns 12\u201313](<https://memcon.example/documents/vienna#t-12>)",
        "> \\# free city\n> of West Berlin",
        "_Mr. \\*Bold\\*, 2024-06-01 · shared with everyone signed in_",
        "Compare [the memo](<https://history.state.gov/x>)",
        "#bluff #berlin-crisis",
        "## [Turn 12](<https://memcon.example/documents/vienna#t-12>)",
        "> end of turn",
        "_Unknown author, 2024-05-03 · shared with everyone signed in_",
        "A note on the passage.",
        "## [Turn 30](<https://memcon.example/documents/vienna#t-30>)",
        "> later words",
        "_Ada Lovelace, 2024-01-01 · shared with everyone signed in_",
        "A note on the passage.",
        "## Could not be placed",
        "These notes refer to passages that were not found in the current text of the document.",
        "### Note 1",
        "> vanished words",
        "_Ada Lovelace, 2024-05-03 · shared with everyone signed in_",
        "Fallback \\<text\\>",
      ].join("\n\n") + "\n",
    );
  });

  it("orders by turn, then position, and puts orphans last", () => {
    const order = [
      "#t-12>)\n\n> \\#",
      "#t-12>)\n\n> end",
      "#t-30",
      "## Could not be placed",
      "vanished",
    ].map((s) => notes.indexOf(s));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("has no orphans section when there are none, and says when there is nothing", () => {
    expect(toMarkdownNotes([late], options)).not.toContain("Could not be placed");
    expect(toMarkdownNotes([], options)).toBe(
      "# Reading notes: Vienna \\*Summit\\*\n\nSource: <https://memcon.example/documents/vienna>\n\n_No annotations._\n",
    );
  });
});

describe("toMarkdownNotes with the discussion, the speakers and the citation", () => {
  const note = record({
    id: "n1",
    visibility: "group",
    group: { id: "g", name: "Group A" },
    endorsed: true,
    speakers: [
      { turnAnchor: 12, speaker: "Liao Chengzhi" },
      { turnAnchor: 13, speaker: "Ishibashi Tanzan" },
    ],
    selector: {
      quote: { exact: "friendly relations", prefix: "", suffix: "" },
      positions: [
        { turnAnchor: 12, start: 0, end: 5 },
        { turnAnchor: 13, start: 0, end: 9 },
      ],
    },
    replies: [
      reply({ id: "r2", parentId: "r1", text: "Only if *Beijing* agrees.", at: "2026-11-03" }),
      reply({
        id: "r1",
        parentId: null,
        text: "Is he bluffing?",
        at: "2026-11-02",
        author: { id: "c", name: "Chen Yu" },
      }),
      reply({ id: "r3", parentId: null, text: "", at: "2026-11-04", deleted: true }),
      reply({
        id: "r4",
        parentId: "r3",
        text: "Still answered.",
        at: "2026-11-05",
        endorsed: true,
      }),
    ],
  });
  const whole = record({
    id: "w1",
    documentLevel: true,
    visibility: "private",
    selector: { quote: { exact: "", prefix: "", suffix: "" }, positions: [] },
    note: doc(para(text("What did the note-taker leave out?"))),
  });
  const notes = toMarkdownNotes([note, whole], {
    documentTitle: "Third conversation",
    documentUrl: "https://memcon.example/documents/third",
    citation: "Gaimushō archives, A'-0356",
  });

  it("cites the document under its title", () => {
    expect(
      notes.startsWith(
        "# Reading notes: Third conversation\n\nSource: <https://memcon.example/documents/third>\n\nCitation: Gaimushō archives, A'-0356\n\n",
      ),
    ).toBe(true);
  });

  it("names the speakers of the annotated turns, the audience and the endorsement", () => {
    expect(notes).toContain(
      "## [Turns 12\u201313](<https://memcon.example/documents/third#t-12>) · Liao Chengzhi, Ishibashi Tanzan",
    );
    expect(notes).toContain(
      "_Ada Lovelace, 2024-05-03 · shared with Group A · endorsed by an instructor_",
    );
  });

  it("nests the replies as the thread shows them; a deleted one keeps its place, not its words", () => {
    expect(notes).toContain(
      [
        "### Replies",
        "- **Chen Yu**, 2026-11-02:",
        "  Is he bluffing?",
        "  - **Ben**, 2026-11-03:",
        "    Only if \\*Beijing\\* agrees.",
        "- _Reply deleted._",
        "  - **Ben**, 2026-11-05 (endorsed by an instructor):",
        "    Still answered.",
      ].join("\n\n"),
    );
  });

  it("puts whole-document discussions first, not among notes that could not be placed", () => {
    expect(notes).not.toContain("Could not be placed");
    const about = notes.indexOf("## About the whole document\n\n### Discussion 1");
    expect(about).toBeGreaterThan(0);
    expect(about).toBeLessThan(notes.indexOf("## [Turns 12"));
    expect(notes).toContain(
      "### Discussion 1\n\n_Ada Lovelace, 2024-05-03 · private_\n\nWhat did the note-taker leave out?",
    );
  });
});

describe("toCourseMarkdown", () => {
  it("one part per document under the course's title, headings a level down", () => {
    const text = toCourseMarkdown("Cold War *Seminar*", [
      { documentTitle: "Doc A", documentUrl: "https://m.example/documents/a", records: [record()] },
      {
        documentTitle: "Doc B",
        documentUrl: "https://m.example/documents/b",
        citation: "FRUS",
        records: [],
      },
    ]);
    expect(
      text.startsWith("# Course notes: Cold War \\*Seminar\\*\n\n## Reading notes: Doc A\n\n"),
    ).toBe(true);
    expect(text).toContain("### [Turn 12](<https://m.example/documents/a#t-12>)");
    expect(text).toContain(
      "## Reading notes: Doc B\n\nSource: <https://m.example/documents/b>\n\nCitation: FRUS",
    );
    expect(text.endsWith("_No annotations._\n")).toBe(true);
  });
});
