"use client";

import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect } from "react";

// The annotation editor: Tiptap with only what a seminar note needs (bold, italic, links, lists,
// block quotes, inline code). Markdown shortcuts come with StarterKit ("**", "- ", "> ", "`").
// Pasted Word or Google Docs HTML is parsed into this schema, which drops their styles; their
// conditional comments and Office namespaces are stripped first.

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
    extensions: [
      StarterKit.configure({
        heading: false,
        codeBlock: false,
        horizontalRule: false,
        link: {
          openOnClick: false,
          autolink: true,
          protocols: ["http", "https", "mailto"],
          defaultProtocol: "https",
        },
      }),
    ],
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
    onUpdate: ({ editor: current }) => onChange(current.getJSON()),
  });

  useEffect(() => {
    if (editor) {
      onChange(editor.getJSON());
      editor.commands.focus("end");
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
    ["Link", "Link", () => promptForLink(editor), editor.isActive("link")],
  ];
  return (
    <div role="toolbar" aria-label="Formatting" className="toolbar">
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
    </div>
  );
}

function promptForLink(editor: Editor) {
  const previous = editor.getAttributes("link").href as string | undefined;
  const href = window.prompt("Link address (https://…)", previous ?? "https://");
  if (href === null) return;
  const chain = editor.chain().focus().extendMarkRange("link");
  if (href.trim() === "") chain.unsetLink().run();
  else chain.setLink({ href: href.trim() }).run();
}
