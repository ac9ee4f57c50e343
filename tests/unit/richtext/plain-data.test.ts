import { createRequire } from "node:module";
import { getSchema } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { parseBody } from "@/lib/richtext/body";
import { noteExtensions } from "@/lib/richtext/editor-extensions";
import { toPlainData } from "@/lib/richtext/plain-data";
import { NOTE_MARK_TYPES, NOTE_NODE_TYPES } from "@/lib/richtext/schema";

// The editor's documents reach the server through React's server-action encoder. ProseMirror
// builds attrs objects without a prototype, which that encoder sends as "$T" (a temporary
// reference), not as data: a note with a link could not be saved. Every node and mark the editor
// can make is built here through the editor's own schema, sent through the real encoder, and
// parsed by the server's body schema.

const require = createRequire(import.meta.url);
const { encodeReply, createTemporaryReferenceSet } =
  require("next/dist/compiled/react-server-dom-webpack/client.edge.js") as {
    encodeReply: (value: unknown, options: { temporaryReferences: unknown }) => Promise<unknown>;
    createTemporaryReferenceSet: () => unknown;
  };

const schema = getSchema(noteExtensions());
const text = (value: string, marks?: object[]) => ({ type: "text", text: value, marks });
const paragraph = (...content: object[]) => ({ type: "paragraph", content });
const item = (value: string) => ({ type: "listItem", content: [paragraph(text(value))] });

const EVERYTHING = {
  type: "doc",
  content: [
    paragraph(
      text("bold", [{ type: "bold" }]),
      text(" italic", [{ type: "italic" }]),
      text(" code", [{ type: "code" }]),
      text(" struck", [{ type: "strike" }]),
      text(" underlined", [{ type: "underline" }]),
      { type: "hardBreak" },
      text("a link", [{ type: "link", attrs: { href: "https://history.state.gov/" } }]),
      text(" mail", [{ type: "link", attrs: { href: "mailto:seminar@example.edu" } }]),
    ),
    { type: "bulletList", content: [item("one"), item("two")] },
    { type: "orderedList", attrs: { start: 3 }, content: [item("three")] },
    { type: "blockquote", content: [paragraph(text("quoted"))] },
  ],
};

/** The document as the editor holds it: built by ProseMirror, attrs without a prototype. */
const asTheEditorHasIt = () => schema.nodeFromJSON(EVERYTHING).toJSON() as unknown;

const sent = async (body: unknown) =>
  JSON.stringify(
    await encodeReply([{ body }], { temporaryReferences: createTemporaryReferenceSet() }),
  );

describe("what the editor sends to a server action", () => {
  it("loses link and list attributes when sent as the editor holds them (the bug)", async () => {
    expect(await sent(asTheEditorHasIt())).toContain('\\"$T\\"');
  });

  it("arrives whole as plain data, and the server accepts every node and mark", async () => {
    const body = toPlainData(asTheEditorHasIt());
    const wire = await sent(body);
    expect(wire).not.toContain("$T");
    expect(wire).toContain("https://history.state.gov/");
    const parsed = parseBody(JSON.parse(JSON.stringify(body)));
    expect(parsed.ok, parsed.ok ? "" : parsed.error).toBe(true);
    if (!parsed.ok) return;
    for (const tag of [
      "<strong>",
      "<em>",
      "<code>",
      "<s>",
      "<u>",
      "<br",
      "<ul>",
      '<ol start="3">',
      "<blockquote>",
    ])
      expect(parsed.html).toContain(tag);
    expect(parsed.html).toContain('href="https://history.state.gov/"');
    expect(parsed.html).toContain('href="mailto:seminar@example.edu"');
  });

  it("leaves an editor that sent nothing as nothing", () => {
    expect(toPlainData(undefined)).toBeUndefined();
  });
});

describe("the editor and the server share one node and mark set", () => {
  it("the editor's schema holds exactly lib/richtext/schema.ts's types", () => {
    expect(Object.keys(schema.nodes).sort()).toEqual([...NOTE_NODE_TYPES].sort());
    expect(Object.keys(schema.marks).sort()).toEqual([...NOTE_MARK_TYPES].sort());
  });
});
