import { beforeAll, describe, expect, it } from "vitest";
import { GET as getOne, PATCH, DELETE } from "@/app/api/annotations/[id]/route";
import { GET as list, POST } from "@/app/api/annotations/route";
import {
  GET as exportDocument,
  POST as importDocument,
} from "@/app/api/documents/[slug]/annotations/route";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { getPrisma } from "@/lib/db";
import { ensureDemoData } from "@/lib/demo/accounts";
import { listContentFiles, loadContentFiles } from "@/lib/library/load-content";

// The JSON API through its route handlers, authenticated with personal tokens.
const prisma = getPrisma();
const SLUG = "1959-09-14-liao-ishibashi-third-conversation";
const BASE = "http://memcon.test";
const tokens = {} as Record<"ada" | "ben" | "outsider", string>;
let courseId = "";
let selection: {
  start: { turnAnchor: number; offset: number };
  end: { turnAnchor: number; offset: number };
};

const note = (text: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});
const request = (path: string, who?: keyof typeof tokens | string, init: RequestInit = {}) =>
  new Request(`${BASE}${path}`, {
    ...init,
    headers: {
      ...(who ? { Authorization: `Bearer ${tokens[who as keyof typeof tokens] ?? who}` } : {}),
      "Content-Type": "application/json",
      ...init.headers,
    },
  });
const params = <T extends object>(value: T) => ({ params: Promise.resolve(value) });

beforeAll(async () => {
  await loadContentFiles(prisma, listContentFiles("content"));
  await ensureDemoData(prisma);
  const outsider = await prisma.user.create({
    data: { email: "outsider@example.edu", name: "Out Sider" },
  });
  for (const [key, id] of [
    ["ada", (await prisma.user.findUniqueOrThrow({ where: { email: "ada@memcon.test" } })).id],
    ["ben", (await prisma.user.findUniqueOrThrow({ where: { email: "ben@memcon.test" } })).id],
    ["outsider", outsider.id],
  ] as const) {
    tokens[key] = (await createApiToken(prisma, id, `${key} script`)).token;
  }
  courseId = (await prisma.course.findUniqueOrThrow({ where: { joinCode: "READ1959" } })).id;
  const turn = await prisma.turn.findFirstOrThrow({
    where: { document: { slug: SLUG }, text: { startsWith: "If the prerequisite" } },
  });
  const at = turn.text.indexOf("military bases");
  selection = {
    start: { turnAnchor: turn.anchor, offset: at },
    end: { turnAnchor: turn.anchor, offset: at + 14 },
  };
});

async function post(who: keyof typeof tokens, visibility: string, text: string) {
  const response = await POST(
    request("/api/annotations", who, {
      method: "POST",
      body: JSON.stringify({
        documentSlug: SLUG,
        selection,
        body: note(text),
        tags: ["bases"],
        visibility,
        courseId: visibility === "course" ? courseId : undefined,
      }),
    }),
  );
  return { status: response.status, json: await response.json() };
}

