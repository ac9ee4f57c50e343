import { BODY_SIZE_LIMITS } from "@/lib/limits";
import { hasLoneSurrogate } from "@/lib/validations/text";
import { isSameOrigin } from "./request-origin";

// What every request must be before any page, server action or route handler sees it (run by
// proxy.ts). Each refusal is a 4xx with a sentence, where Next.js itself would answer some of
// these with a 500 (a foreign Origin on a server action, a body it cannot decode) or a page
// (DELETE on a page, 200) and the database others (NUL in a parameter).

export interface Refusal {
  status: 400 | 403 | 405 | 411 | 413;
  message: string;
  allow?: string;
}

const PAGE_METHODS = new Set(["GET", "HEAD", "POST"]);
const API_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
/** Deeper than any form or note Memcon sends; React would recurse over it. */
export const MAX_ACTION_DEPTH = 64;

const BAD_ADDRESS: Refusal = {
  status: 400,
  message:
    "The address contains characters that cannot be read (a NUL, a control character or broken UTF-8). Check the link.",
};

/** Each %-escape decodes to valid UTF-8, and nothing decodes to NUL or a control character. */
function readable(component: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(component.replace(/\+/g, " "));
  } catch {
    return false;
  }
  return (
    !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(decoded) && !hasLoneSurrogate(decoded)
  );
}

/** Refusals that need only the method, the address and the headers. */
export function refuseRequest(method: string, url: URL, headers: Headers): Refusal | null {
  const isApi = url.pathname.startsWith("/api/");
  const allowed = isApi ? API_METHODS : PAGE_METHODS;
  if (!allowed.has(method.toUpperCase()))
    return {
      status: 405,
      message: `${method.toUpperCase().slice(0, 20)} is not supported here.`,
      allow: [...allowed].join(", "),
    };
  if (!readable(url.pathname) || !readable(url.search.slice(1))) return BAD_ADDRESS;
  if (!isApi && method.toUpperCase() === "POST") {
    // A server action (Next's fetch with Next-Action, or a form posted without JavaScript).
    if (!isSameOrigin(headers))
      return {
        status: 403,
        message:
          "This form was sent from another site or origin, so it was not accepted. Open the page on Memcon and send it again.",
      };
    const length = headers.get("content-length");
    if (length === null)
      return { status: 411, message: "A form's data must be sent with its length." };
    if (!/^\d+$/.test(length) || Number(length) > BODY_SIZE_LIMITS.actionBytes)
      return {
        status: 413,
        message: `This form's data is larger than ${Math.round(BODY_SIZE_LIMITS.actionBytes / 1024)} kB. Shorten it and send it again.`,
      };
  }
  return null;
}

const UNREADABLE_FORM: Refusal = {
  status: 400,
  message:
    "This form's data could not be read (broken encoding, a NUL character or an unexpected structure). Reload the page and send it again.",
};

/**
 * React's reply encoding (its encodeReply): strings starting with `$` are references. Only what
 * the encoder emits for values a page of Memcon can send is let through: an escaped `$`
 * ("$$..."), undefined, the special numbers, dates, big integers, temporary references, FormData
 * ("$K1"), and references to a part the body actually contains: outlined values and paths into
 * them ("$1", "$0:0"), Maps, Sets, Blobs/Files and typed arrays ("$Q1", "$B2"). Anything else
 * ("$1" with no part 1, a promise "$@0", a server reference "$h", a stream) is a body React
 * cannot decode (a 500 in Next.js) or one no page of Memcon sends.
 */
function knownReference(value: string, parts: ReadonlySet<string>): boolean {
  if (/^\$(?:\$|[uIN-]|T$|D[\d+\-:.TZ]{4,40}$|n-?\d{1,300}$|K[0-9a-f]{1,8}$)/.test(value))
    return true;
  const part = value.match(/^\$[QWBAOoUSsLlGgMmVi]?([0-9a-f]{1,8})(?::.*)?$/s)?.[1];
  return part !== undefined && parts.has(part);
}

