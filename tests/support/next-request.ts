import { AsyncLocalStorage } from "node:async_hooks";

// A stand-in for `next/headers` in integration tests: Next.js gives server components, server
// actions and route handlers the current request's headers and cookies through its own async
// context; this module does the same with `inRequest()`. Tests swap it in with
//   vi.mock("next/headers", () => import("@/tests/support/next-request"));
// so the app's real session lookup (Auth.js reading the session cookie from PostgreSQL) runs
// unchanged. Outside inRequest() the request has no headers at all, like a signed-out visitor.

interface RequestState {
  headers: Headers;
  /** Cookies the code under test set (a sign-in, a sign-out), by name. */
  setCookies: Map<string, string>;
}

const store = new AsyncLocalStorage<RequestState>();

/** Run `work` as if handling a request that carries these headers (e.g. Cookie, X-Forwarded-For). */
export function inRequest<T>(
  init: HeadersInit,
  work: () => Promise<T>,
): Promise<{ value: T; setCookies: Map<string, string> }> {
  const state: RequestState = { headers: new Headers(init), setCookies: new Map() };
  return store.run(state, async () => ({ value: await work(), setCookies: state.setCookies }));
}

const current = () => store.getStore() ?? { headers: new Headers(), setCookies: new Map() };

function parseCookies(header: string | null): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0) jar.set(part.slice(0, at).trim(), decodeURIComponent(part.slice(at + 1).trim()));
  }
  return jar;
}

export async function headers(): Promise<Headers> {
  return new Headers(current().headers);
}

export async function cookies() {
  const state = current();
  const jar = parseCookies(state.headers.get("cookie"));
  return {
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => jar.has(name),
    set: (name: string, value: string) => {
      state.setCookies.set(name, value);
      jar.set(name, value);
    },
    delete: (name: string) => {
      state.setCookies.set(name, "");
      jar.delete(name);
    },
  };
}

export async function draftMode() {
  return { isEnabled: false, enable() {}, disable() {} };
}
