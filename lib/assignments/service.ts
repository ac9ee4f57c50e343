import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { BODY_MESSAGES, emptyBody, parseBody } from "@/lib/richtext/body";
import { recordAudit } from "@/lib/audit/log";
import {
  canManageAssignment,
  canManageCourse,
  canViewAssignment,
  canViewCourse,
  type Viewer,
} from "@/lib/auth/permissions";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Outcome } from "@/lib/outcome";
import { fieldErrors } from "@/lib/validations/auth";
import {
  assignmentFormSchema,
  extensionSchema,
  gradeSchema,
  type AssignmentFormInput,
} from "@/lib/validations/assignment";
import { formatInZone, parseLocalDateTime } from "@/lib/format/zoned-time";

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

async function requireManaged(prisma: PrismaClient, viewer: Viewer, id: string) {
  const assignment = await getAssignment(prisma, viewer, id);
  if (!assignment.canManage)
    throw new ForbiddenError("Only the course's instructors can change an assignment.");
  return assignment;
}

function requireCourseManager(viewer: Viewer, courseId: string) {
  if (!canViewCourse(viewer, { id: courseId })) throw new NotFoundError("Course not found.");
  if (!canManageCourse(viewer, { id: courseId }))
    throw new ForbiddenError("Only the course's instructors can set assignments.");
}

