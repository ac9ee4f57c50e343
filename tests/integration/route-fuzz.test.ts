import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { refuseActionBody, refuseRequest, refusalFor } from "@/lib/security/request-guard";
import { hasLoneSurrogate } from "@/lib/validations/text";
import { getPrisma } from "@/lib/db";
import { callerHeaders, callServer, type Caller, type Result } from "./authz/call";
import { discoverSurfaces, type Surface } from "./authz/discover";
import { databaseSnapshot } from "./authz/run";
import { buildWorld, restoreSession, restoreToken, type World } from "./authz/world";

vi.mock("next/headers", () => import("@/tests/support/next-request"));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

// Finding 6 of issue #17: hostile input answered 500 in 34 places. This property-based fuzzer
// calls every route handler, server action and page found under app/ (the same discovery as
// the authorization matrix, so a new one is fuzzed without a line here) with hostile values in
// every parameter: path segments, query parameters, JSON bodies and their fields, form fields,
// action arguments. Each request goes through what the running app does first (proxy.ts's
// guard: methods, addresses, server-action bodies), then to the code itself. Every answer must
// be below 500 (a thrown error, or an action's "failed on the server", counts as a 500; so does
// any console.error, which is how an unexpected error is logged), and a refused call must leave
// the database exactly as it was. Fixed seed: a failure is reproducible.

process.env.AUTH_SECRET ??= "route-fuzz-secret-0123456789abcdef0123";
const SEED = 1959_0914;
const RUNS = { route: 30, action: 25, page: 15 } as const;
const ROOT = process.cwd();

/** Values that have broken web apps before, and this one. */
const HOSTILE_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "%00",
  "%ff",
  "\ud800",
  "x\udfffy",
  "\u202enimdA etiS",
  "99999999999",
  "-1",
  "0",
  "1e309",
  "NaN",
  "Infinity",
  "-200000-01-01T00:00:00Z",
  "+275760-09-13T00:00:00.000Z",
  "2026-02-30T25:61",
  "$1",
  "$$",
  "$K1",
  "$@0",
  "$Q0",
  "__proto__",
  "constructor",
  "../../../etc/passwd",
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  "https://user:pass@evil.example/",
  "' OR 1=1 --",
  "%",
  "_",
  "\\",
  "null",
  "[]",
  "{}",
  "a".repeat(20_000),
  "🙂".repeat(300),
  "\t\n\r\u000b\u000c\u3000",
];

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
);

const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  {
    weight: 1,
    arbitrary: fc.constantFrom(99999999999, -1, 0, 1.5, Number.MAX_SAFE_INTEGER, null, true),
  },
  {
    weight: 1,
    arbitrary: fc.anything({
      maxDepth: 3,
      stringUnit: "binary",
      withBigInt: false,
      withDate: false,
      withMap: false,
      withSet: false,
      withTypedArray: false,
      withSparseArray: false,
    }),
  },
);

/** Names a route's query string may carry (its own and made-up ones). */
const QUERY_NAMES = [
  "document",
  "turn",
  "author",
  "tag",
  "course",
  "text",
  "limit",
  "offset",
  "ids",
  "format",
  "q",
  "callbackUrl",
  "speaker",
  "sort",
  "standing",
  "error",
  "page",
  "__proto__",
];
/** Fields of the JSON bodies the API reads, and a few it does not. */
const BODY_FIELDS = [
  "documentSlug",
  "selection",
  "body",
  "tags",
  "visibility",
  "courseId",
  "groupId",
  "version",
  "clientId",
  "scope",
  "type",
  "created",
  "target",
  "items",
  "__proto__",
];

/** Raw bodies no JSON parser or React decoder should choke on. */
const RAW_BODIES = [
  "",
  "not json",
  "{",
  `${"[".repeat(50_000)}${"]".repeat(50_000)}`,
  `{"body":"\\u0000"}`,
  `{"body":"\\ud800"}`,
  `"$1"`,
  `["$@0"]`,
  `["$Q1"]`,
  JSON.stringify({ documentSlug: "x".repeat(300_000) }),
];

