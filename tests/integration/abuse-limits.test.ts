import { beforeAll, describe, expect, it } from "vitest";
import { GET as list, POST } from "@/app/api/annotations/route";
import { POST as importDocument } from "@/app/api/documents/[slug]/annotations/route";
import { createApiToken } from "@/lib/auth/api-tokens";
import { loadViewer } from "@/lib/auth/load-viewer";
import { hitRateLimitsInTurn, writeLimitKey } from "@/lib/auth/rate-limit";
import { getPrisma } from "@/lib/db";
import { ensureDemoData } from "@/lib/demo/accounts";
import { listContentFiles, loadContentFiles } from "@/lib/library/load-content";
import { BODY_SIZE_LIMITS, RATE_LIMITS } from "@/lib/limits";
import { createAnnotation } from "@/lib/annotations/service";
import { createReply } from "@/lib/threads/service";
import { listUsers } from "@/lib/courses/service";

// Abuse limits through the real route handlers and services: per-user write rates (429 with
// Retry-After), request body sizes (413 before parsing), page sizes (400).
const prisma = getPrisma();
const SLUG = "1959-09-14-liao-ishibashi-third-conversation";
const BASE = "http://memcon.test";
const users = {} as Record<"ada" | "ben" | "chen", { id: string; token: string }>;
let selection: object;

const note = (text: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});
const annotation = (text: string) => ({
  documentSlug: SLUG,
  selection,
  body: note(text),
  tags: ["bases"],
  visibility: "private",
});
const postAs = (who: keyof typeof users, body: BodyInit, headers: HeadersInit = {}) =>
  POST(
    new Request(`${BASE}/api/annotations`, {
      method: "POST",
      body,
      headers: {
        Authorization: `Bearer ${users[who].token}`,
        "Content-Type": "application/json",
        ...headers,
      },
      // Needed by Node's Request for a streamed body.
      ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
    } as RequestInit),
  );
const countNotes = (userId: string, marker: string) =>
  prisma.annotation.count({ where: { authorId: userId, bodyText: { contains: marker } } });
/** Move a user's counter back in time: the window has passed. */
const expireWindow = (key: string) =>
  prisma.$executeRaw`UPDATE "RateLimit" SET "windowStart" = now() - interval '2 hours' WHERE "key" = ${key}`;

beforeAll(async () => {
  await loadContentFiles(prisma, listContentFiles("content"));
  await ensureDemoData(prisma);
  for (const who of ["ada", "ben", "chen"] as const) {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: `${who}@memcon.test` } });
    users[who] = { id: user.id, token: (await createApiToken(prisma, user.id, "limits")).token };
  }
  const turn = await prisma.turn.findFirstOrThrow({
    where: { document: { slug: SLUG }, text: { startsWith: "If the prerequisite" } },
  });
  const at = turn.text.indexOf("military bases");
  selection = {
    start: { turnAnchor: turn.anchor, offset: at },
    end: { turnAnchor: turn.anchor, offset: at + 14 },
  };
});

describe("annotation rate limit", () => {
  it("answers 429 with Retry-After after a minute's worth, saves nothing, and resets", async () => {
    const { limit } = RATE_LIMITS.annotationsPerMinute;
    expect(limit).toBe(30);
    for (let i = 0; i < limit; i++) {
      const response = await postAs("ada", JSON.stringify(annotation(`burst-${i}`)));
      expect(response.status).toBe(201);
    }
    const refused = await postAs("ada", JSON.stringify(annotation("burst-over")));
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.json()).toEqual({
      error: {
        status: 429,
        message: `You are posting annotations too fast (at most 30 annotations a minute). Try again in ${retryAfter} seconds.`,
      },
    });
    expect(await countNotes(users.ada.id, "burst-over")).toBe(0);
    // Another student is not affected by ada's burst.
    expect((await postAs("ben", JSON.stringify(annotation("ben's note")))).status).toBe(201);

    // A minute later ada may write again.
    await expireWindow(writeLimitKey("annotation", RATE_LIMITS.annotationsPerMinute, users.ada.id));
    expect((await postAs("ada", JSON.stringify(annotation("after-reset")))).status).toBe(201);
    expect(await countNotes(users.ada.id, "after-reset")).toBe(1);
  });

  it("also limits the hour, for a script that stays under the minute's limit", async () => {
    const hourKey = writeLimitKey("annotation", RATE_LIMITS.annotationsPerHour, users.chen.id);
    await prisma.rateLimit.create({
      data: { key: hourKey, windowStart: new Date(Date.now() - 20 * 60_000), count: 300 },
    });
    const refused = await postAs("chen", JSON.stringify(annotation("slow-script")));
    expect(refused.status).toBe(429);
    // About 40 minutes are left of the hour's window.
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(39 * 60);
    expect((await refused.json()).error.message).toMatch(
      /^You are posting annotations too fast \(at most 300 annotations an hour\)\. Try again in 4\d minutes\.$/,
    );
    // The same refusal reaches the server action, which calls the same service.
    const viewer = (await loadViewer(prisma, users.chen.id))!;
    expect(await createAnnotation(prisma, viewer, annotation("via-action") as never)).toMatchObject(
      { ok: false, code: "rate_limited", error: expect.stringMatching(/300 annotations an hour/) },
    );
    expect(await countNotes(users.chen.id, "slow-script")).toBe(0);
  });
});

