import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/log";
import { type Viewer } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import type { Outcome } from "@/lib/outcome";
import { fieldErrors } from "@/lib/validations/auth";
import { extensionSchema, gradeSchema } from "@/lib/validations/assignment";
import { formatInZone, parseLocalDateTime } from "@/lib/format/zoned-time";

import { requireManaged } from "./service";

// One student's record on an assignment: a later deadline, a grade. Both go to the audit log.

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
