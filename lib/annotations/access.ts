import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { canReadAnnotation, type AnnotationRef, type Viewer } from "@/lib/auth/permissions";
import { postingGate, type PostingGate } from "@/lib/assignments/gate";
import { NotFoundError } from "@/lib/errors";
import { listSelect } from "./columns";

import type { Visibility } from "./types";

// Who may read an annotation now: the permission rules of lib/auth/permissions.ts plus an
// assignment's "post first" gate, in code (every row) and in SQL (every list's filter). Reads
// filter in SQL and then check each row again here, so a query mistake cannot leak a private note.

export function toRef(row: {
  authorId: string;
  visibility: Visibility;
  courseId: string | null;
  groupId: string | null;
  hiddenAt: Date | null;
}): AnnotationRef {
  return {
    authorId: row.authorId,
    visibility: row.visibility,
    courseId: row.courseId,
    groupId: row.groupId,
    hidden: row.hiddenAt !== null,
  };
}

/**
 * SQL filter matching canReadAnnotation (checked again row by row), for the raw list queries
 * (the table alias must be `a`).
 */
export function readableSql(viewer: Viewer): Prisma.Sql {
  if (viewer.siteRole === "admin")
    return Prisma.sql`(a."authorId" = ${viewer.userId} OR a."visibility" <> 'private')`;
  const courses = [...viewer.courses.keys()];
  const teaching = [...viewer.courses]
    .filter(([, role]) => role === "instructor")
    .map(([id]) => id);
  const groups = [...viewer.groups.keys()];
  return Prisma.sql`(a."authorId" = ${viewer.userId}
    OR (a."hiddenAt" IS NULL AND (a."visibility" = 'public'
      OR (a."visibility" = 'course' AND a."courseId" = ANY(${courses}::text[]))
      OR (a."visibility" = 'group' AND a."groupId" = ANY(${groups}::text[]))))
    OR (a."visibility" IN ('course', 'group') AND a."courseId" = ANY(${teaching}::text[])))`;
}

/**
 * The one readable-now predicate of every list, total and count: the permission rules and the
 * viewer's "post first" gate, both in SQL (each row is still checked again in code).
 */
export function readableNowSql(viewer: Viewer, gate: PostingGate): Prisma.Sql {
  return Prisma.sql`(${readableSql(viewer)} AND NOT ${gate.sql})`;
}

/**
 * May the viewer read this annotation now? The permission rules, plus an assignment's "post
 * before you see your classmates'" rule (lib/assignments/gate.ts).
 */
export async function isReadableNow(
  prisma: PrismaClient,
  viewer: Viewer,
  row: Parameters<typeof toRef>[0] & { documentId: string },
) {
  if (!canReadAnnotation(viewer, toRef(row))) return false;
  return readableNow(viewer, await postingGate(prisma, viewer, [row.documentId]))(row);
}

/**
 * The check every read applies to each row, whatever its query's filter: the permission rules,
 * then the document's "post first" gate.
 */
export function readableNow(viewer: Viewer, gate: PostingGate) {
  return (row: Parameters<typeof toRef>[0] & { documentId: string }) =>
    canReadAnnotation(viewer, toRef(row)) && !gate.hides(row);
}

export async function getReadable(prisma: PrismaClient, viewer: Viewer, id: string) {
  const row = await prisma.annotation.findUnique({ where: { id }, select: listSelect });
  if (!row || !(await isReadableNow(prisma, viewer, row)))
    throw new NotFoundError("Annotation not found.");
  return row;
}
