import {
  DATABASE_UNAVAILABLE_MESSAGE,
  isDatabaseUnavailable,
  outageSummary,
} from "@/lib/db/unavailable";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { BODY_SIZE_LIMITS } from "@/lib/limits";
import { readAtMost } from "./read-at-most";
import { failureStatus, type Outcome } from "@/lib/outcome";
import { depthOf } from "@/lib/security/request-guard";
import { hasLoneSurrogate } from "@/lib/validations/text";
import type { ZodSafeParseResult } from "zod";

// JSON API responses: errors always as { error: { status, message } } with the right status code.

export function jsonError(status: number, message: string, headers?: HeadersInit): Response {
  return Response.json({ error: { status, message } }, { status, headers });
}

/**
 * `fields` and then `"rows"`, whose items are already JSON text (built by PostgreSQL: the lists of
 * lib/annotations), joined as they are rather than parsed and serialised again.
 */
export function jsonWithRows(fields: Record<string, unknown>, rows: readonly string[]): Response {
  const head = JSON.stringify(fields).slice(1, -1);
  return new Response(`{${head}${head ? "," : ""}"rows":[${rows.join(",")}]}`, {
    headers: { "Content-Type": "application/json" },
  });
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

/** The body as text, or null once it passes `limitBytes` (see readAtMost). */
async function readLimited(request: Request, limitBytes: number): Promise<string | null> {
  return (await readAtMost(request.body, limitBytes))?.toString("utf8") ?? null;
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
  if (depthOf(text) > MAX_JSON_DEPTH)
    return {
      ok: false,
      response: jsonError(
        400,
        `The request body is nested more than ${MAX_JSON_DEPTH} levels deep.`,
      ),
    };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, response: jsonError(400, "The request body is not valid JSON.") };
  }
  const bad = unstorableString(value);
  if (bad)
    return {
      ok: false,
      response: jsonError(400, `The request body has ${bad} in a text: remove it and send again.`),
    };
  return { ok: true, value };
}

/** Deeper than any note, selection or import Memcon reads. */
const MAX_JSON_DEPTH = 64;

/** PostgreSQL cannot store NUL or half a surrogate pair: name the first one found, if any. */
function unstorableString(value: unknown): string | null {
  if (typeof value === "string") {
    if (value.includes("\u0000")) return "a NUL character";
    if (hasLoneSurrogate(value)) return "broken Unicode (half of a surrogate pair)";
    return null;
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      const bad = unstorableString(item);
      if (bad) return bad;
    }
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const bad = unstorableString(key) ?? unstorableString(item);
      if (bad) return bad;
    }
  }
  return null;
}

/**
 * Read a JSON body and parse it with `schema`: the typed value, or the response to send (413,
 * 400 for JSON that is not JSON, 400 with the first problem's sentence for the wrong shape).
 */
export async function readBody<T>(
  request: Request,
  schema: { safeParse(value: unknown): ZodSafeParseResult<T> },
  limitBytes = BODY_SIZE_LIMITS.apiBytes,
): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  const body = await readJson(request, limitBytes);
  if (!body.ok) return body;
  const parsed = schema.safeParse(body.value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
  return { ok: false, response: jsonError(400, `${where}${issue?.message ?? "Invalid request."}`) };
}
