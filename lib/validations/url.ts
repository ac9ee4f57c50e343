import { hasLoneSurrogate } from "./text";

// The one rule for every address Memcon turns into a link, wherever it enters: links in notes
// and replies (the editor, the API, pasted HTML, imports) and documents' archive addresses
// (content files and archive sources). Absolute http(s) (or, in notes, mailto) only, nothing
// hidden in it: no characters browsers strip or that disguise a link, and no user:password@
// part (https://trusted.example@evil.example reads as trusted.example to a person).

// Characters browsers strip or ignore inside URLs ("java\tscript:"), plus invisible and
// direction-changing ones that disguise a link. Any of them anywhere makes the link unusable.
const URL_TRICK_CHARS =
  /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\ufff9-\ufffb]/u;
const MAX_URL_LENGTH = 2048;

function parse(href: unknown, prefix: RegExp): URL | null {
  if (typeof href !== "string" || href.length > MAX_URL_LENGTH) return null;
  if (URL_TRICK_CHARS.test(href) || !prefix.test(href) || hasLoneSurrogate(href)) return null;
  try {
    return new URL(href);
  } catch {
    return null;
  }
}

/** An absolute http(s) address with a host and no credentials. */
export function isSafeWebUrl(href: unknown): href is string {
  const url = parse(href, /^https?:\/\//i);
  return (
    url !== null &&
    (url.protocol === "http:" || url.protocol === "https:") &&
    url.hostname.length > 0 &&
    url.username === "" &&
    url.password === ""
  );
}

/**
 * A link in a note: isSafeWebUrl, or mailto:. Relative and protocol-relative URLs are refused
 * too: a note's link must say where it goes.
 */
export function isSafeHref(href: unknown): href is string {
  if (typeof href === "string" && /^mailto:/i.test(href)) {
    const url = parse(href, /^mailto:/i);
    return url !== null && url.protocol === "mailto:" && url.pathname.length > 0;
  }
  return isSafeWebUrl(href);
}

/** Why a link was refused, in the words the forms and the API show. */
export const UNSAFE_LINK_MESSAGE =
  "Links must start with http://, https:// or mailto: (and contain no spaces or user:password@ part).";

/**
 * What a person types in the link box, as an address: "example.org/x" is meant as a web address
 * (https:// is added), "name@example.edu" as an email address (mailto:). Anything with a scheme is
 * left as typed, for isSafeHref to judge.
 */
export function normaliseHref(input: string): string {
  const href = input.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return href;
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(href)) return `mailto:${href}`;
  return `https://${href}`;
}
