import { z } from "zod";
import { UNSAFE_LINK_MESSAGE } from "@/lib/validations/url";
import { escapeHtml } from "@/lib/format/html";
import { isSafeHref, LINK_REL, LINK_TARGET, sanitizeBodyHtml } from "./sanitize";
import { withoutNul } from "@/lib/validations/text";
import { isNoteMarkType, isNoteNodeType, type NoteMarkType } from "./schema";

// Rich text (notes, replies, instructions): the Tiptap JSON a client may send, checked against
// the node and mark set of schema.ts, then rendered to HTML by our own
// escaping serializer and to plain text. The HTML is sanitized again anyway; only that HTML is
// ever shown. Error messages are shown to users as they are.
// Over 300 lines: the schema, its messages and the renderer walk the same node types, and the
// messages are written for people, so they sit beside the checks that raise them.

export const BODY_LIMITS = {
  /** Characters (code points) of plain text. */
  maxTextLength: 10_000,
  /** Every node counts, the document and each text piece included. */
  maxNodes: 2_000,
  /** The document is level 0, a paragraph in it level 1, its text level 2. */
  maxDepth: 10,
  /** UTF-8 bytes of the JSON. */
  maxJsonBytes: 100_000,
} as const;

// ---- Types --------------------------------------------------------------------------------
// Type aliases, not interfaces: they stay assignable to JSON types (e.g. Prisma's InputJsonValue).

export type SimpleMark = { type: Exclude<NoteMarkType, "link"> };
export type LinkMark = { type: "link"; attrs: { href: string } };
export type TextMark = SimpleMark | LinkMark;
export type TextNode = { type: "text"; text: string; marks?: TextMark[] };
export type HardBreakNode = { type: "hardBreak" };
export type InlineNode = TextNode | HardBreakNode;
export type ParagraphNode = { type: "paragraph"; content?: InlineNode[] };
export type ListItemNode = { type: "listItem"; content: BlockNode[] };
export type BulletListNode = { type: "bulletList"; content: ListItemNode[] };
export type OrderedListNode = {
  type: "orderedList";
  attrs?: { start?: number };
  content: ListItemNode[];
};
export type BlockquoteNode = { type: "blockquote"; content: BlockNode[] };
export type BlockNode = ParagraphNode | BulletListNode | OrderedListNode | BlockquoteNode;
export type TiptapDoc = { type: "doc"; content: BlockNode[] };

export type ParsedBody = { ok: true; doc: TiptapDoc; html: string; text: string };
export type BodyResult = ParsedBody | { ok: false; error: string };

// ---- Messages -----------------------------------------------------------------------------

const fmt = (n: number) => n.toLocaleString("en-US");

/** A user-supplied type name, quoted and cut short so a message stays readable. */
function quoteType(type: string): string {
  return JSON.stringify(type.length > 40 ? `${type.slice(0, 40)}…` : type);
}

export const BODY_MESSAGES = {
  empty: "Write something before saving.",
  notDoc: 'The note could not be read: it is not an editor document (type "doc").',
  unreadable: "The note could not be read.",
  tooLarge: `The note is too large to save (more than ${BODY_LIMITS.maxJsonBytes / 1000} kB).`,
  tooManyNodes: `The note has too many parts (paragraphs, list items, formatted pieces): at most ${fmt(BODY_LIMITS.maxNodes)}.`,
  tooDeep: `Lists and quotes are nested too deeply: at most ${BODY_LIMITS.maxDepth} levels.`,
  tooLong: (length: number) =>
    `The note is too long: ${fmt(length)} characters, at most ${fmt(BODY_LIMITS.maxTextLength)}.`,
  unknownNode: (type: string) =>
    `Unsupported content ${quoteType(type)}: notes can contain paragraphs, bulleted and numbered lists, quotes and line breaks.`,
  unknownMark: (type: string) =>
    `Unsupported formatting ${quoteType(type)}: notes can use bold, italic, underline, strikethrough, code and links.`,
  noType: "Each part of the note must have a type.",
  notList: (what: string) => `The note could not be read: "${what}" must be a list.`,
  inlineOutsideParagraph: "Text and line breaks must be inside a paragraph.",
  blockInParagraph: "A paragraph can only contain text and line breaks.",
  itemOutsideList: "A list item must be inside a list.",
  nestedDoc: "A note cannot contain another note.",
  listContent: "A list can only contain list items.",
  emptyList: "A list must have at least one item.",
  emptyQuote: "A quote must contain at least one paragraph.",
  itemStart: "A list item must start with a paragraph.",
  emptyText: "A text part must contain text.",
  listStart: "A numbered list must start at a whole number from 1.",
  linkMissing: "A link needs an address.",
  linkScheme: UNSAFE_LINK_MESSAGE,
} as const;

