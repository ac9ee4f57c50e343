import { hasLoneSurrogate } from "@/lib/validations/text";

// Where to send someone after signing in: only a path of this site. The candidate is parsed by
// the WHATWG URL parser, the one browsers use on a Location header, so whatever the parser drops
// or reinterprets (tabs, line breaks, backslashes, "/./", full-width dots) is seen exactly as the
// browser will see it; then only the serialized path of a same-origin result is handed back
// (printable ASCII, so it is always a valid header value).

/** Any origin works as the base: only "is the result on the base's origin" is asked. */
const BASE = "http://memcon.invalid";
const MAX_LENGTH = 2048;

/** Characters a browser strips or reinterprets before or inside a URL: refuse them outright. */
const INVISIBLE =
  /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/;

export function safeCallbackUrl(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length > MAX_LENGTH || !value.startsWith("/"))
    return fallback;
  if (INVISIBLE.test(value) || value.includes("\\") || hasLoneSurrogate(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" resolves to the path "//evil.example", which is protocol-relative when
  // sent back as a Location: check the result as the browser will read it.
  if (/^\/[/\\]/.test(path) || new URL(path, BASE).origin !== BASE) return fallback;
  return path;
}
