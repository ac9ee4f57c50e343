import { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/permissions";
import type { PostingGate } from "@/lib/assignments/gate";

// A page of a document's readable notes, newest first, without filtering every note of the
// document. A viewer reads a note through one of a few audiences: their own notes, each course's
// shared notes, each reading group's, the public ones, and (instructors) every course or group
// note of the courses they teach, hidden ones included. Each audience is one range of a partial
// index (migration 20261202133000_readable_page_indexes) read backwards from the newest, stopping
// after the rows a page can need; the ranges are merged newest first. On a large seminar
// document that is about 50 index entries per audience instead of 20,000 (bench/README.md).
//
// The union is exactly readableSql's filter (lib/annotations/service.ts) split by its OR arms, with
// the "post first" gate in every arm; tests/integration/readable-page.test.ts holds the pages
// equal to the old filter's rows for every kind of viewer. Callers still check every row with
// canReadAnnotation.

/** The page's ids come from this many rows per audience: the page, the rows it skips, one more. */
const perAudience = (limit: number, offset: number) => offset + limit + 1;

/**
 * SQL for the ids of one page of the readable, undeleted notes of a document, newest first
 * (ties by id), one more than `limit` so the caller learns whether another page follows.
 * Null for viewers the audiences do not describe (site admins read every shared note): the
 * caller uses the general filter then.
 */
export function readablePageIdsSql(
  viewer: Viewer,
  gate: PostingGate,
  documentId: string,
  limit: number,
  offset: number,
): Prisma.Sql | null {
  if (viewer.siteRole === "admin") return null;
  const courses = [...viewer.courses.keys()];
  const teaching = [...viewer.courses]
    .filter(([, role]) => role === "instructor")
    .map(([id]) => id);
  const groups = [...viewer.groups.keys()];
  const k = perAudience(limit, offset);
  // Every arm: this document, not deleted, not held back by the gate; newest first.
  const arm = (where: Prisma.Sql) => Prisma.sql`
    SELECT a."id", a."createdAt" FROM "Annotation" a
    WHERE a."documentId" = ${documentId} AND a."deletedAt" IS NULL AND ${where}
      AND NOT ${gate.sql}
    ORDER BY a."createdAt" DESC LIMIT ${k}`;
  // One index range per course or group: a lateral join runs the arm once per audience id.
  const perEach = (ids: string[], where: (audience: Prisma.Sql) => Prisma.Sql) =>
    ids.length === 0
      ? null
      : Prisma.sql`SELECT x."id", x."createdAt" FROM unnest(${ids}::text[]) AS aud("id")
        CROSS JOIN LATERAL (${arm(where(Prisma.sql`aud."id"`))}) x`;
  const arms = [
    Prisma.sql`(${arm(Prisma.sql`a."authorId" = ${viewer.userId}`)})`,
    Prisma.sql`(${arm(Prisma.sql`a."visibility" = 'public' AND a."hiddenAt" IS NULL`)})`,
    perEach(
      courses,
      (id) =>
        Prisma.sql`a."visibility" = 'course' AND a."hiddenAt" IS NULL AND a."courseId" = ${id}`,
    ),
    perEach(
      groups,
      (id) => Prisma.sql`a."visibility" = 'group' AND a."hiddenAt" IS NULL AND a."groupId" = ${id}`,
    ),
    perEach(
      teaching,
      (id) => Prisma.sql`a."visibility" IN ('course', 'group') AND a."courseId" = ${id}`,
    ),
  ].filter((sql): sql is Prisma.Sql => sql !== null);
  // UNION, not UNION ALL: a note can reach the viewer through two audiences (their own course
  // note, a hidden note of a course they teach); each arm gives at most k rows, so this is cheap.
  return Prisma.sql`SELECT p."id" FROM (${Prisma.join(arms, " UNION ")}) p
    ORDER BY p."createdAt" DESC, p."id" DESC LIMIT ${limit + 1} OFFSET ${offset}`;
}
