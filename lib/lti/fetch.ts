import { LtiError } from "./errors";

// Every call Memcon makes to a platform (key sets, tokens, rosters, scores): a deadline, a size
// limit and JSON only, so a slow or hostile endpoint cannot hold a request or fill memory.

export const FETCH_TIMEOUT_MS = 8000;
const MAX_BYTES = 2_000_000;

export async function fetchJson(
  url: string,
  init: RequestInit & { what: string; accept?: string },
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const { what, accept = "application/json", ...rest } = init;
  let response: Response;
  try {
    response = await fetch(url, {
      ...rest,
      redirect: "follow",
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      headers: { accept, ...(rest.headers as Record<string, string> | undefined) },
    });
  } catch {
    throw new LtiError(`The platform's ${what} (${url}) could not be reached.`, 502);
  }
  const text = await response.text();
  if (text.length > MAX_BYTES)
    throw new LtiError(`The platform's ${what} answered too much data.`, 502);
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      if (response.ok) throw new LtiError(`The platform's ${what} did not answer JSON.`, 502);
      body = text.slice(0, 300);
    }
  }
  return { status: response.status, body, headers: response.headers };
}
