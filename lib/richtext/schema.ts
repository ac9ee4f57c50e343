// The one definition of what a note (and a reply, and an assignment's instructions) may contain.
// The browser's editor is configured from it (editor-extensions.ts) and the server's validator
// checks against it (body.ts), so the two cannot drift: a test builds the editor's ProseMirror
// schema and asserts it holds exactly these types.

/** Paragraphs, line breaks, bulleted and numbered lists, quotes: no headings, code blocks or rules. */
export const NOTE_NODE_TYPES = [
  "doc",
  "paragraph",
  "text",
  "hardBreak",
  "bulletList",
  "orderedList",
  "listItem",
  "blockquote",
] as const;

export const NOTE_MARK_TYPES = ["bold", "italic", "code", "strike", "underline", "link"] as const;

export type NoteNodeType = (typeof NOTE_NODE_TYPES)[number];
export type NoteMarkType = (typeof NOTE_MARK_TYPES)[number];

const NODES: ReadonlySet<string> = new Set(NOTE_NODE_TYPES);
const MARKS: ReadonlySet<string> = new Set(NOTE_MARK_TYPES);

export const isNoteNodeType = (type: string): type is NoteNodeType => NODES.has(type);
export const isNoteMarkType = (type: string): type is NoteMarkType => MARKS.has(type);
