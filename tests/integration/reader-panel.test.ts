import { beforeAll, describe, expect, it } from "vitest";
import { GET as cardsRoute } from "@/app/api/documents/[slug]/cards/route";
import { GET as indexRoute } from "@/app/api/documents/[slug]/index/route";
import { audienceFor, loadPanelCards, toPanelIndex } from "@/lib/reader/panel";
import { toApiJson, toRecord } from "@/lib/annotations/records";
import {
  createAnnotation,
  deleteAnnotation,
  listDocumentAnnotations,
  listDocumentAnnotationsJson,
  listDocumentIndex,
  setAnnotationHidden,
} from "@/lib/annotations/service";
import { createApiToken } from "@/lib/auth/api-tokens";
import { loadViewer } from "@/lib/auth/load-viewer";
import type { Viewer } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db";
import { rawRows } from "@/lib/db/raw";
import { ensureDemoData } from "@/lib/demo/accounts";
import { Prisma } from "@/lib/generated/prisma/client";
import { listContentFiles, loadContentFiles } from "@/lib/library/load-content";
import { createReply } from "@/lib/threads/service";
import { MAX_CARDS_PER_REQUEST } from "@/lib/limits";

// The reader page sends the panel an index of every readable note and the panel loads the cards
// it shows from GET /api/documents/<slug>/cards: both must agree with the full list, note for note.
const prisma = getPrisma();
const SLUG = "1959-09-14-liao-ishibashi-third-conversation";
const WHO = ["ada", "ben", "chen", "dana", "instructor"] as const;
const viewers = {} as Record<(typeof WHO)[number], Viewer>;
const notes = {} as Record<
  "course" | "group" | "private" | "hidden" | "deleted" | "document",
  string
>;
let documentId = "";

const note = (text: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});

beforeAll(async () => {
  await loadContentFiles(prisma, listContentFiles("content"));
  await ensureDemoData(prisma);
  for (const who of WHO) {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: `${who}@memcon.test` } });
    viewers[who] = (await loadViewer(prisma, user.id))!;
  }
  const course = await prisma.course.findUniqueOrThrow({
    where: { joinCode: "READ1959" },
    include: { groups: true },
  });
  const groupA = course.groups.find((group) => group.name === "Group A")!.id;
  const document = await prisma.document.findUniqueOrThrow({
    where: { slug: SLUG },
    include: { turns: { orderBy: { position: "asc" } } },
  });
  documentId = document.id;
  const turn = document.turns.find((row) => row.text.includes("military bases"))!;
  const at = turn.text.indexOf("military bases");
  const selection = {
    start: { turnAnchor: turn.anchor, offset: at },
    end: { turnAnchor: turn.anchor, offset: at + 14 },
  };
  const make = async (key: keyof typeof notes, visibility: "course" | "group" | "private") => {
    const created = await createAnnotation(prisma, viewers.ada, {
      documentSlug: SLUG,
      ...(key === "document" ? { scope: "document" as const } : { selection }),
      body: note(`ada's ${key} note on the bases`),
      tags: [key],
      visibility,
      courseId: visibility === "course" ? course.id : null,
      groupId: visibility === "group" ? groupA : null,
    });
    if (!created.ok) throw new Error(created.error);
    notes[key] = created.value.id;
  };
  await make("course", "course");
  await make("group", "group");
  await make("private", "private");
  await make("hidden", "course");
  await make("deleted", "course");
  await make("document", "course");
  await setAnnotationHidden(prisma, viewers.instructor, notes.hidden, true);
  // Deleted after a classmate answered: the discussion stays, as a placeholder.
  const reply = await createReply(prisma, viewers.ben, {
    annotationId: notes.deleted,
    body: note("ben's answer that outlives the note"),
  });
  if (!reply.ok) throw new Error(reply.error);
  await deleteAnnotation(prisma, viewers.ada, notes.deleted);
});

