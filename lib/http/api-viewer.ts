import "server-only";
import { viewerForBearer } from "@/lib/auth/api-tokens";
import { jsonError } from "./respond";
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