describe("limits counted in turn, in one statement", () => {
  it("charges a later limit only when every earlier one allowed the attempt", async () => {
    const burst = { key: "turn-test:burst", rule: { limit: 2, windowMs: 60_000 } };
    const hour = { key: "turn-test:hour", rule: { limit: 3, windowMs: 3_600_000 } };
    const hit = async () =>
      (await hitRateLimitsInTurn(prisma, [burst, hour])).map((result) =>
        result.allowed ? `ok ${result.count}` : `refused ${result.count}`,
      );
    const counts = async () =>
      (
        await prisma.rateLimit.findMany({
          where: { key: { startsWith: "turn-test:" } },
          orderBy: { key: "asc" },
        })
      ).map((row) => `${row.key} ${row.count}`);
    expect(await hit()).toEqual(["ok 1", "ok 1"]);
    expect(await hit()).toEqual(["ok 2", "ok 2"]);
    // The burst refuses: the hour is not charged, and not answered.
    expect(await hit()).toEqual(["refused 3"]);
    expect(await counts()).toEqual(["turn-test:burst 3", "turn-test:hour 2"]);
    // A minute later the burst's window starts again; the hour goes on counting, then refuses.
    await expireWindow(burst.key);
    expect(await hit()).toEqual(["ok 1", "ok 3"]);
    await expireWindow(burst.key);
    expect(await hit()).toEqual(["ok 1", "refused 4"]);
    expect(await counts()).toEqual(["turn-test:burst 1", "turn-test:hour 4"]);
    // Switched off, nothing is counted.
    const off = { key: "turn-test:off", rule: { limit: Infinity, windowMs: 60_000 } };
    expect(await hitRateLimitsInTurn(prisma, [off])).toEqual([
      { allowed: true, count: 0, retryAfterSeconds: 0 },
    ]);
    expect(await counts()).not.toContain("turn-test:off 1");
  });
});

describe("reply rate limit", () => {
  it("refuses the 31st reply in a minute with a message for the form", async () => {
    const ben = (await loadViewer(prisma, users.ben.id))!;
    const root = await createAnnotation(prisma, ben, {
      ...annotation("a question for the seminar"),
      visibility: "public",
    } as never);
    if (!root.ok) throw new Error(root.error);
    const ada = (await loadViewer(prisma, users.ada.id))!;
    for (let i = 0; i < RATE_LIMITS.repliesPerMinute.limit; i++) {
      const reply = await createReply(prisma, ada, {
        annotationId: root.value.id,
        body: note(`reply ${i}`),
      });
      expect(reply.ok).toBe(true);
    }
    const refused = await createReply(prisma, ada, {
      annotationId: root.value.id,
      body: note("one too many"),
    });
    expect(refused).toMatchObject({
      ok: false,
      code: "rate_limited",
      error: expect.stringMatching(
        /^You are posting replies too fast \(at most 30 replies a minute\)\. Try again in \d+ seconds\.$/,
      ),
    });
    expect(await prisma.reply.count({ where: { annotationId: root.value.id } })).toBe(30);
  });
});

