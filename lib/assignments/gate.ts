import { rawRows } from "@/lib/db/raw";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { canReadDocument, canViewAssignment, type Viewer } from "@/lib/auth/permissions";

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
 * A document the gate covers: its id (its course is then looked up), or the document as the
 * caller has already read it, with its course, which saves a statement on every read.
 */
export type GateDocument = string | { id: string; courseId: string | null };

/**
 * The gate every annotation read passes (lib/annotations/service.ts applies it to each row and,
 * as SQL, inside every query): the "post first" rule below, and the documents' own scope, so a
 * note on another course's document is never shown, whatever its audience says. `documentIds`
 * may be "all": a search across the library must leave out what any document holds back.
 */
export async function postingGate(
  prisma: PrismaClient,
  viewer: Viewer | null,
  documents: readonly GateDocument[] | "all",
  now = new Date(),
): Promise<PostingGate> {
  const documentIds =
    documents === "all"
      ? documents
      : documents.map((document) => (typeof document === "string" ? document : document.id));
  const [unreadable, rule] = await Promise.all([
    unreadableDocuments(prisma, viewer, documents),
    postFirstGate(prisma, viewer, documentIds, now),
  ]);
  if (unreadable.size === 0) return rule;
  return {
    gated: rule.gated,
    sql: Prisma.sql`(a."documentId" = ANY(${[...unreadable]}::text[]) OR ${rule.sql})`,
    hides: (row) => unreadable.has(row.documentId) || rule.hides(row),
  };
}

/**
 * Which of these documents (or of all) belong to a course the viewer may not read. Documents
 * given with their course are judged here; only those given by id are looked up.
 */
async function unreadableDocuments(
  prisma: PrismaClient,
  viewer: Viewer | null,
  documents: readonly GateDocument[] | "all",
): Promise<Set<string>> {
  if (viewer?.siteRole === "admin") return new Set();
  const given = documents === "all" ? null : documents;
  const known = given?.filter((item) => typeof item !== "string") ?? [];
  const ids = given?.filter((item) => typeof item === "string") ?? [];
  const which = given ? Prisma.sql`"id" = ANY(${[...new Set(ids)]}::text[])` : Prisma.sql`true`;
  const looked =
    given && ids.length === 0
      ? []
      : await rawRows<{ id: string; courseId: string }>(
          prisma,
          Prisma.sql`SELECT "id", "courseId" FROM "Document" WHERE ${which} AND "courseId" IS NOT NULL`,
        );
  return new Set(
    [...known, ...looked].filter((row) => !canReadDocument(viewer, row)).map((row) => row.id),
  );
}

async function postFirstGate(
  prisma: PrismaClient,
  viewer: Viewer | null,
  documentIds: readonly string[] | "all",
  now: Date,
): Promise<PostingGate> {
  if (!viewer || (documentIds !== "all" && documentIds.length === 0)) return OPEN_GATE;
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
