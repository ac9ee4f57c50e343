import { sessionCookieName } from "@/lib/auth/session-cookie";
import { inRequest } from "@/tests/support/next-request";
import type { Role, World } from "./world";

// How a cell calls the app as one role, and what came back, in one shape for route handlers,
// server actions and pages.

/** A role and how it proves who it is: the browser's session cookie or a personal API token. */
export interface Caller {
  role: Role;
  via: "session" | "token" | "none";
}

export type Result =
  | { kind: "response"; status: number; body: string }
  | { kind: "value"; value: unknown }
  | { kind: "redirect"; to: string }
  | { kind: "notFound" }
  | { kind: "rendered"; tree: unknown }
  | { kind: "error"; message: string };

let requestCount = 0;

/** The headers a request from this caller carries (each from its own address: no shared limits). */
export function callerHeaders(world: World, caller: Caller): Record<string, string> {
  const headers: Record<string, string> = {
    host: "memcon.test",
    "x-memcon-peer": `10.9.${++requestCount % 250}.7`,
  };
  if (caller.role === "anonymous" || caller.via === "none") return headers;
  if (caller.via === "token") headers.authorization = `Bearer ${world.tokens[caller.role]}`;
  else headers.cookie = `${sessionCookieName()}=${world.sessions[caller.role]}`;
  return headers;
}

/** Next.js signals notFound() and redirect() by throwing errors with these digests. */
function nextSignal(error: unknown): Result | undefined {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest !== "string") return undefined;
  if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return { kind: "notFound" };
  if (digest.startsWith("NEXT_REDIRECT;")) return { kind: "redirect", to: digest.split(";")[2]! };
  return undefined;
}

async function settle(work: () => Promise<Result>): Promise<Result> {
  try {
    return await work();
  } catch (error) {
    return (
      nextSignal(error) ?? {
        kind: "error",
        message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      }
    );
  }
}

type Handler = (request: Request, context: { params: Promise<object> }) => Promise<Response>;

/** A route handler with a real Request; Next's headers() sees the same headers. */
export function callRoute(
  world: World,
  caller: Caller,
  handler: Handler,
  init: { method?: string; path: string; params?: object; body?: unknown; form?: FormData },
): Promise<Result> {
  const headers: Record<string, string> = {
    ...callerHeaders(world, caller),
    ...(init.body === undefined ? {} : { "content-type": "application/json" }),
  };
  // A multipart form: the Request writes its boundary into the content type.
  const request = new Request(`http://memcon.test${init.path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.form ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
  if (init.form) headers["content-type"] = request.headers.get("content-type")!;
  return settle(async () => {
    const { value: response } = await inRequest(headers, () =>
      handler(request, { params: Promise.resolve(init.params ?? {}) }),
    );
    return { kind: "response", status: response.status, body: await response.text() };
  });
}

/** A server action or a page component, inside a request carrying the caller's cookie. */
export function callServer(world: World, caller: Caller, work: () => Promise<unknown>) {
  return settle(async () => {
    const { value } = await inRequest(callerHeaders(world, caller), work);
    return { kind: "value", value };
  });
}

/** A page: rendered means its element tree came back; notFound() and redirect() are refusals. */
export async function callPage(world: World, caller: Caller, page: () => Promise<unknown>) {
  const result = await callServer(world, caller, page);
  return result.kind === "value" ? ({ kind: "rendered", tree: result.value } as Result) : result;
}

export function formData(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

/**
 * Everything a result shows its caller, as text: a response body, an action's return value, a
 * redirect's address, or a page's element tree with every prop (what the page would hand to its
 * components and the browser), element keys included.
 */
export function visibleText(result: Result): string {
  switch (result.kind) {
    case "response":
      return result.body;
    case "value":
      return JSON.stringify(plain(result.value)) ?? "";
    case "rendered":
      return JSON.stringify(plain(result.tree)) ?? "";
    case "redirect":
      return result.to;
    case "notFound":
      return "";
    case "error":
      return result.message;
  }
}

function plain(value: unknown, depth = 0): unknown {
  if (depth > 60 || value === null || value === undefined) return value ?? null;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Map) return plain([...value.entries()], depth + 1);
  if (value instanceof Set) return plain([...value], depth + 1);
  if (Array.isArray(value)) return value.map((item) => plain(item, depth + 1));
  if (typeof value === "function") return `[function ${value.name}]`;
  if (typeof value !== "object") return typeof value === "symbol" ? String(value) : value;
  const element = value as { $$typeof?: unknown; type?: unknown; key?: unknown; props?: unknown };
  if (element.$$typeof) {
    const type = element.type as { name?: string; displayName?: string } | string;
    return {
      element: typeof type === "string" ? type : (type?.displayName ?? type?.name ?? "?"),
      key: element.key ?? null,
      props: plain(element.props, depth + 1),
    };
  }
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, item]) => [
      key,
      plain(item, depth + 1),
    ]),
  );
}

/** A result as the caller sees it, for comparing two refusals (existence must not show). */
export function fingerprint(result: Result): string {
  return `${result.kind} ${result.kind === "response" ? result.status : ""} ${visibleText(result)}`;
}
