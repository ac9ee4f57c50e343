// The site's public address, on which exported ids and links are built. A request's Host header
// is whatever the client sent (or whichever internal name a proxy used), so an export made
// through http://10.0.0.7:3000 must still name https://memcon.example.edu. AUTH_URL is that
// public address (Auth.js reads it too); a local try-out without it falls back to the request's.

/** AUTH_URL's origin (plus any base path) when it is a valid http(s) URL, else the request's origin. */
export function publicBaseUrl(
  requestUrl: string,
  env: { AUTH_URL?: string | undefined } = { AUTH_URL: process.env.AUTH_URL },
): string {
  const configured = env.AUTH_URL?.trim();
  if (configured) {
    try {
      const url = new URL(configured);
      if (url.protocol === "https:" || url.protocol === "http:")
        return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
    } catch {
      // A malformed AUTH_URL: Auth.js refuses it at sign-in; the export uses the request's origin.
    }
  }
  return new URL(requestUrl).origin;
}
