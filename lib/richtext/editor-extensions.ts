import Link from "@tiptap/extension-link";
import StarterKit from "@tiptap/starter-kit";
import { isSafeHref } from "@/lib/validations/url";
import { isNoteMarkType, isNoteNodeType } from "./schema";

// The Tiptap extensions of the note editor, derived from the one node and mark set (schema.ts):
// the tests build the editor's schema from them and check it holds exactly that set, and that
// everything it can produce is accepted by the server's validator (body.ts).

/** StarterKit's content extensions, by option name, with the node or mark type each one adds. */
const STARTER_KIT_CONTENT = {
  document: "doc",
  paragraph: "paragraph",
  text: "text",
  hardBreak: "hardBreak",
  bulletList: "bulletList",
  orderedList: "orderedList",
  listItem: "listItem",
  blockquote: "blockquote",
  heading: "heading",
  codeBlock: "codeBlock",
  horizontalRule: "horizontalRule",
  bold: "bold",
  italic: "italic",
  code: "code",
  strike: "strike",
  underline: "underline",
} as const;

/** StarterKit with every content type that schema.ts does not allow turned off. */
function starterKitOptions() {
  const off: Record<string, false> = { link: false }; // the link is configured below
  for (const [option, type] of Object.entries(STARTER_KIT_CONTENT))
    if (!isNoteNodeType(type) && !isNoteMarkType(type)) off[option] = false;
  return off;
}

export function noteExtensions() {
  return [
    StarterKit.configure(starterKitOptions()),
    // Not "inclusive": words typed right after a link are not part of it (Tiptap makes links
    // inclusive when auto-linking is on, so a sentence typed after a linked word joined the link).
    Link.extend({ inclusive: () => false }).configure({
      openOnClick: false,
      // Typed and pasted web addresses become links as they are written.
      autolink: true,
      linkOnPaste: true,
      protocols: ["http", "https", "mailto"],
      defaultProtocol: "https",
      // The same rule as the server's: anything else is left as plain text.
      isAllowedUri: (url) => isSafeHref(url),
      shouldAutoLink: (url) => isSafeHref(url.includes(":") ? url : `https://${url}`),
    }),
  ];
}
