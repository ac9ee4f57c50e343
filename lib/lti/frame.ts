import { jwtVerify, SignJWT } from "jose";

// Launched pages live inside the learning platform's iframe. Every other page keeps
// `frame-ancestors 'none'`; a page opened by a launch may be framed by that platform's origins
// only. The launch leaves a signed note of those origins (a cookie, partitioned under HTTPS, and
// a query parameter on the landing page for browsers that drop third-party cookies); proxy.ts
// asks `frameAncestorsFor` and relaxes the policy only when the request is an iframe's and the
// note verifies. Signed with AUTH_SECRET (HS256): nobody else can name origins for it.

export const FRAME_COOKIE = "memcon.lti-frame";
export const FRAME_PARAM = "frame";
export const FRAME_LIFETIME_S = 12 * 60 * 60;
/** Paths whose refusals are shown inside the platform's frame (they hold no action to trick anyone into). */
const LTI_ENTRY_PATHS = ["/api/lti/login", "/api/lti/launch"];
const REGISTRATION_PATH = "/api/lti/register";
export const LANDING_PATH = "/lti/open";

function secret(env: Record<string, string | undefined>) {
  const value = env.AUTH_SECRET;
  return value ? new TextEncoder().encode(`lti-frame:${value}`) : null;
}

export function originOf(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.origin : null;
  } catch {
    return null;
  }
}

/** The origins that may frame a launch from this platform. */
export function platformFrameOrigins(
  registration: { issuer: string; frameOrigins: string[] },
  returnUrl?: string,
): string[] {
  const origins = [
    ...registration.frameOrigins,
    originOf(registration.issuer),
    originOf(returnUrl),
  ].filter((origin): origin is string => !!origin);
  return [...new Set(origins)];
}

export async function signFrameOrigins(
  origins: string[],
  env: Record<string, string | undefined> = process.env,
): Promise<string> {
  const key = secret(env);
  if (!key) throw new Error("AUTH_SECRET is required for LTI launches.");
  return new SignJWT({ origins })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuedAt()
    .setExpirationTime(`${FRAME_LIFETIME_S}s`)
    .sign(key);
}

async function verifyFrameOrigins(
  token: string | undefined,
  env: Record<string, string | undefined>,
) {
  const key = secret(env);
  if (!token || !key || token.length > 4000) return null;
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ["HS256"] });
    const origins = payload.origins;
    if (!Array.isArray(origins)) return null;
    const valid = origins.filter((origin): origin is string => originOf(origin) === origin);
    return valid.length > 0 ? valid : null;
  } catch {
    return null;
  }
}

export interface FramedRequest {
  pathname: string;
  searchParams: URLSearchParams;
  headers: Headers;
  cookie: (name: string) => string | undefined;
}

/**
 * The origins allowed to frame the answer to this request, or null to keep framing forbidden.
 */
export async function frameAncestorsFor(
  request: FramedRequest,
  env: Record<string, string | undefined> = process.env,
): Promise<string[] | null> {
  if (LTI_ENTRY_PATHS.includes(request.pathname)) {
    // A refused login or launch is explained inside the platform's frame: the page that sent it.
    const from =
      originOf(request.headers.get("origin")) ?? originOf(request.headers.get("referer"));
    return from ? [from] : null;
  }
  if (request.pathname === REGISTRATION_PATH) {
    // Dynamic registration runs in the frame of the platform whose configuration it names.
    const platform = originOf(request.searchParams.get("openid_configuration"));
    return platform ? [platform] : null;
  }
  if (request.headers.get("sec-fetch-dest") !== "iframe") return null;
  if (request.pathname === LANDING_PATH) {
    const fromParam = await verifyFrameOrigins(
      request.searchParams.get(FRAME_PARAM) ?? undefined,
      env,
    );
    if (fromParam) return fromParam;
  }
  return verifyFrameOrigins(request.cookie(FRAME_COOKIE), env);
}

export const DEEP_LINK_RESPONSE_PATH = "/api/lti/deep-link";
export const RETURN_ORIGIN_PARAM = "to";

/**
 * Origins the answer's forms may post to besides Memcon: the deep-linking answer posts the signed
 * content item back to the platform (the route checks that `to` is its return URL's origin).
 */
export function formActionsFor(request: FramedRequest): string[] | null {
  if (request.pathname !== DEEP_LINK_RESPONSE_PATH) return null;
  const origin = originOf(request.searchParams.get(RETURN_ORIGIN_PARAM));
  return origin ? [origin] : null;
}

/** Everything proxy.ts relaxes for LTI on this request (nothing, for almost every request). */
export async function ltiPolicyFor(
  request: FramedRequest,
  env: Record<string, string | undefined> = process.env,
) {
  return {
    frameAncestors: await frameAncestorsFor(request, env),
    formActions: formActionsFor(request),
  };
}