/** The message for a node that is missing, unknown, or in the wrong place. */
function misplacedMessage(input: unknown, place: "block" | "inline" | "list"): string {
  if (typeof input !== "object" || input === null || Array.isArray(input))
    return BODY_MESSAGES.noType;
  const type: unknown = (input as { type?: unknown }).type;
  if (typeof type !== "string") return BODY_MESSAGES.noType;
  if (!isNoteNodeType(type)) return BODY_MESSAGES.unknownNode(type);
  if (place === "inline") return BODY_MESSAGES.blockInParagraph;
  if (place === "list") return BODY_MESSAGES.listContent;
  if (type === "text" || type === "hardBreak") return BODY_MESSAGES.inlineOutsideParagraph;
  if (type === "listItem") return BODY_MESSAGES.itemOutsideList;
  return BODY_MESSAGES.nestedDoc;
}

function markMessage(input: unknown): string {
  const type: unknown =
    typeof input === "object" && input !== null ? (input as { type?: unknown }).type : undefined;
  return typeof type === "string" ? BODY_MESSAGES.unknownMark(type) : BODY_MESSAGES.noType;
}

// ---- Structure ----------------------------------------------------------------------------
// z.object strips keys we do not know (forged attrs, ids, classes), so the parsed document is a
// clean copy: only it is stored, never the input.

const list = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item, { error: BODY_MESSAGES.notList(what) });

const simpleMark = (type: SimpleMark["type"]) => z.object({ type: z.literal(type) });

const linkMark = z.object({
  type: z.literal("link"),
  // target, rel, class and title may come from the editor; their values are ignored.
  attrs: z.object(
    {
      href: z
        .string({ error: BODY_MESSAGES.linkMissing })
        .refine((href) => href !== "", BODY_MESSAGES.linkMissing)
        .refine(isSafeHref, BODY_MESSAGES.linkScheme),
    },
    { error: BODY_MESSAGES.linkMissing },
  ),
});

const markSchema: z.ZodType<TextMark> = z.discriminatedUnion(
  "type",
  [
    simpleMark("bold"),
    simpleMark("italic"),
    simpleMark("code"),
    simpleMark("strike"),
    simpleMark("underline"),
    linkMark,
  ],
  { error: (issue) => markMessage(issue.input) },
);

const textNode = z.object({
  type: z.literal("text"),
  text: z
    .string({ error: BODY_MESSAGES.emptyText })
    .overwrite(withoutNul)
    .min(1, BODY_MESSAGES.emptyText),
  marks: list(markSchema, "marks").optional(),
});

const hardBreakNode = z.object({ type: z.literal("hardBreak") });

const inlineSchema: z.ZodType<InlineNode> = z.discriminatedUnion(
  "type",
  [textNode, hardBreakNode],
  {
    error: (issue) => misplacedMessage(issue.input, "inline"),
  },
);

const paragraphNode = z.object({
  type: z.literal("paragraph"),
  content: list(inlineSchema, "content").optional(),
});

const blockSchema: z.ZodType<BlockNode> = z.lazy(() =>
  z.discriminatedUnion("type", [paragraphNode, bulletListNode, orderedListNode, blockquoteNode], {
    error: (issue) => misplacedMessage(issue.input, "block"),
  }),
);