/** Percent-encoding as a client would send any code units, lone surrogates included (WTF-8). */
function encode(value: string): string {
  let out = "";
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff)
      out +=
        `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
    else out += encodeURIComponent(char);
  }
  return out;
}

/** The URL path of a route or page file, with its dynamic segments filled in. */
function urlPath(file: string, params: Record<string, string>): string {
  return (
    "/" +
    path
      .dirname(file)
      .replace(/^app\/?/, "")
      .split("/")
      .filter((segment) => segment && !/^\(.*\)$/.test(segment))
      .map((segment) => {
        const name = segment.match(/^\[(?:\.\.\.)?(\w+)\]$/)?.[1];
        return name ? encode(params[name] ?? "x") : segment;
      })
      .join("/")
  );
}

const paramNames = (file: string) =>
  [...path.dirname(file).matchAll(/\[(?:\.\.\.)?(\w+)\]/g)].map((match) => match[1]!);

/** The form fields a server action reads, found in its source: formData.get("name"). */
function formFields(file: string): string[] {
  const source = fs.readFileSync(path.join(ROOT, file), "utf8");
  return [
    ...new Set([...source.matchAll(/formData\.(?:get|getAll)\("([^"]+)"\)/g)].map((m) => m[1]!)),
  ];
}

let world: World;
let surfaces: Surface[] = [];
const modules = new Map<string, Record<string, unknown>>();
const counts = { route: 0, action: 0, page: 0, refusedByGuard: 0, raw: 0 };
const statuses = new Map<number | string, number>();
let errors: string[] = [];
const consoleError = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
  errors.push(
    args
      .map((arg) => (arg instanceof Error ? `${arg.name}: ${arg.message}` : String(arg)))
      .join(" ")
      .slice(0, 300),
  );
});

/** Failures of each surface, reported together at the end of its group (one run finds all). */
let failures: string[] = [];
async function each(surface: Surface, run: () => Promise<void>) {
  try {
    await run();
  } catch (error) {
    const text =
      error instanceof Error ? `${error.message} ${String(error.cause ?? "")}` : String(error);
    failures.push(
      `${surface.file} ${surface.export}: ${text
        .split("\n")
        .filter((line) => !/^\s+at |^\s*$|Encountered failures|Hint:/.test(line))
        .join(" | ")
        .slice(0, 1200)}`,
    );
  }
}
function expectNoFailures() {
  const found = failures;
  failures = [];
  for (const failure of found) process.stdout.write(`[fuzz failure] ${failure}\n`);
  expect(found).toEqual([]);
}

const tally = (key: number | string) => statuses.set(key, (statuses.get(key) ?? 0) + 1);

/** A successful call may change data; a refused one may not. */
function succeeded(result: Result): boolean {
  if (result.kind === "response") return result.status < 300;
  if (result.kind === "value") {
    const value = result.value as { ok?: boolean; error?: unknown; fields?: unknown } | null;
    if (!value || typeof value !== "object") return true;
    if ("ok" in value) return value.ok === true;
    return !("error" in value) && !("fields" in value);
  }
  return result.kind === "redirect" || result.kind === "rendered";
}

/** Run one fuzz case and check it: below 500, no logged error, no change unless it succeeded. */
async function check(label: string, work: () => Promise<Result>) {
  await getPrisma().rateLimit.deleteMany();
  errors = [];
  if (process.env.FUZZ_TRACE) process.stdout.write(`${label.slice(0, 160)}\n`);
  const before = await databaseSnapshot();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const result = await Promise.race([
    work(),
    new Promise<Result>((resolve) => {
      timer = setTimeout(
        () => resolve({ kind: "error", message: "no answer within 20 s" }),
        20_000,
      );
    }),
  ]).finally(() => clearTimeout(timer));
  const shown =
    result.kind === "response"
      ? `${result.status} ${result.body.slice(0, 200)}`
      : result.kind === "error"
        ? result.message
        : JSON.stringify(result.kind === "value" ? result.value : result.kind)?.slice(0, 200);
  tally(result.kind === "response" ? result.status : result.kind);
  expect(result.kind, `${label} threw: ${shown}`).not.toBe("error");
  if (result.kind === "response") {
    expect(result.status, `${label}: ${shown}`).toBeLessThan(500);
    if (result.status >= 400)
      expect(result.body.trim().length, `${label}: no sentence`).toBeGreaterThan(10);
  }
  if (result.kind === "value") {
    const value = result.value as { code?: string } | null;
    expect(value?.code, `${label} failed on the server: ${shown}`).not.toBe("unavailable");
  }
  expect(errors, `${label} logged an error (a hidden 500): ${shown}`).toEqual([]);
  if (!succeeded(result)) {
    const after = await databaseSnapshot();
    const touched = after.split("\n").filter((line) => !before.split("\n").includes(line));
    expect(
      touched.map((line) => line.split(":")[0]),
      `${label} refused but changed tables: ${shown}`,
    ).toEqual([]);
  }
}

const callers = (surface: Surface): Caller[] =>
  surface.surface === "route"
    ? [
        { role: "anonymous", via: "none" },
        { role: "student", via: "session" },
        { role: "student", via: "token" },
      ]
    : [
        { role: "anonymous", via: "none" },
        { role: "student", via: "session" },
      ];

type Handler = (request: Request, context: { params: Promise<object> }) => Promise<Response>;

/** Send a request as the app would receive it: the proxy's guard first, then the handler. */
async function sendRoute(
  handler: Handler,
  caller: Caller,
  method: string,
  url: string,
  params: Record<string, string>,
  body: string | undefined,
  contentType: string,
): Promise<Result> {
  const headers: Record<string, string> = {
    ...callerHeaders(world, caller),
    origin: "http://memcon.test",
    "content-type": contentType,
  };
  const abort = new AbortController();
  const request = new Request(`http://memcon.test${url}`, {
    method,
    headers,
    body,
    signal: abort.signal,
  });
  const refused = await refusalFor(request.clone() as Request);
  if (refused) {
    counts.refusedByGuard++;
    return { kind: "response", status: refused.status, body: await refused.text() };
  }
  return callServer(world, caller, async () => {
    const response = await handler(request, { params: Promise.resolve(params) });
    // The live events stream never ends by itself: its status is the answer.
    const text = response.headers.get("content-type")?.startsWith("text/event-stream")
      ? (abort.abort(), await response.body?.cancel(), "stream")
      : await response.text();
    return { status: response.status, text };
  }).then((result) =>
    result.kind === "value"
      ? {
          kind: "response",
          status: (result.value as { status: number }).status,
          body: (result.value as { text: string }).text,
        }
      : result,
  );
}

