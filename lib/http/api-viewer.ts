import "server-only";
import { viewerForBearer } from "@/lib/auth/api-tokens";
import { handle, jsonError } from "./respond";
import type { Viewer } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/viewer";
import { getPrisma } from "@/lib/db";
import { checkCookieWrite, type BodyKind } from "@/lib/security/request-origin";

/** Who calls the API: a personal token (Authorization: Bearer) or the browser session. */
export async function apiViewer(request: Request): Promise<Viewer | null | "bad-token"> {
  const header = request.headers.get("authorization");
  if (header) {
    return (await viewerForBearer(getPrisma(), header)) ?? "bad-token";
  }
  // No cookie, no session: skip the session lookup altogether.
  if (!request.headers.get("cookie")) return null;
  return getViewer();
}

/**
 * The API caller, or the response to send back: 401 without a valid session or token; for a
 * write authenticated by the session cookie, 403 from another origin and 415 without a JSON
 * body (lib/security/request-origin.ts). Every route handler asks this, so every write is covered.
 */
export async function requireApiViewer(
  request: Request,
  { accepts }: { accepts?: readonly BodyKind[] } = {},
): Promise<Viewer | Response> {
  const viewer = await apiViewer(request);
  if (viewer === "bad-token")
    return jsonError(401, "That API token is not valid (revoked or mistyped).");
  if (!viewer)
    return jsonError(401, "Sign in, or send a personal API token: Authorization: Bearer <token>.");
  if (!request.headers.get("authorization")) {
    const write = checkCookieWrite(request.method, request.headers, accepts);
    if (!write.ok) return jsonError(write.status, write.message);
  }
  return viewer;
}

/** What a route handler wrapped by withApiViewer is given. */
export interface ApiCall<P> {
  request: Request;
  viewer: Viewer;
  /** The route's dynamic segments, already awaited. */
  params: P;
}

/**
 * A route handler for signed-in callers: `handle`'s error mapping (404/403/503, never a stack
 * trace), then requireApiViewer's 401/403/415, then the handler with the viewer and the params.
 * Every API route handler is one of these, so none can forget the first two steps.
 */
export function withApiViewer<P = Record<string, never>>(
  handler: (call: ApiCall<P>) => Promise<Response>,
  options: { accepts?: readonly BodyKind[] } = {},
): (request: Request, context?: { params: Promise<P> }) => Promise<Response> {
  return (request, context) =>
    handle(async () => {
      const viewer = await requireApiViewer(request, options);
      if (viewer instanceof Response) return viewer;
      // A route without dynamic segments is called without a context (and so are tests).
      return handler({ request, viewer, params: ((await context?.params) ?? {}) as P });
    });
}
