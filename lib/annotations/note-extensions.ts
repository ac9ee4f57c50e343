import Link from "@tiptap/extension-link";
import StarterKit from "@tiptap/starter-kit";
import { isSafeHref } from "@/lib/validations/url";

// The Tiptap extensions of the note editor, in one place: the browser's editor is built from
// them, and the tests derive the editor's schema from them to check that everything it can
// produce is accepted by the server's body schema (lib/annotations/body.ts).

/** Headings, code blocks and rules are left out: a seminar note does not need them. */
export function noteExtensions() {
  return [
    StarterKit.configure({
      heading: false,
      codeBlock: false,
      horizontalRule: false,
      link: false,
    }),
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
