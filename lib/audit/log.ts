import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { canReadAuditLog, type Viewer } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";

// The audit log of what instructors and admins do to other people's work and membership. Entries
// are written in the same transaction as the action they record, so neither exists without the
// other; the summary is plain text that stays readable after the target is deleted.

export type AuditAction =
  | "annotation.hide"
  | "annotation.show"
  | "member.remove"
  | "grade.set"
  | "assignment.create"
  | "assignment.update"
  | "assignment.close"
  | "assignment.extend";

type Writer = Pick<PrismaClient, "auditEntry"> | Prisma.TransactionClient;

export interface AuditInput {
  actorId: string;
  courseId: string | null;
  action: AuditAction;
  targetType: "annotation" | "user" | "assignment";
  targetId: string;
  summary: string;
}

export async function recordAudit(db: Writer, entry: AuditInput): Promise<void> {
  await db.auditEntry.create({ data: { ...entry, summary: entry.summary.slice(0, 500) } });
}

/** The latest entries of a course, newest first, for its instructors and site admins. */
export async function listAuditEntries(
  prisma: PrismaClient,
  viewer: Viewer,
  courseId: string,
  { take = 200 } = {},
) {
  if (!canReadAuditLog(viewer, { id: courseId })) throw new NotFoundError("Course not found.");
  // Admins may read any course's log, but not one of a course that does not exist.
  if (!(await prisma.course.findUnique({ where: { id: courseId }, select: { id: true } })))
    throw new NotFoundError("Course not found.");
  return prisma.auditEntry.findMany({
    where: { courseId },
    orderBy: { at: "desc" },
    take: Math.min(Math.max(take, 1), 500),
    select: {
      id: true,
      at: true,
      action: true,
      summary: true,
      actor: { select: { name: true, email: true } },
    },
  });
}