function wellFormed(value: unknown, parts: ReadonlySet<string>, depth = 0): boolean {
  if (depth > MAX_ACTION_DEPTH) return false;
  if (typeof value === "string")
    return (
      !value.includes("\u0000") &&
      !hasLoneSurrogate(value) &&
      (!value.startsWith("$") || knownReference(value, parts))
    );
  if (Array.isArray(value)) return value.every((item) => wellFormed(item, parts, depth + 1));
  if (value !== null && typeof value === "object")
    return Object.entries(value).every(
      ([key, item]) => !key.includes("\u0000") && wellFormed(item, parts, depth + 1),
    );
  return true;
}

/** Bracket depth of JSON text, counted before parsing (JSON.parse itself recurses). */
export function depthOf(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === "\\") index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "[" || char === "{") max = Math.max(max, ++depth);
    else if (char === "]" || char === "}") depth--;
  }
  return max;
}

/** `references: false` for a no-JavaScript form's bound arguments, which Next decodes itself. */
function jsonModel(text: string, parts: ReadonlySet<string>, references = true): boolean {
  if (depthOf(text) > MAX_ACTION_DEPTH) return false;
  try {
    const value: unknown = JSON.parse(text);
    return references ? wellFormed(value, parts) : true;
  } catch {
    return false;
  }
}

/**
 * A server action's body, before React decodes it: the JSON parts of the reply (the text/plain
 * body, or the numbered fields of a multipart one, and the bound arguments of a form posted
 * without JavaScript) must parse, stay shallow and use only known references; no field may
 * hold a NUL or broken Unicode.
 */
export function refuseActionBody(contentType: string, body: string | FormData): Refusal | null {
  if (typeof body === "string") {
    if (
      /^multipart\/form-data/i.test(contentType) ||
      /^application\/x-www-form-urlencoded/i.test(contentType)
    )
      return null; // read as FormData by the caller
    // A reply sent as one string is its part 0 ("$0:1" points into it).
    return jsonModel(body, new Set(["0"])) ? null : UNREADABLE_FORM;
  }
  const names = [...body.keys()];
  const parts = new Set(names.filter((name) => /^[0-9a-f]{1,8}$/.test(name)));
  for (const [name, value] of body.entries()) {
    if (name.includes("\u0000") || hasLoneSurrogate(name)) return UNREADABLE_FORM;
    if (typeof value !== "string") continue;
    if (value.includes("\u0000") || hasLoneSurrogate(value)) return UNREADABLE_FORM;
    if (parts.has(name) && !jsonModel(value, parts)) return UNREADABLE_FORM;
    if (/^\$ACTION_\d+:\d+$/.test(name) && !jsonModel(value, parts, false)) return UNREADABLE_FORM;
  }
  return null;
}

/**
 * Everything refuseRequest checks, then a server action's body (read from a copy: Next.js
 * still reads the original). The answer for a refusal: JSON under /api, a sentence elsewhere.
 */
export async function refusalFor(request: Request): Promise<Response | null> {
  const url = new URL(request.url);
  let refusal = refuseRequest(request.method, url, request.headers);
  if (!refusal && request.method.toUpperCase() === "POST" && !url.pathname.startsWith("/api/")) {
    const type = request.headers.get("content-type") ?? "";
    try {
      const body = /^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type)
        ? await request.clone().formData()
        : await request.clone().text();
      refusal = refuseActionBody(type, body);
    } catch {
      refusal = UNREADABLE_FORM;
    }
  }
  if (!refusal) return null;
  const headers: Record<string, string> = refusal.allow ? { Allow: refusal.allow } : {};
  return url.pathname.startsWith("/api/")
    ? Response.json(
        { error: { status: refusal.status, message: refusal.message } },
        { status: refusal.status, headers },
      )
    : new Response(`${refusal.message}\n`, {
        status: refusal.status,
        headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" },
      });
}
