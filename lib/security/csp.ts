// Security headers for every page: a strict Content-Security-Policy with a fresh nonce per
// request (Next.js reads the nonce from the request's CSP header and puts it on its own
// scripts), plus the headers that need no nonce. proxy.ts applies them; this module only builds
// them, so it can be tested without a server.

/** 16 random bytes, base64: unguessable, and only characters a CSP nonce-source allows. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

const NONCE_PATTERN = /^[A-Za-z0-9+/]{16,}={0,2}$/;

export interface PolicyOptions {
  dev?: boolean;
  /** Origins that may frame this answer (a page opened by an LTI launch); none: no framing. */
  frameAncestors?: readonly string[] | null;
  /** Other origins forms may post to (an LTI deep-linking answer goes back to the platform). */
  formActions?: readonly string[] | null;
}

const ORIGIN_PATTERN = /^https?:\/\/[a-z0-9.-]+(:\d+)?$/i;

export function contentSecurityPolicy(
  nonce: string,
  { dev = false, frameAncestors = null, formActions = null }: PolicyOptions = {},
): string {
  // A nonce is pasted into a header: refuse anything that could end the directive.
  if (!NONCE_PATTERN.test(nonce)) throw new Error("A CSP nonce must be base64 (16+ characters).");
  // Origins are pasted into the header too: anything but a bare origin is dropped.
  const ancestors = (frameAncestors ?? []).filter((origin) => ORIGIN_PATTERN.test(origin));
  const formTargets = (formActions ?? []).filter((origin) => ORIGIN_PATTERN.test(origin));
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // 'strict-dynamic': scripts loaded by the nonced Next.js runtime (its chunks) are trusted;
    // 'self' is ignored by browsers that understand 'strict-dynamic' and kept for old ones.
    // React's development build evaluates code for its error overlay: 'unsafe-eval' in dev only.
    [
      "script-src",
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(dev ? ["'unsafe-eval'"] : []),
    ],
    // 'unsafe-inline' for styles, because the server renders style attributes (each speaker's
    // colour, a CSS custom property on every turn) and Tiptap injects ProseMirror's base
    // stylesheet as a <style> element. A nonce cannot cover attributes, and adding one would
    // make browsers ignore 'unsafe-inline'. Styles cannot run script; injected markup is
    // already stripped of style attributes by the annotation sanitizer.
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'"],
    // Same-origin fetches, server actions and the live updates' server-sent events.
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'", ...formTargets],
    ["frame-ancestors", ...(ancestors.length > 0 ? ancestors : ["'none'"])],
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/** Headers that do not change per request. */
export const staticSecurityHeaders: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  // Links to archives and sources get the origin, never a document URL with its #turn.
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // For browsers that predate frame-ancestors.
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

/** Everything proxy.ts needs for one request: the nonce, the policy, the response headers. */
export function securityHeadersFor(nonce: string, options: PolicyOptions = {}) {
  const policy = contentSecurityPolicy(nonce, options);
  const framed = policy.includes("frame-ancestors 'none'") === false;
  const headers: Record<string, string> = { ...staticSecurityHeaders };
  // X-Frame-Options cannot name origins; a framed page relies on frame-ancestors alone.
  if (framed) delete headers["X-Frame-Options"];
  return {
    policy,
    response: { "Content-Security-Policy": policy, ...headers } as Record<string, string>,
  };
}
