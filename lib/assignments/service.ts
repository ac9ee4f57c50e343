import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/log";
import {
  canManageAssignment,
  canManageCourse,
  canViewAssignment,
  type Viewer,
} from "@/lib/auth/permissions";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Outcome } from "@/lib/outcome";
import { type AssignmentFormInput } from "@/lib/validations/assignment";

import { requireCourseManager, validateForm } from "./form";

// Creating and changing assignments, extensions and grades. Every function checks
// lib/auth/permissions first; an assignment the viewer may not see is "not found", and every
// instructor action on a student's record is written to the audit log in the same transaction.

const assignmentSelect = {
  id: true,
  courseId: true,
  documentId: true,
  title: true,
  firstAnchor: true,
  lastAnchor: true,
  instructions: true,
  instructionsHtml: true,
  opensAt: true,
  dueAt: true,
  timeZone: true,
  minAnnotations: true,
  minReplies: true,
  minWords: true,
  hideUntilPosted: true,
  closedAt: true,
  createdAt: true,
  course: { select: { id: true, title: true, term: true } },
  document: { select: { id: true, slug: true, title: true } },
  groups: { select: { group: { select: { id: true, name: true } } } },
} satisfies Prisma.AssignmentSelect;

export type AssignmentRecord = Prisma.AssignmentGetPayload<{ select: typeof assignmentSelect }> & {
  groupIds: string[];
  canManage: boolean;
};

/** The assignment if the viewer may see it (its course's instructors, or a student it is set for). */
export async function getAssignment(
  prisma: PrismaClient,
  viewer: Viewer | null,
  id: string,
): Promise<AssignmentRecord> {
  const row = await prisma.assignment.findUnique({ where: { id }, select: assignmentSelect });
  if (!row) throw new NotFoundError("Assignment not found.");
  const groupIds = row.groups.map(({ group }) => group.id);
  if (!canViewAssignment(viewer, { courseId: row.courseId, groupIds }))
    throw new NotFoundError("Assignment not found.");
  return { ...row, groupIds, canManage: canManageAssignment(viewer, row) };
}

export async function requireManaged(prisma: PrismaClient, viewer: Viewer, id: string) {
  const assignment = await getAssignment(prisma, viewer, id);
  if (!assignment.canManage)
    throw new ForbiddenError("Only the course's instructors can change an assignment.");
  return assignment;
}

/** What the form offers: the library's documents (with their turn numbers) and the groups. */
export async function createAssignment(
  prisma: PrismaClient,
  viewer: Viewer,
  courseId: string,
  input: AssignmentFormInput,
): Promise<Outcome<{ id: string }>> {
  requireCourseManager(viewer, courseId);
  // An admin manages every course, including ids that name none.
  if (!(await prisma.course.findUnique({ where: { id: courseId }, select: { id: true } })))
    throw new NotFoundError("Course not found.");
  const valid = await validateForm(prisma, courseId, input);
  if (!valid.ok) return valid;
  const { data, groupIds } = valid.value;
  const created = await prisma.$transaction(async (tx) => {
    const assignment = await tx.assignment.create({
      data: {
        ...data,
        createdById: viewer.userId,
        groups: { create: groupIds.map((groupId) => ({ groupId })) },
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      courseId,
      action: "assignment.create",
      targetType: "assignment",
      targetId: assignment.id,
      summary: `Set the assignment “${data.title}”`,
    });
    return assignment;
  });
  return { ok: true, value: created };
}

export async function updateAssignment(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  input: AssignmentFormInput,
): Promise<Outcome<{ id: string }>> {
  const current = await requireManaged(prisma, viewer, id);
  const valid = await validateForm(prisma, current.courseId, input);
  if (!valid.ok) return valid;
  const { data, groupIds } = valid.value;
  // The course never changes (a copy to another course is duplicateAssignment).
  const changes: Omit<typeof data, "courseId"> & { courseId?: string } = { ...data };
  delete changes.courseId;
  await prisma.$transaction(async (tx) => {
    await tx.assignmentGroup.deleteMany({ where: { assignmentId: id } });
    await tx.assignment.update({
      where: { id },
      data: { ...changes, groups: { create: groupIds.map((groupId) => ({ groupId })) } },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      courseId: current.courseId,
      action: "assignment.update",
      targetType: "assignment",
      targetId: id,
      summary: `Edited the assignment “${data.title}”`,
    });
  });
  return { ok: true, value: { id } };
}

/**
 * A copy in another course the viewer teaches, with the same document, passage, instructions,
 * dates and rules. Reading groups belong to a course, so the copy is set for the whole course.
 */
export async function duplicateAssignment(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  targetCourseId: string,
): Promise<Outcome<{ id: string }>> {
  const source = await requireManaged(prisma, viewer, id);
  if (
    !canManageCourse(viewer, { id: targetCourseId }) ||
    !(await prisma.course.findUnique({ where: { id: targetCourseId }, select: { id: true } }))
  )
    return { ok: false, error: "Choose one of the courses you teach." };
  // A course's own document is read by that course only: its assignments stay there.
  const document = await prisma.document.findUnique({
    where: { id: source.documentId },
    select: { courseId: true },
  });
  if (document?.courseId && document.courseId !== targetCourseId)
    return {
      ok: false,
      error: "That document belongs to another course: it cannot be set in this one.",
    };
  const copy = await prisma.$transaction(async (tx) => {
    const created = await tx.assignment.create({
      data: {
        courseId: targetCourseId,
        documentId: source.documentId,
        title: source.title,
        firstAnchor: source.firstAnchor,
        lastAnchor: source.lastAnchor,
        instructions: source.instructions as Prisma.InputJsonValue,
        instructionsHtml: source.instructionsHtml,
        opensAt: source.opensAt,
        dueAt: source.dueAt,
        timeZone: source.timeZone,
        minAnnotations: source.minAnnotations,
        minReplies: source.minReplies,
        minWords: source.minWords,
        hideUntilPosted: source.hideUntilPosted,
        createdById: viewer.userId,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      courseId: targetCourseId,
      action: "assignment.create",
      targetType: "assignment",
      targetId: created.id,
      summary: `Copied the assignment “${source.title}” from ${source.course.title}`,
    });
    return created;
  });
  return { ok: true, value: copy };
}

/** Close now (the deadline becomes this moment), or open again (the due date applies again). */
export async function setAssignmentClosed(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  closed: boolean,
  now = new Date(),
) {
  const assignment = await requireManaged(prisma, viewer, id);
  await prisma.$transaction(async (tx) => {
    await tx.assignment.update({ where: { id }, data: { closedAt: closed ? now : null } });
    await recordAudit(tx, {
      actorId: viewer.userId,
      courseId: assignment.courseId,
      action: "assignment.close",
      targetType: "assignment",
      targetId: id,
      summary: `${closed ? "Closed" : "Reopened"} the assignment “${assignment.title}”`,
    });
  });
}
