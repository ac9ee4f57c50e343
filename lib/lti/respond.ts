import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { LtiError } from "./errors";
import { refusalPage } from "./html";

/** Runs an LTI endpoint: a refusal becomes the explanatory page, never a stack trace. */
export async function ltiEndpoint(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof LtiError) return refusalPage(error.message, error.status);
    if (error instanceof NotFoundError || error instanceof ForbiddenError)
      return refusalPage("This was not found. Start again from your course.", 404);
    if (isDatabaseUnavailable(error))
      return refusalPage("Memcon's database is unavailable. Try again in a moment.", 503);
    // Next's redirect() and notFound() signal by throwing: let them through.
    if ((error as { digest?: unknown } | null)?.digest) throw error;
    console.error(error);
    return refusalPage("Memcon could not complete this launch. Try again in a moment.", 500);
  }
}

/** Form fields (POST) or query parameters (GET) as plain strings. */
export async function requestParams(request: Request): Promise<Record<string, string>> {
  const params: Record<string, string> = {};
  const url = new URL(request.url);
  for (const [name, value] of url.searchParams) params[name] = value;
  if (request.method === "POST") {
    const type = request.headers.get("content-type") ?? "";
    if (
      !type.includes("application/x-www-form-urlencoded") &&
      !type.includes("multipart/form-data")
    )
      throw new LtiError("The platform must post a form.", 415);
    const length = Number(request.headers.get("content-length") ?? 0);
    if (length > 200_000) throw new LtiError("The platform's request is too large.", 413);
    const form = await request.formData().catch(() => {
      throw new LtiError("The platform's form could not be read.");
    });
    for (const [name, value] of form) if (typeof value === "string") params[name] = value;
  }
  return params;
}