describe("body size limit", () => {
  const large = JSON.stringify(annotation("x".repeat(BODY_SIZE_LIMITS.apiBytes)));

  it("answers 413 for a body over 256 kB announced by Content-Length", async () => {
    const response = await postAs("ben", large, { "Content-Length": String(large.length) });
    expect(response.status).toBe(413);
    expect((await response.json()).error.message).toBe("The request body is larger than 256 kB.");
  });

  it("answers 413 for a streamed body without Content-Length, without reading it all", async () => {
    let pulled = 0;
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(chunk);
      },
    });
    const response = await postAs("ben", endless);
    expect(response.status).toBe(413);
    // Stopped just past the limit (4 chunks are 256 kB): it never buffers an endless body.
    expect(pulled).toBeLessThan(10);
  });

  it("allows larger imports, up to 2 MB", async () => {
    const importAs = (body: string) =>
      importDocument(
        new Request(`${BASE}/api/documents/${SLUG}/annotations`, {
          method: "POST",
          body,
          headers: { Authorization: `Bearer ${users.ben.token}` },
        }),
        { params: Promise.resolve({ slug: SLUG }) },
      );
    const oneNote = (text: string) => ({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "Annotation",
      body: { type: "TextualBody", value: text, format: "text/plain" },
      target: { selector: { type: "TextQuoteSelector", exact: "military bases" } },
    });
    const medium = JSON.stringify({ ...oneNote("imported"), padding: "x".repeat(400_000) });
    expect((await importAs(medium)).status).toBe(201);
    const huge = JSON.stringify({ ...oneNote("too big"), padding: "x".repeat(2_200_000) });
    const refused = await importAs(huge);
    expect(refused.status).toBe(413);
    expect((await refused.json()).error.message).toBe("The request body is larger than 2048 kB.");
  });

  it("counts imports per hour (each may bring 500 notes)", async () => {
    const importAs = (body: string) =>
      importDocument(
        new Request(`${BASE}/api/documents/${SLUG}/annotations`, {
          method: "POST",
          body,
          headers: { Authorization: `Bearer ${users.chen.token}` },
        }),
        { params: Promise.resolve({ slug: SLUG }) },
      );
    const one = JSON.stringify({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "Annotation",
      body: { type: "TextualBody", value: "imported again", format: "text/plain" },
      target: { selector: { type: "TextQuoteSelector", exact: "military bases" } },
    });
    for (let i = 0; i < RATE_LIMITS.importsPerHour.limit; i++)
      expect((await importAs(one)).status).toBe(201);
    const refused = await importAs(one);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(3000);
    expect((await refused.json()).error.message).toMatch(
      /^You are importing too fast \(at most 20 imports an hour\)\. Try again in (59|60) minutes\.$/,
    );
  });
});

describe("page size limit", () => {
  it.each([
    ["limit=10000", "limit can be at most 200."],
    ["limit=0", "limit must be at least 1."],
    ["limit=2.5", "limit must be a whole number."],
    ["offset=-1", "offset must be 0 or more."],
    ["offset=1000000", "offset can be at most 100000."],
  ])("answers 400 for %s", async (query, message) => {
    const response = await list(
      new Request(`${BASE}/api/annotations?${query}`, {
        headers: { Authorization: `Bearer ${users.ben.token}` },
      }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { status: 400, message } });
  });
});

describe("the administrator's list of people", () => {
  it("comes in pages of 200, however many accounts the site has", async () => {
    const before = await prisma.user.count();
    await prisma.user.createMany({
      data: Array.from({ length: 250 }, (_, i) => ({
        email: `student${i}@example.edu`,
        name: `Student ${i}`,
      })),
    });
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@memcon.test" } });
    const viewer = (await loadViewer(prisma, admin.id))!;
    const first = await listUsers(prisma, viewer, 1);
    expect(first).toMatchObject({ total: before + 250, pages: 2 });
    expect(first.users).toHaveLength(200);
    const second = await listUsers(prisma, viewer, 2);
    expect(second.users).toHaveLength(before + 50);
    const seen = new Set([...first.users, ...second.users].map((user) => user.id));
    expect(seen.size).toBe(before + 250);
  });
});