describe("JSON API", () => {
  it("asks for credentials, and refuses a bad or revoked token", async () => {
    const anonymous = await list(request("/api/annotations"));
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({
      error: { status: 401, message: expect.stringContaining("Bearer") },
    });
    expect((await list(request("/api/annotations", "mcn_not-a-real-token"))).status).toBe(401);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "ada@memcon.test" } });
    const spare = await createApiToken(prisma, user.id, "spare");
    expect((await list(request("/api/annotations", spare.token))).status).toBe(200);
    await revokeApiToken(prisma, user.id, spare.id);
    expect((await list(request("/api/annotations", spare.token))).status).toBe(401);
    expect(await prisma.apiToken.count({ where: { tokenHash: spare.token } })).toBe(0); // only hashes stored
  });

  it("creates annotations and lists only what each caller may read", async () => {
    const created = await post("ada", "course", "Liao's red line");
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      document: SLUG,
      visibility: "course",
      text: "Liao's red line",
      tags: ["bases"],
      target: { quote: { exact: "military bases" } },
    });
    expect((await post("ada", "private", "my own doubt")).status).toBe(201);

    const texts = async (who: keyof typeof tokens, query = "") =>
      (
        (await (await list(request(`/api/annotations?document=${SLUG}${query}`, who))).json())
          .rows as { text: string }[]
      )
        .map((row) => row.text)
        .sort();
    expect(await texts("ada")).toEqual(["Liao's red line", "my own doubt"]);
    expect(await texts("ben")).toEqual(["Liao's red line"]);
    expect(await texts("outsider")).toEqual([]);
    expect(await texts("ada", "&text=doubt")).toEqual(["my own doubt"]);
    expect(await texts("ada", `&tag=bases&turn=${selection.start.turnAnchor}`)).toHaveLength(2);
    expect(await texts("ada", "&tag=other")).toEqual([]);

    const id = created.json.id as string;
    expect((await getOne(request(`/api/annotations/${id}`, "ben"), params({ id }))).status).toBe(
      200,
    );
    const hidden = await getOne(request(`/api/annotations/${id}`, "outsider"), params({ id }));
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toEqual({
      error: { status: 404, message: "Annotation not found." },
    });
  });

  it("edits with optimistic concurrency and deletes", async () => {
    const { json } = await post("ben", "course", "first version");
    const id = json.id as string;
    const patch = (version: number, text: string, who: keyof typeof tokens = "ben") =>
      PATCH(
        request(`/api/annotations/${id}`, who, {
          method: "PATCH",
          body: JSON.stringify({ version, body: note(text), visibility: "course", courseId }),
        }),
        params({ id }),
      );
    expect((await patch(1, "second version")).status).toBe(200);
    const stale = await patch(1, "written in another tab");
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.message).toMatch(/^Someone saved this annotation/);
    expect((await patch(2, "not mine", "ada")).status).toBe(404);
    expect(
      (await DELETE(request(`/api/annotations/${id}`, "ada", { method: "DELETE" }), params({ id })))
        .status,
    ).toBe(404);
    expect(
      (await DELETE(request(`/api/annotations/${id}`, "ben", { method: "DELETE" }), params({ id })))
        .status,
    ).toBe(204);
    expect((await getOne(request(`/api/annotations/${id}`, "ben"), params({ id }))).status).toBe(
      404,
    );
  });

  it.each([
    ["/api/annotations?limit=1000", "limit can be at most 200."],
    [
      "/api/annotations?turn=abc",
      "turn must be a turn number (a whole number from 1 to 1,000,000).",
    ],
    [
      "/api/annotations?turn=99999999999",
      "turn must be a turn number (a whole number from 1 to 1,000,000).",
    ],
  ])("answers 400 for %s", async (path, message) => {
    const response = await list(request(path, "ada"));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toBe(message);
  });

  it("answers 400 for a body that is not JSON and 422 for one the rules refuse", async () => {
    const broken = await POST(
      request("/api/annotations", "ada", { method: "POST", body: "{not json" }),
    );
    expect(broken.status).toBe(400);
    const empty = await POST(
      request("/api/annotations", "ada", {
        method: "POST",
        body: JSON.stringify({
          documentSlug: SLUG,
          selection,
          body: { type: "doc", content: [] },
          visibility: "private",
        }),
      }),
    );
    expect(empty.status).toBe(422);
    expect((await empty.json()).error.message).toBe("Write something before saving.");
  });

  it("exports a document's readable annotations as JSON-LD, CSV and Markdown", async () => {
    const get = (format: string, who: keyof typeof tokens = "ben") =>
      exportDocument(
        request(`/api/documents/${SLUG}/annotations?format=${format}`, who),
        params({ slug: SLUG }),
      );
    const jsonld = await get("jsonld");
    expect(jsonld.headers.get("content-type")).toContain("application/ld+json");
    const collection = await jsonld.json();
    expect(collection).toMatchObject({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "AnnotationCollection",
      total: 1,
    });
    const bytes = new Uint8Array(await (await get("csv")).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, so Excel reads UTF-8
    const csv = new TextDecoder().decode(bytes);
    expect(csv).toContain("Liao's red line");
    expect(csv).not.toContain("my own doubt");
    const markdown = await (await get("md", "ada")).text();
    expect(markdown).toContain("military bases");
    expect(markdown).toContain("my own doubt");
    const bad = await get("xml");
    expect(bad.status).toBe(400);
    expect(
      (
        await exportDocument(
          request(`/api/documents/nope/annotations`, "ada"),
          params({ slug: "nope" }),
        )
      ).status,
    ).toBe(404);
  });

  it("imports W3C JSON-LD back as the caller's private notes, placed on the current text", async () => {
    const exported = await (
      await exportDocument(
        request(`/api/documents/${SLUG}/annotations?format=jsonld`, "ben"),
        params({ slug: SLUG }),
      )
    ).json();
    // One item whose quote no longer exists anywhere: it must come back as an orphan.
    const items = exported.first.items;
    const stray = JSON.parse(JSON.stringify(items[0]));
    stray.id = `${stray.id}-stray`;
    for (const selector of stray.target.selector)
      if (selector.type === "TextQuoteSelector")
        selector.exact = "words that were never in this conversation at all";
    exported.first.items = [...items, stray];
    exported.total = exported.first.items.length;

    const response = await importDocument(
      request(`/api/documents/${SLUG}/annotations`, "outsider", {
        method: "POST",
        body: JSON.stringify(exported),
      }),
      params({ slug: SLUG }),
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ imported: 2, orphaned: 1, problems: [] });
    const mine = await (
      await list(request(`/api/annotations?document=${SLUG}`, "outsider"))
    ).json();
    expect(
      mine.rows
        .map((row: { visibility: string; orphaned: boolean; text: string }) => [
          row.visibility,
          row.orphaned,
          row.text,
        ])
        .sort(),
    ).toEqual([
      ["private", false, "Liao's red line"],
      ["private", true, "Liao's red line"],
    ]);

    const bad = await importDocument(
      request(`/api/documents/${SLUG}/annotations`, "outsider", {
        method: "POST",
        body: JSON.stringify({ hello: "world" }),
      }),
      params({ slug: SLUG }),
    );
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.message).toEqual(expect.any(String));
  });
});
