// Cross-site request forgery on the JSON API. SameSite=Lax keeps the session cookie off requests
// from other sites, but not from other origins of the same site (a sibling subdomain, a student
// project on the same university domain), and a `text/plain` POST needs no CORS preflight. So a
// write that proves itself with the session cookie must come from Memcon's own origin, as the
// browser reports it (Sec-Fetch-Site, else Origin), and carry a JSON content type, which no
// form and no "simple" cross-origin request can send. Personal API tokens are not sent by
// browsers on their own, so calls made with one are not subject to this.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

export type WriteCheck = { ok: true } | { ok: false; status: 403 | 415; message: string };

/** The host this request was addressed to (behind a proxy, the one the browser used). */
function requestHost(headers: Headers): string | null {
  return headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
}

/**
 * Did the browser say this request comes from Memcon's own origin? Sec-Fetch-Site when sent,
 * and Origin (compared with the host, as Next.js compares it for server actions) when sent; a
 * request with neither is not from a browser page, so it carries no one else's cookies.
 */
export function isSameOrigin(headers: Headers): boolean {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return false;
  const origin = headers.get("origin");
  if (origin === null) return true;
  try {
    return origin !== "null" && new URL(origin).host === requestHost(headers);
  } catch {
    return false;
  }
}

/** What a route's writes carry: JSON (the default), or also a file upload (multipart). */
export type BodyKind = "json" | "multipart";
const MULTIPART_TYPE = /^multipart\/form-data\s*;/i;

/**
 * Is a cookie-authenticated request with this method and these headers a same-origin write?
 * Its body must be JSON, or multipart for a route that takes files (`accepts`); a write with no
 * body at all (a DELETE, a "publish") needs no type, since no HTML form can send one.
 */
export function checkCookieWrite(
  method: string,
  headers: Headers,
  accepts: readonly BodyKind[] = ["json"],
): WriteCheck {
  if (SAFE_METHODS.has(method.toUpperCase())) return { ok: true };
  if (!isSameOrigin(headers))
    return {
      ok: false,
      status: 403,
      message:
        "This request came from another site or origin, so your session cannot be used for it. Use Memcon's own pages, or send a personal API token.",
    };
  const type = headers.get("content-type");
  const length = headers.get("content-length");
  const bodiless = type === null && (length === null || length === "0");
  if (bodiless) return { ok: true };
  const fits =
    JSON_TYPE.test(type ?? "") ||
    (accepts.includes("multipart") && MULTIPART_TYPE.test(type ?? ""));
  if (!fits)
    return {
      ok: false,
      status: 415,
      message: accepts.includes("multipart")
        ? "Send the request body as JSON (Content-Type: application/json) or as a file upload (multipart/form-data)."
        : "Send the request body as JSON, with Content-Type: application/json.",
    };
  return { ok: true };
}