beforeAll(async () => {
  world = await buildWorld();
  surfaces = await discoverSurfaces(ROOT);
  for (const surface of surfaces)
    if (!modules.has(surface.file))
      modules.set(
        surface.file,
        (await import(/* @vite-ignore */ path.join(ROOT, surface.file))) as Record<string, unknown>,
      );
}, 120_000);

afterAll(() => {
  consoleError.mockRestore();
  const total = counts.route + counts.action + counts.page + counts.raw;
  process.stdout.write(
    `[fuzz] ${total} cases over ${surfaces.length} surfaces (${surfaces.filter((s) => s.surface === "route").length} route handlers, ` +
      `${surfaces.filter((s) => s.surface === "action").length} server actions, ${surfaces.filter((s) => s.surface === "page").length} pages): ` +
      `${counts.route} route, ${counts.action} action, ${counts.page} page, ${counts.raw} raw-body cases; ` +
      `${counts.refusedByGuard} refused by the request guard; answers ${JSON.stringify(Object.fromEntries(statuses))}; seed ${SEED}\n`,
  );
});

describe("route fuzzer: no 5xx and no change to stored data, for every route, action and page", () => {
  it("route handlers: hostile path segments, query parameters and JSON bodies", async () => {
    for (const surface of surfaces.filter((s) => s.surface === "route")) {
      const handler = modules.get(surface.file)![surface.export] as Handler;
      const names = paramNames(surface.file);
      const hasBody = ["POST", "PUT", "PATCH"].includes(surface.export);
      await each(surface, () =>
        fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...callers(surface)),
            fc.record(Object.fromEntries(names.map((name) => [name, hostileString]))),
            fc.array(fc.tuple(fc.constantFrom(...QUERY_NAMES), hostileString), { maxLength: 3 }),
            fc.oneof(
              fc
                .dictionary(fc.constantFrom(...BODY_FIELDS), hostileJson, { maxKeys: 6 })
                .map((value) => JSON.stringify(value)),
              fc.constantFrom(...RAW_BODIES),
            ),
            fc.constantFrom(
              "application/json",
              "application/ld+json",
              "text/plain",
              "multipart/form-data",
            ),
            async (caller, params, query, body, contentType) => {
              counts.route++;
              const search = query.map(([name, value]) => `${name}=${encode(value)}`).join("&");
              const url = `${urlPath(surface.file, params)}${search ? `?${search}` : ""}`;
              const sent = hasBody ? ` ${contentType} ${JSON.stringify(body.slice(0, 80))}` : "";
              await check(
                `${surface.export} ${url.slice(0, 120)} as ${caller.role}/${caller.via}${sent}`,
                () =>
                  sendRoute(
                    handler,
                    caller,
                    surface.export,
                    url,
                    params,
                    hasBody ? body : undefined,
                    contentType,
                  ),
              );
            },
          ),
          { numRuns: RUNS.route, seed: SEED },
        ),
      );
    }
    expectNoFailures();
  }, 600_000);

  it("methods no page or route answers: TRACE, and DELETE/PUT on pages", async () => {
    for (const [method, url] of [
      ["TRACE", "/"],
      ["TRACE", "/api/annotations"],
      ["DELETE", "/"],
      ["DELETE", "/documents/x"],
      ["PUT", "/courses"],
      ["PATCH", "/account"],
      ["OPTIONS", "/signin"],
    ] as const) {
      counts.raw++;
      // Asked of the guard directly: fetch's Request refuses to even build a TRACE request.
      const status = refuseRequest(
        method,
        new URL(`http://memcon.test${url}`),
        new Headers(),
      )?.status;
      expect(status, `${method} ${url}`).toBe(405);
    }
  });

  it("server actions: hostile form fields and arguments", async () => {
    for (const surface of surfaces.filter((s) => s.surface === "action")) {
      const action = modules.get(surface.file)![surface.export] as (
        ...args: unknown[]
      ) => Promise<unknown>;
      const fields = formFields(surface.file);
      const takesForm = /sent: unknown/.test(
        fs
          .readFileSync(path.join(ROOT, surface.file), "utf8")
          .split(`function ${surface.export}(`)[1]
          ?.split("{")[0] ?? "",
      );
      await each(surface, () =>
        fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...callers(surface)),
            fc.dictionary(fc.constantFrom(...(fields.length ? fields : ["id"])), hostileString, {
              maxKeys: 8,
            }),
            fc.array(hostileJson, { minLength: action.length, maxLength: action.length }),
            async (caller, values, args) => {
              counts.action++;
              const form = new FormData();
              for (const [name, value] of Object.entries(values)) form.set(name, value);
              const callArgs = takesForm ? (action.length >= 2 ? [{}, form] : [form]) : args;
              await check(`${surface.file} ${surface.export} as ${caller.role}`, async () => {
                // What the proxy's guard sees of this action's body.
                const guarded = takesForm
                  ? refuseActionBody("multipart/form-data", form)
                  : JSON.stringify(args, (_key, value: unknown) =>
                        typeof value === "string" &&
                        (value.includes("\u0000") || hasLoneSurrogate(value))
                          ? "\u0000"
                          : value,
                      ).includes("\\u0000")
                    ? { status: 400 as const, message: "unreadable form data" }
                    : null;
                if (guarded) {
                  counts.refusedByGuard++;
                  return { kind: "response", status: guarded.status, body: guarded.message };
                }
                return callServer(world, caller, () => action(...callArgs));
              });
              // Signing out (everywhere) ends the fuzzing student's session and token: restore.
              await restoreSession(world, "student");
              await restoreToken(world, "student");
            },
          ),
          { numRuns: RUNS.action, seed: SEED },
        ),
      );
    }
    expectNoFailures();
  }, 600_000);

  it("pages: hostile path segments and query parameters", async () => {
    for (const surface of surfaces.filter((s) => s.surface === "page")) {
      const page = modules.get(surface.file)!.default as (props: object) => Promise<unknown>;
      const names = paramNames(surface.file);
      await each(surface, () =>
        fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...callers(surface)),
            fc.record(Object.fromEntries(names.map((name) => [name, hostileString]))),
            fc.array(fc.tuple(fc.constantFrom(...QUERY_NAMES), hostileString), { maxLength: 3 }),
            async (caller, params, query) => {
              counts.page++;
              const search = query.map(([name, value]) => `${name}=${encode(value)}`).join("&");
              const url = `${urlPath(surface.file, params)}${search ? `?${search}` : ""}`;
              await check(`page ${url.slice(0, 120)} as ${caller.role}`, async () => {
                const refused = await refusalFor(
                  new Request(`http://memcon.test${url}`, {
                    headers: callerHeaders(world, caller),
                  }),
                );
                if (refused) {
                  counts.refusedByGuard++;
                  return { kind: "response", status: refused.status, body: await refused.text() };
                }
                const result = await callServer(world, caller, () =>
                  page({
                    params: Promise.resolve(params),
                    searchParams: Promise.resolve(Object.fromEntries(query)),
                  }),
                );
                return result.kind === "value" ? { kind: "rendered", tree: null } : result;
              });
            },
          ),
          { numRuns: RUNS.page, seed: SEED },
        ),
      );
    }
    expectNoFailures();
  }, 600_000);
});
