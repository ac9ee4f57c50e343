import {
  DATABASE_UNAVAILABLE_MESSAGE,
  isDatabaseUnavailable,
  outageSummary,
} from "@/lib/db/unavailable";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { BODY_SIZE_LIMITS } from "@/lib/limits";
import { failureStatus, type Outcome } from "@/lib/outcome";

// JSON API responses: errors always as { error: { status, message } } with the right status code.

export function jsonError(status: number, message: string, headers?: HeadersInit): Response {
  return Response.json({ error: { status, message } }, { status, headers });
}

/** The response for a refused operation: 422/409, or 429 with Retry-After. */
export function outcomeError(outcome: Extract<Outcome<unknown>, { ok: false }>): Response {
  const retry = outcome.code === "rate_limited" ? outcome.retryAfterSeconds : undefined;
  return jsonError(
    failureStatus(outcome),
    outcome.error,
    retry ? { "Retry-After": String(retry) } : undefined,
  );
}

/**
 * Run a handler; expected refusals become 404/403, a database that is down or restarting a 503
 * with Retry-After (clients may retry), anything else a 500 without internals.
 */
export async function handle(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof NotFoundError) return jsonError(404, error.message);
    if (error instanceof ForbiddenError) return jsonError(403, error.message);
    if (isDatabaseUnavailable(error)) {
      console.error(`[memcon] database unavailable: ${outageSummary(error)}`);
      return jsonError(503, DATABASE_UNAVAILABLE_MESSAGE, { "Retry-After": "5" });
    }
    console.error(error);
    return jsonError(500, "The server could not complete this request. Try again later.");
  }
}

const tooLarge = (limitBytes: number) =>
  jsonError(413, `The request body is larger than ${Math.round(limitBytes / 1024)} kB.`);

/**
 * The body as text, or null once it passes `limitBytes`. Counted while streaming, so a client
 * that lies about (or omits) Content-Length cannot make the server buffer more than the limit.
 */
async function readLimited(request: Request, limitBytes: number): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Read a JSON body with a size limit (413 before parsing); a clear 400 when it is not JSON. */
export async function readJson(
  request: Request,
  limitBytes = BODY_SIZE_LIMITS.apiBytes,
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > limitBytes) return { ok: false, response: tooLarge(limitBytes) };
  const text = await readLimited(request, limitBytes);
  if (text === null) return { ok: false, response: tooLarge(limitBytes) };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, response: jsonError(400, "The request body is not valid JSON.") };
  }
}
