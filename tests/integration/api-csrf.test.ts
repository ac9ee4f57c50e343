import { beforeAll, describe, expect, it, vi } from "vitest";
import * as annotationsRoute from "@/app/api/annotations/route";
import * as annotationRoute from "@/app/api/annotations/[id]/route";
import * as importRoute from "@/app/api/documents/[slug]/annotations/route";
import { openSession } from "@/lib/auth/accounts";
import { createApiToken } from "@/lib/auth/api-tokens";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { getPrisma } from "@/lib/db";
import { ensureDemoData } from "@/lib/demo/accounts";
import { listContentFiles, loadContentFiles } from "@/lib/library/load-content";
import { inRequest } from "@/tests/support/next-request";

vi.mock("next/headers", () => import("@/tests/support/next-request"));

// Finding 5 of issue #17: a page on a sibling subdomain (same site, so the SameSite=Lax cookie
// goes along) posted `Content-Type: text/plain` to the JSON API and created a public note in a
// student's name. Cookie-authenticated writes now need Memcon's own origin and a JSON body;
// calls with a personal API token are unaffected.

process.env.AUTH_SECRET ??= "csrf-test-secret-0123456789abcdef0123";
const prisma = getPrisma();
const SLUG = "1959-09-14-liao-ishibashi-third-conversation";
let cookie = "";
let token = "";
let selection = {};

type Handler = (request: Request, context: { params: Promise<object> }) => Promise<Response>;

async function send(
  handler: Handler,
  init: {
    method: string;
    path: string;
    headers: Record<string, string>;
    body?: string;
    params?: object;
  },
) {
  const headers = { host: "memcon.example.edu", ...init.headers };
  const request = new Request(`http://memcon.example.edu${init.path}`, {
    method: init.method,
    headers,
    body: init.body,
  });
  const { value } = await inRequest(headers, () =>
    handler(request, { params: Promise.resolve(init.params ?? {}) }),
  );
  return { status: value.status, text: await value.text() };
}

const noteJson = (text: string) =>
  JSON.stringify({
    documentSlug: SLUG,
    selection,
    body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] },
    visibility: "public",
  });

const notes = (text: string) =>
  prisma.annotation.count({ where: { bodyText: { contains: text } } });

beforeAll(async () => {
  await loadContentFiles(prisma, listContentFiles("content"));
  await ensureDemoData(prisma);
  const ada = await prisma.user.findUniqueOrThrow({ where: { email: "ada@memcon.test" } });
  cookie = `${sessionCookieName()}=${(await openSession(prisma, ada.id)).token}`;
  token = (await createApiToken(prisma, ada.id, "script")).token;
  const turn = await prisma.turn.findFirstOrThrow({
    where: { document: { slug: SLUG }, kind: "speech" },
    orderBy: { position: "asc" },
  });
  selection = {
    start: { turnAnchor: turn.anchor, offset: 0 },
    end: { turnAnchor: turn.anchor, offset: 8 },
  };
});

describe("cookie-authenticated writes to the JSON API", () => {
  const forged: { name: string; headers: Record<string, string> }[] = [
    {
      name: "text/plain from a sibling subdomain",
      headers: { origin: "https://evil.example.edu", "content-type": "text/plain" },
    },
    {
      name: "JSON from a sibling subdomain",
      headers: { origin: "https://evil.example.edu", "content-type": "application/json" },
    },
    {
      name: "Sec-Fetch-Site: same-site",
      headers: { "sec-fetch-site": "same-site", "content-type": "application/json" },
    },
    {
      name: "Sec-Fetch-Site: cross-site",
      headers: { "sec-fetch-site": "cross-site", "content-type": "application/json" },
    },
    {
      name: "Origin: null (a sandboxed frame)",
      headers: { origin: "null", "content-type": "application/json" },
    },
    {
      name: "text/plain from our own origin",
      headers: { origin: "http://memcon.example.edu", "content-type": "text/plain" },
    },
    {
      name: "a form post from our own origin",
      headers: {
        origin: "http://memcon.example.edu",
        "content-type": "application/x-www-form-urlencoded",
      },
    },
    { name: "no content type", headers: { "sec-fetch-site": "same-origin" } },
  ];
  for (const { name, headers } of forged) {
    it(`refuses ${name} and writes nothing`, async () => {
      const marker = `forged ${name}`;
      const created = await send(annotationsRoute.POST as Handler, {
        method: "POST",
        path: "/api/annotations",
        headers: { cookie, ...headers },
        body: noteJson(marker),
      });
      expect([403, 415]).toContain(created.status);
      expect(JSON.parse(created.text).error.message).toMatch(/\w+ \w+/);
      expect(await notes(marker)).toBe(0);
      const imported = await send(importRoute.POST as Handler, {
        method: "POST",
        path: `/api/documents/${SLUG}/annotations`,
        headers: { cookie, ...headers },
        body: JSON.stringify({
          type: "Annotation",
          body: { type: "TextualBody", value: marker },
          target: { selector: { type: "TextQuoteSelector", exact: "Premier" } },
        }),
        params: { slug: SLUG },
      });
      expect([403, 415]).toContain(imported.status);
      expect(await notes(marker)).toBe(0);
    });
  }

  it("refuses a cross-origin DELETE of the user's note", async () => {
    const mine = await send(annotationsRoute.POST as Handler, {
      method: "POST",
      path: "/api/annotations",
      headers: { cookie, origin: "http://memcon.example.edu", "content-type": "application/json" },
      body: noteJson("kept despite a forged delete"),
    });
    expect(mine.status).toBe(201);
    const id = JSON.parse(mine.text).id as string;
    const deleted = await send(annotationRoute.DELETE as Handler, {
      method: "DELETE",
      path: `/api/annotations/${id}`,
      headers: { cookie, origin: "https://evil.example.edu" },
      params: { id },
    });
    expect(deleted.status).toBe(403);
    expect((await prisma.annotation.findUniqueOrThrow({ where: { id } })).deletedAt).toBeNull();
  });

  it("accepts the app's own fetches (same origin, JSON) and token calls whatever their headers", async () => {
    const own = await send(annotationsRoute.POST as Handler, {
      method: "POST",
      path: "/api/annotations",
      headers: {
        cookie,
        origin: "http://memcon.example.edu",
        "sec-fetch-site": "same-origin",
        "content-type": "application/json",
      },
      body: noteJson("from the reader itself"),
    });
    expect(own.status).toBe(201);
    const scripted = await send(annotationsRoute.POST as Handler, {
      method: "POST",
      path: "/api/annotations",
      headers: {
        authorization: `Bearer ${token}`,
        origin: "https://evil.example.edu",
        "content-type": "text/plain",
      },
      body: noteJson("from a script with a token"),
    });
    expect(scripted.status).toBe(201);
    // Reading with the cookie from anywhere is unchanged (reads are filtered by permissions).
    const read = await send(annotationsRoute.GET as Handler, {
      method: "GET",
      path: "/api/annotations",
      headers: { cookie, "sec-fetch-site": "cross-site" },
    });
    expect(read.status).toBe(200);
  });
});
