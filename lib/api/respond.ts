import { ForbiddenError, NotFoundError } from "@/lib/errors";

// JSON API responses: errors always as { error: { status, message } } with the right status code.

export function jsonError(status: number, message: string, headers?: HeadersInit): Response {
  return Response.json({ error: { status, message } }, { status, headers });
}

/** Run a handler; expected refusals become 404/403, anything else a 500 without internals. */
export async function handle(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof NotFoundError) return jsonError(404, error.message);
    if (error instanceof ForbiddenError) return jsonError(403, error.message);
    console.error(error);
    return jsonError(500, "The server could not complete this request. Try again later.");
  }
}

/** Read a JSON body with a size limit; a clear 4xx for anything else. */
export async function readJson(
  request: Request,
  limitBytes = 200_000,
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > limitBytes)
    return {
      ok: false,
      response: jsonError(413, `The request body is larger than ${limitBytes / 1000} kB.`),
    };
  const text = await request.text();
  if (text.length > limitBytes)
    return {
      ok: false,
      response: jsonError(413, `The request body is larger than ${limitBytes / 1000} kB.`),
    };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, response: jsonError(400, "The request body is not valid JSON.") };
  }
}
