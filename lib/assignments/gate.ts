import { rawRows } from "@/lib/db/raw";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { canViewAssignment, type Viewer } from "@/lib/auth/permissions";

// "Hide classmates' annotations until you have posted": while an open assignment with that rule
// is set for a student on a document, the student does not see other students' annotations of
// that course on that document (instructors' notes stay visible) until they have shared one of
// their own there. Enforced wherever annotations are read (lib/annotations/service.ts), so the
// reader, the API and the live updates all agree.

export interface PostingGate {
  /** True when this annotation is held back from the viewer by the rule. */
  hides(row: { authorId: string; courseId: string | null; documentId: string }): boolean;
  /**
   * The same rule as a SQL condition over the annotation alias `a`, true for held-back rows:
   * every read (rows, totals, counts, filters) excludes them in the query itself, so no count
   * or match can reveal what `hides` keeps out of the rows.
   */
  sql: Prisma.Sql;
  /** The courses whose classmates are hidden on each document, to explain it in the reader. */
  gated: ReadonlyMap<string, readonly string[]>;
}

export const OPEN_GATE: PostingGate = {
  hides: () => false,
  sql: Prisma.sql`false`,
  gated: new Map(),
};

const key = (documentId: string, courseId: string) => `${documentId} ${courseId}`;

/**
 * The viewer's gate on these documents, or on every document ("all": a search across the
 * library must leave out what any document's rule holds back).
 */
export async function postingGate(
  prisma: PrismaClient,
  viewer: Viewer | null,
  documentIds: readonly string[] | "all",
  now = new Date(),
): Promise<PostingGate> {
  if (!viewer || documentIds.length === 0) return OPEN_GATE;
  const studentCourses = [...viewer.courses]
    .filter(([, role]) => role === "student")
    .map(([courseId]) => courseId);
  if (studentCourses.length === 0) return OPEN_GATE;

  // Asked on every read of annotations by a student, so one SQL statement (lib/db/raw.ts).
  const rules = await rawRows<{ courseId: string; documentId: string; groupIds: string[] }>(
    prisma,
    Prisma.sql`
    SELECT a."courseId", a."documentId",
      COALESCE(array_agg(g."groupId") FILTER (WHERE g."groupId" IS NOT NULL), '{}') AS "groupIds"
    FROM "Assignment" a LEFT JOIN "AssignmentGroup" g ON g."assignmentId" = a."id"
    WHERE ${
      documentIds === "all"
        ? Prisma.sql`true`
        : Prisma.sql`a."documentId" = ANY(${[...new Set(documentIds)]}::text[])`
    }
      AND a."courseId" = ANY(${studentCourses}::text[])
      AND a."hideUntilPosted" AND a."opensAt" <= ${now} AND a."closedAt" IS NULL
    GROUP BY a."id"`,
  );
  const applicable = rules.filter((rule) =>
    canViewAssignment(viewer, {
      courseId: rule.courseId,
      groupIds: rule.groupIds,
    }),
  );
  if (applicable.length === 0) return OPEN_GATE;

  const posted = await prisma.annotation.findMany({
    where: {
      authorId: viewer.userId,
      deletedAt: null,
      visibility: { not: "private" },
      documentId: { in: applicable.map((rule) => rule.documentId) },
      courseId: { in: applicable.map((rule) => rule.courseId) },
    },
    distinct: ["documentId", "courseId"],
    select: { documentId: true, courseId: true },
  });
  const done = new Set(posted.map((row) => key(row.documentId, row.courseId!)));
  const waiting = applicable.filter((rule) => !done.has(key(rule.documentId, rule.courseId)));
  if (waiting.length === 0) return OPEN_GATE;

  const instructors = await prisma.membership.findMany({
    where: { courseId: { in: waiting.map((rule) => rule.courseId) }, role: "instructor" },
    select: { courseId: true, userId: true },
  });
  const teaches = new Set(instructors.map((row) => key(row.courseId, row.userId)));
  const waitingKeys = new Set(waiting.map((rule) => key(rule.documentId, rule.courseId)));
  const gated = new Map<string, string[]>();
  for (const rule of waiting)
    gated.set(rule.documentId, [...(gated.get(rule.documentId) ?? []), rule.courseId]);

  const teachers = [...teaches];
  return {
    gated,
    sql: Prisma.sql`(a."courseId" IS NOT NULL AND a."authorId" <> ${viewer.userId}
      AND (a."documentId" || ' ' || a."courseId") = ANY(${[...waitingKeys]}::text[])
      AND (a."courseId" || ' ' || a."authorId") <> ALL(${teachers}::text[]))`,
    hides: (row) =>
      row.courseId !== null &&
      row.authorId !== viewer.userId &&
      waitingKeys.has(key(row.documentId, row.courseId)) &&
      !teaches.has(key(row.courseId, row.authorId)),
  };
}