describe("the reader's index of notes", () => {
  it("lists exactly the notes of the full list, in the same order, for every role", async () => {
    for (const who of WHO) {
      const full = await listDocumentAnnotations(prisma, viewers[who], documentId, {
        withDeletedThreads: true,
      });
      const index = await listDocumentIndex(prisma, viewers[who], documentId);
      expect(
        index.map((row) => row.id),
        who,
      ).toEqual(full.map((row) => row.id));
    }
    const ids = async (who: (typeof WHO)[number]) =>
      new Set((await listDocumentIndex(prisma, viewers[who], documentId)).map((row) => row.id));
    expect(await ids("ben")).toEqual(
      new Set([notes.course, notes.group, notes.deleted, notes.document]),
    );
    expect(await ids("chen")).toEqual(new Set([notes.course, notes.deleted, notes.document]));
    expect((await ids("ada")).has(notes.private)).toBe(true);
    expect((await ids("instructor")).has(notes.hidden)).toBe(true);
    expect(await listDocumentIndex(prisma, null, documentId)).toEqual([]);
  });

  it("carries places, authors and filters but no words of any note", async () => {
    const rows = await listDocumentIndex(prisma, viewers.ada, documentId);
    const { index, spansByTurn } = toPanelIndex(rows, viewers.ada);
    const course = index.find((entry) => entry.id === notes.course)!;
    expect(course).toMatchObject({
      authorName: expect.any(String),
      mine: true,
      visibility: "course",
      tags: ["course"],
      orphaned: false,
      documentLevel: false,
    });
    expect(course.anchors).toHaveLength(1);
    expect(spansByTurn.get(course.anchors[0]!)?.some((span) => span.id === notes.course)).toBe(
      true,
    );
    expect(index.find((entry) => entry.id === notes.document)).toMatchObject({
      documentLevel: true,
      anchors: [],
    });
    // The deleted note is a placeholder: not editable, no tags.
    expect(index.find((entry) => entry.id === notes.deleted)).toMatchObject({
      mine: false,
      tags: [],
    });
    expect(JSON.stringify(index)).not.toContain("on the bases");
  });
});

describe("the index fetched again after a live announcement", () => {
  it("answers the page's index and highlights over HTTP, per reader", async () => {
    const token = await createApiToken(prisma, viewers.chen.userId, "index test");
    const ask = async (slug: string, auth = `Bearer ${token.token}`) => {
      const response = await indexRoute(
        new Request(`http://memcon.test/api/documents/${slug}/index`, {
          headers: auth ? { authorization: auth } : {},
        }),
        { params: Promise.resolve({ slug }) },
      );
      return { status: response.status, body: await response.json() };
    };
    const { status, body } = await ask(SLUG);
    expect(status).toBe(200);
    const rows = await listDocumentIndex(prisma, viewers.chen, documentId);
    const expected = toPanelIndex(rows, viewers.chen);
    expect(body.index).toEqual(expected.index);
    expect(body.spans).toEqual(
      JSON.parse(JSON.stringify(Object.fromEntries(expected.spansByTurn))),
    );
    const ids = body.index.map((entry: { id: string }) => entry.id);
    expect(ids).toContain(notes.course);
    expect(ids).not.toContain(notes.private);
    expect(JSON.stringify(body)).not.toContain("on the bases");
    expect((await ask("no-such-document")).status).toBe(404);
    expect((await ask(SLUG, "")).status).toBe(401);
  });
});

describe("whom a reader can share with", () => {
  it("lists each viewer's courses and reading groups (with their course), by name, and nothing else", async () => {
    expect(await audienceFor(prisma, null)).toEqual({ courses: [], groups: [] });
    for (const who of WHO) {
      const viewer = viewers[who];
      const courses = await prisma.course.findMany({
        where: { memberships: { some: { userId: viewer.userId } } },
        select: { id: true, title: true },
        orderBy: [{ title: "asc" }, { id: "asc" }],
      });
      const groups = await prisma.group.findMany({
        where: { members: { some: { userId: viewer.userId } } },
        select: { id: true, name: true, course: { select: { title: true } } },
        orderBy: [{ name: "asc" }, { id: "asc" }],
      });
      expect(courses.length, who).toBeGreaterThan(0);
      expect(await audienceFor(prisma, viewer), who).toEqual({
        courses,
        groups: groups.map((g) => ({ id: g.id, name: g.name, courseTitle: g.course.title })),
      });
    }
    const grouped = await audienceFor(prisma, viewers.ada);
    expect(grouped.groups.length).toBeGreaterThan(0);
  });
});

