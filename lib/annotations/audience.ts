import type { PrismaClient } from "@/lib/generated/prisma/client";
import { canPostInCourse, canViewGroup, type Viewer } from "@/lib/auth/permissions";
import type { Outcome } from "@/lib/outcome";
import type { Visibility } from "./types";

// Who a note is shared with, checked on create and on edit.

/**
 * A course's own document is read by that course only, so its notes are shared there or not at
 * all: an audience in another course would tell that course's people about it (mentions,
 * notifications).
 */
export function fitsCourse(
  document: { courseId: string | null },
  courseId: string | null,
): Outcome<null> {
  if (courseId && document.courseId && document.courseId !== courseId)
    return {
      ok: false,
      error: "This document belongs to one course: share notes on it with that course only.",
    };
  return { ok: true, value: null };
}

/** fitsCourse for a document known by its id (an edit: the note names its document). */
export async function fitsDocument(
  prisma: PrismaClient,
  documentId: string,
  courseId: string | null,
): Promise<Outcome<null>> {
  if (!courseId) return { ok: true, value: null };
  const document = await prisma.document.findUnique({
    where: { id: documentId },
    select: { courseId: true },
  });
  return fitsCourse({ courseId: document?.courseId ?? null }, courseId);
}

/** Check the chosen audience: course and group sharing need membership there. */
export async function resolveScope(
  prisma: PrismaClient,
  viewer: Viewer,
  scope: { visibility: Visibility; courseId?: string | null; groupId?: string | null },
): Promise<Outcome<{ visibility: Visibility; courseId: string | null; groupId: string | null }>> {
  const { visibility } = scope;
  if (visibility === "private" || visibility === "public") {
    return {
      ok: true,
      value: {
        visibility,
        courseId:
          scope.courseId && canPostInCourse(viewer, { id: scope.courseId }) ? scope.courseId : null,
        groupId: null,
      },
    };
  }
  if (visibility === "course") {
    if (!scope.courseId || !canPostInCourse(viewer, { id: scope.courseId })) {
      return { ok: false, error: "Choose one of your courses to share this annotation with." };
    }
    return { ok: true, value: { visibility, courseId: scope.courseId, groupId: null } };
  }
  const group = scope.groupId
    ? await prisma.group.findUnique({
        where: { id: scope.groupId },
        select: { id: true, courseId: true },
      })
    : null;
  if (!group || !canViewGroup(viewer, group) || !canPostInCourse(viewer, { id: group.courseId })) {
    return { ok: false, error: "Choose one of your reading groups to share this annotation with." };
  }
  return { ok: true, value: { visibility, courseId: group.courseId, groupId: group.id } };
}
