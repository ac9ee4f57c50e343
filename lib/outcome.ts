/** The result of an operation whose expected failures are shown to the user in a form. */
export type Outcome<T> =
  { ok: true; value: T } | { ok: false; error: string; fields?: Record<string, string> };
