import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parseBody } from "@/lib/richtext/body";
import { importW3C } from "@/lib/annotations/import";
import { updateAnnotation } from "@/lib/annotations/service";
import { loadViewer } from "@/lib/auth/load-viewer";
import type { Viewer } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db";
import { ensureDemoData } from "@/lib/demo/accounts";
import { parseContent } from "@/lib/importer/content-format";
import { listContentFiles, loadContentFiles } from "@/lib/library/load-content";
import { storeDocument } from "@/lib/library/store";
import { tagsSchema } from "@/lib/validations/annotation";

// Findings 3 and 8 of issue #17: values that enter from files. An imported `created` set the
// note's creation time (a backdated note counted as on time); imported tags skipped the tag
// rules (HTML, any length, NUL); a content file's `archiveUrl: javascript:…` became a link;
// links in notes accepted user:password@ hosts.

const prisma = getPrisma();
const SLUG = "1959-09-14-liao-ishibashi-third-conversation";
let ben: Viewer;
let courseId = "";
let quote = "";

const w3c = (created: unknown, tags: unknown[] = []) => ({
  "@context": "http://www.w3.org/ns/anno.jsonld",
  type: "Annotation",
  created,
  body: [
    { type: "TextualBody", value: "Written long ago, honestly.", format: "text/plain" },
    ...tags.map((value) => ({ type: "TextualBody", purpose: "tagging", value })),
  ],
  target: { source: SLUG, selector: { type: "TextQuoteSelector", exact: quote } },
});

beforeAll(async () => {
  await loadContentFiles(prisma, listContentFiles("content"));
  await ensureDemoData(prisma);
  const user = await prisma.user.findUniqueOrThrow({ where: { email: "ben@memcon.test" } });
  ben = (await loadViewer(prisma, user.id))!;
  courseId = (await prisma.course.findFirstOrThrow({ where: { joinCode: "READ1959" } })).id;
  const assignment = await prisma.assignment.findFirstOrThrow({ where: { courseId } });
  const turn = await prisma.turn.findFirstOrThrow({
    where: {
      document: { slug: SLUG },
      kind: "speech",
      anchor: { gte: assignment.firstAnchor ?? 0 },
    },
    orderBy: { position: "asc" },
  });
  quote = turn.text.slice(0, 30);
});

describe("an imported created date", () => {
  it("is provenance only: the server's time decides deadlines, even after the note is shared", async () => {
    const before = Date.now();
    const result = await importW3C(prisma, ben, SLUG, w3c("2001-01-01T00:00:00Z"));
    expect(result).toMatchObject({ ok: true, value: { imported: 1 } });
    const row = await prisma.annotation.findFirstOrThrow({
      where: { authorId: ben.userId, bodyText: { contains: "Written long ago" } },
      orderBy: { createdAt: "desc" },
    });
    expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(row.originallyCreatedAt?.toISOString()).toBe("2001-01-01T00:00:00.000Z");
    // Shared with the course afterwards (the PATCH that used to keep the backdated time).
    const shared = await updateAnnotation(prisma, ben, row.id, {
      version: row.version,
      body: row.body,
      tags: [],
      visibility: "course",
      courseId,
    });
    expect(shared.ok).toBe(true);
    const after = await prisma.annotation.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(after.createdAt.getTime()).toBeGreaterThan(Date.UTC(2026, 0, 1));
  });

  it("out of any plausible range is dropped, not a server error", async () => {
    for (const created of [
      "-200000-01-01T00:00:00Z",
      "+275760-09-13T00:00:00Z",
      "9999-12-31",
      1e15,
    ]) {
      const result = await importW3C(prisma, ben, SLUG, w3c(created));
      expect(result, String(created)).toMatchObject({ ok: true, value: { imported: 1 } });
    }
    const rows = await prisma.annotation.findMany({
      where: { authorId: ben.userId, bodyText: { contains: "Written long ago" } },
      select: { originallyCreatedAt: true },
    });
    expect(rows.filter((row) => row.originallyCreatedAt === null).length).toBeGreaterThanOrEqual(4);
  });
});

describe("imported tags", () => {
  it("pass the same rule as typed ones: HTML, overlong and NUL tags are dropped", async () => {
    const hostile = [
      "<b>bold</b>",
      "<img src=x onerror=alert(1)>",
      "a".repeat(500),
      "x\u0000y",
      "\u202eevil",
      "Cold War",
      "#security-treaty",
      ...Array.from({ length: 20 }, (_, index) => `tag${index}`),
    ];
    const result = await importW3C(prisma, ben, SLUG, w3c(undefined, hostile));
    expect(result).toMatchObject({ ok: true, value: { imported: 1 } });
    const row = await prisma.annotation.findFirstOrThrow({
      where: { authorId: ben.userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    expect(row.tags.slice(0, 2)).toEqual(["cold-war", "security-treaty"]);
    expect(row.tags.length).toBeLessThanOrEqual(10);
    expect(tagsSchema.safeParse(row.tags)).toMatchObject({ success: true, data: row.tags });
  });
});

describe("addresses that become links", () => {
  const liao = fs.readFileSync(`content/${SLUG}.md`, "utf8");
  for (const hostile of [
    "javascript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "JaVaScRiPt:alert(1)",
    "https://archive.example@evil.example/",
    "//evil.example/x",
  ]) {
    it(`a content file's archiveUrl ${JSON.stringify(hostile)} is refused with its line`, () => {
      const text = liao.replace(/^archiveUrl: .*$/m, `archiveUrl: ${JSON.stringify(hostile)}`);
      expect(() => parseContent(text, "hostile.md")).toThrow(/hostile\.md:\d+.*archiveUrl/);
    });
  }

  it("an archive source's unsafe address is stored as no link at all", async () => {
    const parsed = parseContent(liao, "liao.md");
    if (parsed.type !== "document") throw new Error("expected a document");
    await storeDocument(
      prisma,
      { ...parsed, slug: "hostile-archive", archiveUrl: "javascript:alert(1)" },
      { contentHash: "hostile" },
    );
    const stored = await prisma.document.findUniqueOrThrow({ where: { slug: "hostile-archive" } });
    expect(stored.archiveUrl).toBeNull();
  });

  it("a note's link with user:password@ is refused with a sentence", () => {
    for (const href of [
      "https://user:pass@evil.example/",
      "https://memcon.example.edu@evil.example/",
      "http://a@b.example",
    ]) {
      const body = parseBody({
        type: "doc",
        content: [
          {
            type: "paragraph",
            content: [{ type: "text", text: "look", marks: [{ type: "link", attrs: { href } }] }],
          },
        ],
      });
      expect(body.ok, href).toBe(false);
      if (!body.ok) expect(body.error).toMatch(/user:password/);
    }
  });
});