/** What the form offers: the library's documents (with their turn numbers) and the groups. */
export async function assignmentFormOptions(
  prisma: PrismaClient,
  viewer: Viewer,
  courseId: string,
) {
  requireCourseManager(viewer, courseId);
  const [course, documents, groups] = await Promise.all([
    prisma.course.findUnique({ where: { id: courseId }, select: { id: true, title: true } }),
    prisma.document.findMany({
      // The public library and this course's own documents.
      where: { OR: [{ courseId: null }, { courseId }] },
      orderBy: [{ sortDate: "asc" }, { title: "asc" }],
      select: {
        slug: true,
        title: true,
        date: true,
        turns: {
          select: { anchor: true },
          orderBy: { position: "asc" },
        },
      },
    }),
    prisma.group.findMany({
      where: { courseId },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  if (!course) throw new NotFoundError("Course not found.");
  return {
    course,
    groups,
    documents: documents.map(({ turns, ...document }) => ({
      ...document,
      firstAnchor: turns[0]?.anchor ?? 1,
      lastAnchor: turns.at(-1)?.anchor ?? 1,
    })),
  };
}

type ValidForm = {
  data: Omit<Prisma.AssignmentUncheckedCreateInput, "createdById">;
  groupIds: string[];
};

/** Check the form against the database: the document, its passage and the course's groups. */
async function validateForm(
  prisma: PrismaClient,
  courseId: string,
  input: AssignmentFormInput,
): Promise<Outcome<ValidForm>> {
  const parsed = assignmentFormSchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      error: "Please correct the highlighted fields.",
      fields: fieldErrors(parsed.error),
    };
  const form = parsed.data;
  const refuse = (field: string, message: string): Outcome<ValidForm> => ({
    ok: false,
    error: "Please correct the highlighted fields.",
    fields: { [field]: message },
  });

  const document = await prisma.document.findUnique({
    where: { slug: form.documentSlug },
    select: { id: true, courseId: true },
  });
  // Another course's document is not one this course can be set.
  if (!document || (document.courseId !== null && document.courseId !== courseId))
    return refuse("documentSlug", "Choose a document from the library.");
  if (form.passageFrom !== null && form.passageTo !== null) {
    const found = await prisma.turn.count({
      where: { documentId: document.id, anchor: { in: [form.passageFrom, form.passageTo] } },
    });
    const expected = form.passageFrom === form.passageTo ? 1 : 2;
    if (found !== expected)
      return refuse("passageFrom", "That passage is not in the document: check the turn numbers.");
  }
  const groupIds = [...new Set(form.groupIds)];
  if (groupIds.length) {
    const groups = await prisma.group.count({ where: { id: { in: groupIds }, courseId } });
    if (groups !== groupIds.length) return refuse("groupIds", "Choose groups of this course.");
  }
  let instructions = parseBody(form.instructions);
  if (!instructions.ok && instructions.error === BODY_MESSAGES.empty)
    instructions = { ok: true, doc: emptyBody(), html: "", text: "" };
  if (!instructions.ok) return refuse("instructions", instructions.error);

  return {
    ok: true,
    value: {
      groupIds,
      data: {
        courseId,
        documentId: document.id,
        title: form.title,
        firstAnchor: form.passageFrom,
        lastAnchor: form.passageTo,
        instructions: instructions.doc as Prisma.InputJsonValue,
        instructionsHtml: instructions.html,
        opensAt: form.opensAt,
        dueAt: form.dueAt,
        timeZone: form.timeZone,
        minAnnotations: form.minAnnotations,
        minReplies: form.minReplies,
        minWords: form.minWords,
        hideUntilPosted: form.hideUntilPosted,
      },
    },
  };
}

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

async function requireStudent(prisma: PrismaClient, courseId: string, userId: string) {
  const member = await prisma.membership.findUnique({
    where: { courseId_userId: { courseId, userId } },
    select: { role: true, user: { select: { name: true, email: true } } },
  });
  if (!member || member.role !== "student")
    throw new NotFoundError("That student is not in this course.");
  return member.user.name ?? member.user.email ?? "a student";
}

/** A later deadline for one student (or none: `dueAt` empty removes the extension). */
export async function extendForStudent(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  userId: string,
  input: { dueAt: unknown; timeZone: unknown },
): Promise<Outcome<{ dueAt: Date | null }>> {
  const assignment = await requireManaged(prisma, viewer, id);
  const studentName = await requireStudent(prisma, assignment.courseId, userId);
  const parsed = extensionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]!.message };
  const key = { assignmentId_userId: { assignmentId: id, userId } };
  if (parsed.data.dueAt.trim() === "") {
    await prisma.$transaction(async (tx) => {
      await tx.assignmentExtension.deleteMany({ where: { assignmentId: id, userId } });
      await recordAudit(tx, {
        actorId: viewer.userId,
        courseId: assignment.courseId,
        action: "assignment.extend",
        targetType: "user",
        targetId: userId,
        summary: `Removed ${studentName}'s extension on “${assignment.title}”`,
      });
    });
    return { ok: true, value: { dueAt: null } };
  }
  const dueAt = parseLocalDateTime(parsed.data.dueAt, parsed.data.timeZone);
  if (!dueAt) return { ok: false, error: "Enter the new due date and time." };
  if (dueAt <= assignment.opensAt)
    return { ok: false, error: "The new due date must come after the assignment opens." };
  await prisma.$transaction(async (tx) => {
    await tx.assignmentExtension.upsert({
      where: key,
      create: { assignmentId: id, userId, dueAt, grantedById: viewer.userId },
      update: { dueAt, grantedById: viewer.userId },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      courseId: assignment.courseId,
      action: "assignment.extend",
      targetType: "user",
      targetId: userId,
      summary: `Extended “${assignment.title}” for ${studentName} to ${formatInZone(dueAt, parsed.data.timeZone)}`,
    });
  });
  return { ok: true, value: { dueAt } };
}

export async function setGrade(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  userId: string,
  input: { quality: unknown; completion: unknown; comment: unknown },
): Promise<Outcome<null>> {
  const assignment = await requireManaged(prisma, viewer, id);
  const studentName = await requireStudent(prisma, assignment.courseId, userId);
  const parsed = gradeSchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      error: "Please correct the highlighted fields.",
      fields: fieldErrors(parsed.error),
    };
  const grade = { ...parsed.data, gradedById: viewer.userId };
  await prisma.$transaction(async (tx) => {
    await tx.grade.upsert({
      where: { assignmentId_userId: { assignmentId: id, userId } },
      create: { assignmentId: id, userId, ...grade },
      update: grade,
    });
    const completion =
      grade.completion === null ? "automatic" : grade.completion ? "complete" : "incomplete";
    await recordAudit(tx, {
      actorId: viewer.userId,
      courseId: assignment.courseId,
      action: "grade.set",
      targetType: "user",
      targetId: userId,
      summary: `Graded ${studentName} on “${assignment.title}”: quality ${grade.quality ?? "—"}, completion ${completion}`,
    });
  });
  return { ok: true, value: null };
}
