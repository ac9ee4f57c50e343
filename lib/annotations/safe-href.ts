// Which link addresses a note may carry. Its own module (no sanitize-html) because the browser's
// link editor asks the same question before the server does: one rule, checked in both places.

// Characters browsers strip or ignore inside URLs ("java\tscript:"), plus invisible and
// direction-changing ones that disguise a link. Any of them anywhere makes the link unusable.
const URL_TRICK_CHARS =
  /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\ufff9-\ufffb]/u;
const ALLOWED_PREFIX = /^(?:https?:\/\/|mailto:)/i;
export const MAX_HREF_LENGTH = 2048;

/** What a person is told when an address is refused, in the editor and by the server alike. */
export const LINK_SCHEME_MESSAGE =
  "Links must start with http://, https:// or mailto: (and contain no spaces).";

/**
 * True when `href` is an absolute http:, https: or mailto: URL with nothing hidden in it. Relative
 * and protocol-relative URLs are refused too: a note's link must say where it goes.
 */
export function isSafeHref(href: unknown): href is string {
  if (typeof href !== "string" || href.length > MAX_HREF_LENGTH) return false;
  if (URL_TRICK_CHARS.test(href) || !ALLOWED_PREFIX.test(href)) return false;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (url.protocol === "mailto:") return url.pathname.length > 0;
  // "https://trusted.example@evil.example/" reads as the first host and goes to the second.
  if (url.username || url.password) return false;
  return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
}

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