describe("the panel's cards", () => {
  it("answers the readable ones among the ids asked for, as the full list has them", async () => {
    const asked = [...Object.values(notes), "no-such-annotation"];
    const chen = await loadPanelCards(prisma, viewers.chen, SLUG, asked);
    expect(new Set(chen!.map((card) => card.id))).toEqual(
      new Set([notes.course, notes.deleted, notes.document]),
    );
    const placeholder = chen!.find((card) => card.id === notes.deleted)!;
    expect(placeholder).toMatchObject({ deleted: true, bodyHtml: "", mine: false });
    expect(placeholder.replies.map((reply) => reply.bodyHtml)).toEqual([
      "<p>ben's answer that outlives the note</p>",
    ]);
    const ada = await loadPanelCards(prisma, viewers.ada, SLUG, [notes.private, notes.course]);
    expect(ada!.map((card) => card.bodyHtml).sort()).toEqual([
      "<p>ada's course note on the bases</p>",
      "<p>ada's private note on the bases</p>",
    ]);
    // Only the author's cards carry the editor's JSON.
    expect(ada!.every((card) => card.mine && card.body !== null)).toBe(true);
    const ben = await loadPanelCards(prisma, viewers.ben, SLUG, [notes.course]);
    expect(ben![0]).toMatchObject({ mine: false, body: null, canVote: true });
  });

  it("answers nothing for a note asked for through another document", async () => {
    const other = await prisma.document.findFirstOrThrow({ where: { slug: { not: SLUG } } });
    expect(await loadPanelCards(prisma, viewers.ada, other.slug, [notes.course])).toEqual([]);
    expect(await loadPanelCards(prisma, viewers.ada, "no-such-document", [notes.course])).toBe(
      null,
    );
  });

  it("serves them over HTTP with a token, and refuses bad requests with a sentence", async () => {
    const token = await createApiToken(prisma, viewers.chen.userId, "panel test");
    const ask = async (slug: string, ids: string, auth = `Bearer ${token.token}`) => {
      const response = await cardsRoute(
        new Request(`http://memcon.test/api/documents/${slug}/cards?ids=${ids}`, {
          headers: auth ? { authorization: auth } : {},
        }),
        { params: Promise.resolve({ slug }) },
      );
      return { status: response.status, body: await response.json() };
    };
    const ok = await ask(SLUG, `${notes.course},${notes.private},${notes.course}`);
    expect(ok.status).toBe(200);
    expect(ok.body.cards.map((card: { id: string }) => card.id)).toEqual([notes.course]);
    expect(JSON.stringify(ok.body)).not.toContain("private note");

    expect(await ask(SLUG, "")).toMatchObject({
      status: 400,
      body: { error: { message: "ids must name at least one annotation." } },
    });
    const tooMany = Array.from({ length: MAX_CARDS_PER_REQUEST + 1 }, (_, i) => `id${i}`);
    expect(await ask(SLUG, tooMany.join(","))).toMatchObject({
      status: 400,
      body: { error: { message: `ids can name at most ${MAX_CARDS_PER_REQUEST} annotations.` } },
    });
    expect((await ask("no-such-document", notes.course)).status).toBe(404);
    expect((await ask(SLUG, notes.course, "")).status).toBe(401);
  });
});

describe("the document's notes as JSON, built by PostgreSQL", () => {
  it("equals the API's JSON of the same rows, in the same order, for every role", async () => {
    const document = await prisma.document.findUniqueOrThrow({ where: { slug: SLUG } });
    for (const who of WHO) {
      const texts = await listDocumentAnnotationsJson(prisma, viewers[who], document);
      const rows = await listDocumentAnnotations(prisma, viewers[who], documentId);
      expect(texts.length, who).toBeGreaterThan(0);
      expect(
        texts.map((text) => JSON.parse(text) as unknown),
        who,
      ).toEqual(rows.map((row) => JSON.parse(JSON.stringify(toApiJson(toRecord(row, document))))));
    }
    expect(await listDocumentAnnotationsJson(prisma, null, document)).toEqual([]);
  });
});

describe("reads straight through the pool", () => {
  it("reads timestamps as UTC whatever the process's time zone", async () => {
    const zone = process.env.TZ;
    process.env.TZ = "Asia/Tokyo";
    try {
      const [row] = await rawRows<{ createdAt: Date; count: number }>(
        prisma,
        Prisma.sql`SELECT "createdAt", (SELECT count(*)::int FROM "Annotation") AS "count"
          FROM "Annotation" WHERE "id" = ${notes.course}`,
      );
      const stored = await prisma.annotation.findUniqueOrThrow({ where: { id: notes.course } });
      expect(row!.createdAt.toISOString()).toBe(stored.createdAt.toISOString());
      expect(row!.count).toBe(await prisma.annotation.count());
      // A date parameter means the same instant as in Prisma's own queries.
      const [found] = await rawRows<{ id: string }>(
        prisma,
        Prisma.sql`SELECT "id" FROM "Annotation"
          WHERE "id" = ${notes.course} AND "createdAt" = ${stored.createdAt}`,
      );
      expect(found?.id).toBe(notes.course);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
