import sanitizeHtml from "sanitize-html";
import { isSafeHref } from "@/lib/validations/url";

// The HTML allow-list for annotation bodies. Bodies rendered from Tiptap JSON pass through here as
// a second line of defence; bodies imported as HTML (W3C TextualBody, format text/html) pass
// through here as the only one, so nothing outside this list ever reaches a page.

/** Every link in a body gets these, whatever the input said. */
export const LINK_REL = "noopener noreferrer nofollow";
export const LINK_TARGET = "_blank";

const ALLOWED_TAGS = [
  "p",
  "br",
  "ul",
  "ol",
  "li",
  "blockquote",
  "strong",
  "em",
  "code",
  "s",
  "u",
  "a",
];
const ALLOWED_SCHEMES = ["http", "https", "mailto"];

// The URL rule is lib/validations/url.ts's, shared with every other place links enter.
export { isSafeHref };

/** A list's first number: a plain positive integer, or nothing. */
function safeStart(start: string | undefined): string | undefined {
  return start !== undefined && /^[1-9][0-9]{0,8}$/.test(start) ? start : undefined;
}

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ["href", "rel", "target"], ol: ["start"] },
  allowedSchemes: ALLOWED_SCHEMES,
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  allowedStyles: {},
  allowedClasses: {},
  disallowedTagsMode: "discard",
  // Elements whose content is code, markup or form state rather than prose: drop it whole.
  nonTextTags: [
    "script",
    "style",
    "textarea",
    "option",
    "select",
    "noscript",
    "noembed",
    "noframes",
    "template",
    "title",
    "xmp",
    "iframe",
    "object",
    "plaintext",
  ],
  transformTags: {
    b: "strong",
    i: "em",
    del: "s",
    strike: "s",
    h1: "p",
    h2: "p",
    h3: "p",
    h4: "p",
    h5: "p",
    h6: "p",
    // A link that fails the URL policy keeps its words but loses every attribute: an <a> without
    // href is inert. (Renaming it to a disallowed tag instead trips a sanitize-html bug that
    // closes the next link with </span>.)
    a: (_tagName, attribs): sanitizeHtml.Tag => {
      const safe: sanitizeHtml.Attributes = { rel: LINK_REL, target: LINK_TARGET };
      return isSafeHref(attribs.href)
        ? { tagName: "a", attribs: { href: attribs.href, ...safe } }
        : { tagName: "a", attribs: {} };
    },
    ol: (_tagName, attribs): sanitizeHtml.Tag => {
      const start = safeStart(attribs.start);
      return { tagName: "ol", attribs: start === undefined ? {} : { start } };
    },
  },
};

/** Reduce any HTML to the body allow-list: safe tags, safe links, no scripts, styles or handlers. */
export function sanitizeBodyHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

const BLOCK_TAGS = new Set(["p", "li", "ul", "ol", "blockquote"]);
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith("#")) {
      const code =
        name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}

/**
 * The plain text of body HTML: one line per paragraph or list item, <br> as a line break; the
 * same text lib/richtext/body.ts derives from the Tiptap document. The HTML is sanitized
 * first, so the scan below only ever sees the allow-listed, well-escaped subset.
 */
export function htmlToText(html: string): string {
  const clean = sanitizeBodyHtml(html);
  const lines: string[] = [];
  let current: string | null = null;
  const flush = () => {
    if (current !== null) lines.push(current);
    current = null;
  };
  // sanitize-html escapes every "<" and ">" in text and attribute values, so each match is a tag.
  for (const [token, tagName] of clean.matchAll(/<\/?([a-z0-9]+)[^>]*>|[^<]+/g)) {
    if (tagName === undefined) {
      const text = decodeEntities(token);
      if (current === null && text.trim() === "") continue; // whitespace between blocks
      current = (current ?? "") + text;
    } else if (tagName === "br") {
      current = (current ?? "") + "\n";
    } else if (BLOCK_TAGS.has(tagName)) {
      flush();
      if (tagName === "p" && !token.startsWith("</")) current = "";
    }
  }
  flush();
  return lines.join("\n").trim();
}
