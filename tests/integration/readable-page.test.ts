import { beforeAll, describe, expect, it } from "vitest";
import { toApiJson, toRecord } from "@/lib/annotations/records";
import {
  searchAnnotations,
  searchAnnotationsJson,
  type AnnotationSearch,
} from "@/lib/annotations/service";
import { loadViewer } from "@/lib/auth/load-viewer";
import { canReadAnnotation, type Viewer } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db";
import { listContentFiles, loadContentFiles } from "@/lib/library/load-content";

// The API's page of a document's notes (lib/annotations/readable-page.ts) reads one index range
// per audience and merges them. It must return exactly the rows the general readable filter
// returns, in the same order, for every kind of viewer: author, course member, group member,
// member of another course, instructor (who also reads hidden notes), admin, with hidden,
// deleted and private notes among them, page after page.
const prisma = getPrisma();
const SLUG = "1959-09-14-liao-ishibashi-third-conversation";
type Kind = "author" | "student" | "grouped" | "outsider" | "instructor" | "admin" | "loner";
const viewers = {} as Record<Kind, Viewer>;
let documentId = "";
const ids = { courseA: "", courseB: "", groupA: "", groupB: "" };

/** The general filter of lib/annotations/service.ts (readableSql), as the API ran it before. */
async function readableByOldFilter(viewer: Viewer): Promise<string[]> {
  const courses = [...viewer.courses.keys()];
  const teaching = [...viewer.courses].filter(([, r]) => r === "instructor").map(([id]) => id);
  const groups = [...viewer.groups.keys()];
  const rows = await prisma.$queryRawUnsafe<{ id: string }[]>(
    `SELECT a.id FROM "Annotation" a
     WHERE a."documentId" = $1 AND a."deletedAt" IS NULL
       AND ${
         viewer.siteRole === "admin"
           ? `(a."authorId" = $2 OR a.visibility <> 'private')`
           : `(a."authorId" = $2
         OR (a."hiddenAt" IS NULL AND (a.visibility = 'public'
           OR (a.visibility = 'course' AND a."courseId" = ANY($3::text[]))
           OR (a.visibility = 'group' AND a."groupId" = ANY($4::text[]))))
         OR (a.visibility IN ('course', 'group') AND a."courseId" = ANY($5::text[])))`
       }
     ORDER BY a."createdAt" DESC, a.id DESC`,
    ...(viewer.siteRole === "admin"
      ? [documentId, viewer.userId]
      : [documentId, viewer.userId, courses, groups, teaching]),
  );
  return rows.map((row) => row.id);
}

/** Every page of the API's search of the document, concatenated. */
async function pagedIds(viewer: Viewer, limit: number) {
  const all: string[] = [];
  for (let offset = 0; offset < 2000; offset += limit) {
    const page = await searchAnnotations(prisma, viewer, { document: SLUG, limit, offset });
    expect(page.total).toBeUndefined();
    all.push(...page.rows.map((row) => row.id));
    if (!page.hasMore) return all;
    expect(page.rows).toHaveLength(limit);
  }
  throw new Error("never ended");
}

beforeAll(async () => {
  await loadContentFiles(prisma, listContentFiles("content"));
  documentId = (await prisma.document.findUniqueOrThrow({ where: { slug: SLUG } })).id;
  const user = (key: string, siteRole: "user" | "instructor" | "admin" = "user") =>
    prisma.user.create({ data: { name: key, email: `${key}@page.test`, siteRole } });
  const [author, student, grouped, outsider, instructor, admin, loner, otherInstructor] =
    await Promise.all([
      user("author"),
      user("student"),
      user("grouped"),
      user("outsider"),
      user("instructor", "instructor"),
      user("admin", "admin"),
      user("loner"),
      user("instructor-b", "instructor"),
    ]);
  const courseA = await prisma.course.create({
    data: {
      title: "Course A",
      term: "Spring 2027",
      joinCode: "PAGE2222",
      createdById: instructor.id,
      memberships: {
        create: [
          { userId: instructor.id, role: "instructor" },
          { userId: author.id, role: "student" },
          { userId: student.id, role: "student" },
          { userId: grouped.id, role: "student" },
        ],
      },
      groups: {
        create: [
          {
            name: "Group A1",
            members: { create: [{ userId: grouped.id }, { userId: author.id }] },
          },
          { name: "Group A2", members: { create: [{ userId: student.id }] } },
        ],
      },
    },
    include: { groups: { orderBy: { name: "asc" } } },
  });
  const courseB = await prisma.course.create({
    data: {
      title: "Course B",
      term: "Spring 2027",
      joinCode: "PAGE3333",
      createdById: otherInstructor.id,
      memberships: {
        create: [
          { userId: otherInstructor.id, role: "instructor" },
          { userId: outsider.id, role: "student" },
          { userId: author.id, role: "student" },
        ],
      },
    },
  });
  Object.assign(ids, {
    courseA: courseA.id,
    courseB: courseB.id,
    groupA: courseA.groups[0]!.id,
    groupB: courseA.groups[1]!.id,
  });

  // 400 notes by four writers, every audience, some hidden, some deleted; many share a moment
  // (ties are ordered by id).
  const writers = [author.id, student.id, grouped.id, outsider.id];
  const audiences = [
    { visibility: "private" as const, courseId: null, groupId: null },
    { visibility: "public" as const, courseId: null, groupId: null },
    { visibility: "course" as const, courseId: courseA.id, groupId: null },
    { visibility: "course" as const, courseId: courseB.id, groupId: null },
    { visibility: "group" as const, courseId: courseA.id, groupId: courseA.groups[0]!.id },
    { visibility: "group" as const, courseId: courseA.id, groupId: courseA.groups[1]!.id },
  ];
  const base = Date.UTC(2027, 0, 1);
  await prisma.annotation.createMany({
    data: Array.from({ length: 400 }, (_, i) => {
      const audience = audiences[(i * 7) % audiences.length]!;
      const writer = writers[i % writers.length]!;
      // Only members write in a course: the outsider writes in course B or alone.
      const fits =
        writer === outsider.id
          ? audience.courseId === null || audience.courseId === courseB.id
          : audience.courseId !== courseB.id || writer === author.id;
      const chosen = fits ? audience : audiences[0]!;
      return {
        documentId,
        authorId: writer,
        ...chosen,
        selector: { quote: { exact: "x", prefix: "", suffix: "" }, positions: [] },
        quote: "x",
        firstAnchor: 1 + (i % 5),
        lastAnchor: 1 + (i % 5),
        body: { type: "doc", content: [] },
        bodyHtml: "",
        bodyText: `note ${i}`,
        tags: [],
        createdAt: new Date(base + Math.floor(i / 3) * 1000),
        hiddenAt: i % 11 === 0 ? new Date(base) : null,
        deletedAt: i % 13 === 0 ? new Date(base) : null,
      };
    }),
  });
  const load = async (id: string) => (await loadViewer(prisma, id))!;
  Object.assign(viewers, {
    author: await load(author.id),
    student: await load(student.id),
    grouped: await load(grouped.id),
    outsider: await load(outsider.id),
    instructor: await load(instructor.id),
    admin: await load(admin.id),
    loner: await load(loner.id),
  });
});