const listItemNode = z.object({
  type: z.literal("listItem"),
  content: list(blockSchema, "content").refine(
    (blocks) => blocks[0]?.type === "paragraph",
    BODY_MESSAGES.itemStart,
  ),
});

const listItems = list(
  z.discriminatedUnion("type", [listItemNode], {
    error: (issue) => misplacedMessage(issue.input, "list"),
  }),
  "content",
).min(1, BODY_MESSAGES.emptyList);

const bulletListNode = z.object({ type: z.literal("bulletList"), content: listItems });

const orderedListNode = z.object({
  type: z.literal("orderedList"),
  // Tiptap also sends attrs.type (list style); it is dropped.
  attrs: z
    .object({
      start: z
        .number({ error: BODY_MESSAGES.listStart })
        .int(BODY_MESSAGES.listStart)
        .min(1, BODY_MESSAGES.listStart)
        .max(999_999_999, BODY_MESSAGES.listStart)
        .optional(),
    })
    .optional(),
  content: listItems,
});

const blockquoteNode = z.object({
  type: z.literal("blockquote"),
  content: list(blockSchema, "content").min(1, BODY_MESSAGES.emptyQuote),
});

const docNode = z.object(
  {
    type: z.literal("doc", { error: BODY_MESSAGES.notDoc }),
    content: list(blockSchema, "content").default([]),
  },
  { error: BODY_MESSAGES.notDoc },
);

// ---- Limits -------------------------------------------------------------------------------

/** Size of the JSON in UTF-8 bytes, or null when it cannot be serialized at all. */
function jsonBytes(input: unknown): number | null {
  try {
    const json = JSON.stringify(input);
    return json === undefined ? null : new TextEncoder().encode(json).length;
  } catch {
    return null; // cycles, BigInt, absurd nesting
  }
}

function sizeError(input: unknown): string | null {
  const bytes = jsonBytes(input);
  if (bytes === null) return BODY_MESSAGES.unreadable;
  return bytes > BODY_LIMITS.maxJsonBytes ? BODY_MESSAGES.tooLarge : null;
}

/**
 * One iterative pass over the raw input before the recursive schema sees it: depth, node count,
 * and unknown node or mark types (reported by name wherever they sit).
 */
