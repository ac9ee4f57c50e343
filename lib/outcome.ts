/** The result of an operation whose expected failures are shown to the user in a form. */
export type Outcome<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      error: string;
      fields?: Record<string, string>;
      /** Why, for callers that answer with a status code (the API): too fast, or a stale edit. */
      code?: "rate_limited" | "conflict" | "unavailable";
      /** With "rate_limited": when the caller may try again (the API's Retry-After header). */
      retryAfterSeconds?: number;
    };

/** The HTTP status for a refused operation. */
export function failureStatus(outcome: {
  code?: "rate_limited" | "conflict" | "unavailable";
}): number {
  if (outcome.code === "unavailable") return 503;
  return outcome.code === "rate_limited" ? 429 : outcome.code === "conflict" ? 409 : 422;
}
