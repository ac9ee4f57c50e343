"use client";

import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { useEffect, useId, useRef, useState } from "react";
import { noteExtensions } from "@/lib/richtext/editor-extensions";
import { toPlainData } from "@/lib/richtext/plain-data";
import { isSafeHref, UNSAFE_LINK_MESSAGE, normaliseHref } from "@/lib/validations/url";

// The annotation editor: Tiptap with only what a seminar note needs (bold, italic, links, lists,
// block quotes, inline code; see lib/richtext/editor-extensions.ts). Markdown shortcuts come with
// StarterKit ("**", "- ", "> ", "`"); typed and pasted web addresses become links. Pasted Word or
// Google Docs HTML is parsed into this schema, which drops their styles; their conditional
// comments and Office namespaces are stripped first.

export function cleanPastedHtml(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<\/?(o|w|m|v):[^>]*>/gi, "")
    .replace(/<style[\s\S]*?<\/style>/gi, "")
    .replace(/\s(class|style|lang)="[^"]*"/gi, "");
}

interface Props {
  initialContent?: unknown;
  label: string;
  onChange: (json: unknown) => void;
  onSubmitShortcut?: () => void;
}

export function NoteEditor({ initialContent, label, onChange, onSubmitShortcut }: Props) {
  const editor = useEditor({
    immediatelyRender: false,
    extensions: noteExtensions(),
    content: (initialContent as object | undefined) ?? "",
    editorProps: {
      attributes: {
        "aria-label": label,
        role: "textbox",
        "aria-multiline": "true",
        class: "note-editor-content",
      },
      transformPastedHTML: cleanPastedHtml,
      handleKeyDown: (_view, event) => {
        if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
          onSubmitShortcut?.();
          return true;
        }
        return false;
      },
    },
    // Plain data only: see toPlainData (server actions cannot carry ProseMirror's attrs objects).
    onUpdate: ({ editor: current }) => onChange(toPlainData(current.getJSON())),
  });

  useEffect(() => {
    if (editor) {
      onChange(toPlainData(editor.getJSON()));
      // Focus without scrolling: the page must not jump when the editor opens.
      editor.commands.focus("end", { scrollIntoView: false });
    }
    // The editor is created once per opening; later changes arrive through onUpdate.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor]);

  return (
    <div className="note-editor">
      {editor && <Toolbar editor={editor} />}
      <EditorContent editor={editor} />
    </div>
  );
}

function Toolbar({ editor }: { editor: Editor }) {
  const [editingLink, setEditingLink] = useState(false);
  const chain = () => editor.chain().focus();
  const tools: [string, string, () => void, boolean][] = [
    ["B", "Bold (Ctrl+B)", () => chain().toggleBold().run(), editor.isActive("bold")],
    ["I", "Italic (Ctrl+I)", () => chain().toggleItalic().run(), editor.isActive("italic")],
    ["</>", "Inline code", () => chain().toggleCode().run(), editor.isActive("code")],
    ["•", "Bulleted list", () => chain().toggleBulletList().run(), editor.isActive("bulletList")],
    [
      "1.",
      "Numbered list",
      () => chain().toggleOrderedList().run(),
      editor.isActive("orderedList"),
    ],
    ["❝", "Block quote", () => chain().toggleBlockquote().run(), editor.isActive("blockquote")],
  ];
  return (
    <>
      <div role="toolbar" aria-label="Formatting" className="editor-toolbar">
        {tools.map(([name, label, run, active]) => (
          <button
            key={label}
            type="button"
            className="tool"
            aria-pressed={active}
            aria-label={label}
            title={label}
            onMouseDown={(event) => event.preventDefault()}
            onClick={run}
          >
            {name}
          </button>
        ))}
        <button
          type="button"
          className="tool"
          aria-pressed={editor.isActive("link")}
          aria-expanded={editingLink}
          title="Link"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => setEditingLink((open) => !open)}
        >
          Link
        </button>
      </div>
      {editingLink && <LinkEditor editor={editor} onClose={() => setEditingLink(false)} />}
    </>
  );
}

/**
 * The link popover under the toolbar: the address of the link at the cursor (or of the words
 * selected), to add, change or remove. Only addresses the server will accept are applied; anything
 * else is refused here with the server's own sentence.
 */
function LinkEditor({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const current = (editor.getAttributes("link").href as string | undefined) ?? "";
  const [href, setHref] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  useEffect(() => input.current?.focus({ preventScroll: true }), []);

  function close() {
    onClose();
    editor.commands.focus(undefined, { scrollIntoView: false });
  }
  function apply() {
    if (href.trim() === "") return setError("Write the link's address, or press Remove link.");
    const address = normaliseHref(href);
    if (!isSafeHref(address)) return setError(UNSAFE_LINK_MESSAGE);
    const { empty } = editor.state.selection;
    const chain = editor.chain().focus().extendMarkRange("link");
    if (empty && !editor.isActive("link")) {
      // Nothing selected: the address itself becomes the linked words.
      chain
        .insertContent({
          type: "text",
          text: address,
          marks: [{ type: "link", attrs: { href: address } }],
        })
        .run();
    } else chain.setLink({ href: address }).run();
    onClose();
  }
  function remove() {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    onClose();
  }

  return (
    <div
      className="link-editor"
      role="group"
      aria-label="Link"
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          event.stopPropagation();
          close();
        }
      }}
    >
      <label htmlFor={`${id}-href`}>Link address</label>
      <input
        ref={input}
        id={`${id}-href`}
        type="text"
        inputMode="url"
        autoComplete="url"
        placeholder="https://…"
        value={href}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => {
          setHref(event.target.value);
          setError(null);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            apply();
          }
        }}
      />
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="link-editor-actions">
        <button type="button" onClick={apply}>
          {current ? "Update link" : "Add link"}
        </button>
        {current && (
          <button type="button" className="secondary" onClick={remove}>
            Remove link
          </button>
        )}
        <button type="button" className="secondary" onClick={close}>
          Cancel
        </button>
      </div>
    </div>
  );
}