function scanLimits(input: unknown): string | null {
  const stack: { node: unknown; depth: number }[] = [{ node: input, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (typeof node !== "object" || node === null) continue;
    if (depth > BODY_LIMITS.maxDepth) return BODY_MESSAGES.tooDeep;
    if (++nodes > BODY_LIMITS.maxNodes) return BODY_MESSAGES.tooManyNodes;
    const { type, marks, content } = node as { type?: unknown; marks?: unknown; content?: unknown };
    if (typeof type === "string" && !isNoteNodeType(type)) return BODY_MESSAGES.unknownNode(type);
    if (Array.isArray(marks)) {
      for (const mark of marks as unknown[]) {
        const markType = (mark as { type?: unknown } | null)?.type;
        if (typeof markType === "string" && !isNoteMarkType(markType))
          return BODY_MESSAGES.unknownMark(markType);
      }
    }
    if (Array.isArray(content)) {
      for (let i = content.length - 1; i >= 0; i--)
        stack.push({ node: content[i] as unknown, depth: depth + 1 });
    }
  }
  return null;
}

/** Plain text length in code points, so an emoji counts as one character. */
const textLength = (text: string) => Array.from(text).length;

/**
 * The Tiptap JSON a client may send. Output: a clean copy of the document, with unknown keys and
 * attributes dropped. Limits and unknown types are checked before the structure.
 */
export const tiptapDocSchema: z.ZodType<TiptapDoc, unknown> = z
  .unknown()
  .superRefine((input, ctx) => {
    // The iterative scan first: it stops absurd nesting before anything recursive runs.
    const error = scanLimits(input) ?? sizeError(input);
    if (error !== null) ctx.addIssue({ code: "custom", message: error });
  })
  .pipe(docNode)
  // A second pipe, so the text checks only ever see a document that passed the structure.
  .pipe(
    z.custom<TiptapDoc>().superRefine((doc, ctx) => {
      const length = textLength(docToText(doc));
      if (length === 0) ctx.addIssue({ code: "custom", message: BODY_MESSAGES.empty });
      else if (length > BODY_LIMITS.maxTextLength)
        ctx.addIssue({ code: "custom", message: BODY_MESSAGES.tooLong(length) });
    }),
  );

// ---- Rendering ----------------------------------------------------------------------------

/** Marks nest in this order, outermost first, so equal formatting always gives equal HTML. */
const MARK_ORDER: TextMark["type"][] = ["link", "bold", "italic", "underline", "strike", "code"];
const MARK_TAGS: Record<SimpleMark["type"], string> = {
  bold: "strong",
  italic: "em",
  underline: "u",
  strike: "s",
  code: "code",
};

export function sortMarks(marks: readonly TextMark[] = []): TextMark[] {
  const unique = new Map<TextMark["type"], TextMark>();
  for (const mark of marks) if (!unique.has(mark.type)) unique.set(mark.type, mark);
  return MARK_ORDER.flatMap((type) => unique.get(type) ?? []);
}

function textHtml(node: TextNode): string {
  return sortMarks(node.marks).reduceRight((inner, mark) => {
    if (mark.type === "link") {
      const href = escapeHtml(mark.attrs.href);
      return `<a href="${href}" rel="${LINK_REL}" target="${LINK_TARGET}">${inner}</a>`;
    }
    const tag = MARK_TAGS[mark.type];
    return `<${tag}>${inner}</${tag}>`;
  }, escapeHtml(node.text));
}

function blockHtml(node: BlockNode): string {
  switch (node.type) {
    case "paragraph":
      return `<p>${(node.content ?? []).map((n) => (n.type === "text" ? textHtml(n) : "<br>")).join("")}</p>`;
    case "bulletList":
      return `<ul>${node.content.map(itemHtml).join("")}</ul>`;
    case "orderedList": {
      const start = node.attrs?.start;
      const attr = start === undefined || start === 1 ? "" : ` start="${start}"`;
      return `<ol${attr}>${node.content.map(itemHtml).join("")}</ol>`;
    }
    case "blockquote":
      return `<blockquote>${node.content.map(blockHtml).join("")}</blockquote>`;
  }
}

const itemHtml = (item: ListItemNode) => `<li>${item.content.map(blockHtml).join("")}</li>`;

/** HTML for a validated document; every text and attribute value escaped. */
export function docToHtml(doc: TiptapDoc): string {
  return doc.content.map(blockHtml).join("");
}

function collectLines(blocks: readonly BlockNode[], lines: string[]): void {
  for (const block of blocks) {
    if (block.type === "paragraph") {
      lines.push((block.content ?? []).map((n) => (n.type === "text" ? n.text : "\n")).join(""));
    } else if (block.type === "blockquote") {
      collectLines(block.content, lines);
    } else {
      for (const item of block.content) collectLines(item.content, lines);
    }
  }
}

/** Plain text: one line per paragraph (list items and quotes included), trimmed. */
export function docToText(doc: TiptapDoc): string {
  const lines: string[] = [];
  collectLines(doc.content, lines);
  return lines.join("\n").trim();
}

// ---- Entry points -------------------------------------------------------------------------

/** Validate a body from a client and render it: the only way a body reaches the database. */
export function parseBody(input: unknown): BodyResult {
  // An editor that was never typed in sends nothing at all.
  if (input === undefined) return { ok: false, error: BODY_MESSAGES.empty };
  const parsed = tiptapDocSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, error: parsed.error.issues[0]?.message ?? BODY_MESSAGES.unreadable };
  }
  const doc = parsed.data;
  return { ok: true, doc, html: sanitizeBodyHtml(docToHtml(doc)), text: docToText(doc) };
}

/** What an empty editor holds. */
export function emptyBody(): TiptapDoc {
  return { type: "doc", content: [{ type: "paragraph" }] };
}
