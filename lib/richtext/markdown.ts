import {
  sortMarks,
  type BlockNode,
  type InlineNode,
  type TextMark,
  type TiptapDoc,
} from "@/lib/richtext/body";

// A validated Tiptap document as CommonMark (plus GFM ~~strike~~). Text is escaped so nothing a
// note says can turn into Markdown structure or raw HTML when the file is rendered.

/**
 * Escape plain text for Markdown: inline syntax everywhere, block syntax (#, >, -, +, =, "1.")
 * at the start of a line, and "&" only where it would start an entity.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>~|]/g, "\\$&")
    .replace(/&(?=#?[a-z0-9]+;)/gi, "\\&")
    .replace(/^(\s*)([#>+=-])/gm, "$1\\$2")
    .replace(/^(\s*\d+)([.)])/gm, "$1\\$2");
}

/** A code span that survives backticks inside it. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") || text.trim() === "" ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Link destinations in angle brackets need no escaping but "<", ">" and spaces. */
const destination = (href: string) => `<${href.replace(/[<>\s]/g, encodeURIComponent)}>`;

const DELIMITERS: Record<Exclude<TextMark["type"], "link">, string> = {
  bold: "**",
  italic: "*", // not "_", which does not work inside a word
  strike: "~~",
  code: "", // code spans are written whole, see codeSpan
  underline: "", // Markdown has no underline; the words stay, the line goes.
};

const opener = (mark: TextMark) => (mark.type === "link" ? "[" : DELIMITERS[mark.type]);
const closer = (mark: TextMark) =>
  mark.type === "link" ? `](${destination(mark.attrs.href)})` : DELIMITERS[mark.type];

const sameMark = (a: TextMark, b: TextMark) =>
  a.type === b.type && (a.type !== "link" || (b.type === "link" && a.attrs.href === b.attrs.href));

/**
 * Inline content with the fewest delimiters: marks stay open across text pieces that share them
 * (so "**a** **b**" becomes "**a b**"), and whitespace is moved outside delimiters, which
 * CommonMark would otherwise not recognise.
 */
function inlineMarkdown(nodes: readonly InlineNode[]): string {
  let out = "";
  const open: TextMark[] = [];
  const close = (keep: number) => {
    const trailing = /\s*$/.exec(out)?.[0] ?? "";
    out = out.slice(0, out.length - trailing.length);
    while (open.length > keep) {
      out += closer(open.pop()!);
    }
    out += trailing;
  };
  for (const node of nodes) {
    if (node.type === "hardBreak") {
      close(0);
      out += "\\\n";
      continue;
    }
    const marks = sortMarks(node.marks).filter((m) => m.type !== "code");
    let shared = 0;
    while (shared < open.length && shared < marks.length && sameMark(open[shared]!, marks[shared]!))
      shared++;
    close(shared);
    const lines = node.text.split(/\r\n|\r|\n/);
    const isCode = node.marks?.some((m) => m.type === "code") ?? false;
    const body = lines.map((line) => (isCode ? codeSpan(line) : escapeMarkdown(line))).join("\\\n");
    const leading = /^\s*/.exec(body)?.[0] ?? "";
    out += leading;
    for (const mark of marks.slice(shared)) {
      out += opener(mark);
      open.push(mark);
    }
    out += body.slice(leading.length);
  }
  close(0);
  // Leading spaces would start a code block, a final line break would show as a backslash.
  return out.replace(/^\s+/, "").replace(/(?:\\\n|\s)+$/, "");
}

/** Prefix every line: the first with `first`, the rest with `rest`. */
function indent(text: string, first: string, rest: string): string {
  return text
    .split("\n")
    .map((line, i) => (i === 0 ? first : line === "" ? rest.trimEnd() : rest) + line)
    .join("\n");
}

function blockMarkdown(block: BlockNode): string {
  switch (block.type) {
    case "paragraph":
      return inlineMarkdown(block.content ?? []);
    case "blockquote":
      return indent(blocksMarkdown(block.content), "> ", "> ");
    case "bulletList":
      return block.content
        .map((item) => indent(blocksMarkdown(item.content), "- ", "  "))
        .join("\n");
    case "orderedList": {
      const start = block.attrs?.start ?? 1;
      return block.content
        .map((item, i) => {
          const marker = `${start + i}. `;
          return indent(blocksMarkdown(item.content), marker, " ".repeat(marker.length));
        })
        .join("\n");
    }
  }
}

function blocksMarkdown(blocks: readonly BlockNode[]): string {
  return blocks
    .map(blockMarkdown)
    .filter((text) => text.trim() !== "")
    .join("\n\n");
}

/** The document as Markdown, blocks separated by blank lines. */
export function docToMarkdown(doc: TiptapDoc): string {
  return blocksMarkdown(doc.content);
}

/** Plain text as Markdown paragraphs, for notes whose document is unavailable. */
export function textToMarkdown(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== "")
    .map(escapeMarkdown)
    .join("\n\n");
}