describe("a page of a document's readable notes", () => {
  const kinds: Kind[] = [
    "author",
    "student",
    "grouped",
    "outsider",
    "instructor",
    "admin",
    "loner",
  ];
  for (const kind of kinds) {
    it(`gives the ${kind} exactly the rows of the readable filter, in order, on every page`, async () => {
      const viewer = viewers[kind];
      const expected = await readableByOldFilter(viewer);
      for (const limit of [1, 7, 50, 200]) expect(await pagedIds(viewer, limit)).toEqual(expected);
      // And the rule itself agrees: canReadAnnotation on every note of the document.
      const everyNote = await prisma.annotation.findMany({
        where: { documentId, deletedAt: null },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      });
      expect(
        everyNote
          .filter((row) => canReadAnnotation(viewer, { ...row, hidden: row.hiddenAt !== null }))
          .map((row) => row.id),
      ).toEqual(expected);
    });
  }

  it("sees real differences between viewers (the data covers every audience)", async () => {
    const counts = await Promise.all(
      kinds.map(async (k) => (await readableByOldFilter(viewers[k])).length),
    );
    expect(new Set(counts).size).toBeGreaterThan(4);
    // The instructor reads hidden course notes the students do not.
    const hidden = await prisma.annotation.findFirstOrThrow({
      where: {
        documentId,
        visibility: "course",
        courseId: ids.courseA,
        hiddenAt: { not: null },
        deletedAt: null,
      },
    });
    expect(await pagedIds(viewers.instructor, 50)).toContain(hidden.id);
    expect(await pagedIds(viewers.student, 50)).not.toContain(hidden.id);
  });

  it("counts exactly only when asked, and the count matches the rows", async () => {
    const counted = await searchAnnotations(prisma, viewers.grouped, {
      document: SLUG,
      limit: 5,
      offset: 0,
      count: "exact",
    });
    expect(counted.total).toBe((await readableByOldFilter(viewers.grouped)).length);
    expect(counted.hasMore).toBe(true);
  });

  it("sends the same page as the API's JSON text (searchAnnotationsJson), for every viewer and search", async () => {
    const searches: AnnotationSearch[] = [
      { document: SLUG, limit: 50, offset: 0 },
      { document: SLUG, limit: 7, offset: 14, count: "exact" },
      { document: SLUG, limit: 20, offset: 0, turn: 3 },
      { document: SLUG, limit: 20, offset: 0, text: "note 1" },
      { limit: 30, offset: 0 },
    ];
    let compared = 0;
    for (const kind of kinds)
      for (const search of searches) {
        const objects = await searchAnnotations(prisma, viewers[kind], search);
        const texts = await searchAnnotationsJson(prisma, viewers[kind], search);
        expect({ total: texts.total, hasMore: texts.hasMore }).toEqual({
          total: objects.total,
          hasMore: objects.hasMore,
        });
        expect(
          texts.rows.map((text) => JSON.parse(text) as unknown),
          `${kind} ${JSON.stringify(search)}`,
        ).toEqual(
          objects.rows.map(
            (row) => JSON.parse(JSON.stringify(toApiJson(toRecord(row, row.document)))) as unknown,
          ),
        );
        compared += texts.rows.length;
      }
    expect(compared).toBeGreaterThan(500);
  });
});
