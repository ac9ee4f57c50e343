import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isReadableNow, PERMISSION_COLUMNS, toRef } from "@/lib/annotations/service";
import { canModerateThread, canResolveThread, canVote, type Viewer } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { publishChange } from "@/lib/live/channel";

// Votes ("helpful"), instructor endorsements, locking and resolving threads.

export type Target =
  { annotationId: string; replyId?: undefined } | { replyId: string; annotationId?: undefined };

/** The thread root and the author of the thing targeted, if the viewer may read them. */
async function resolveTarget(prisma: PrismaClient, viewer: Viewer, target: Target) {
  if (target.replyId) {
    const reply = await prisma.reply.findUnique({
      where: { id: target.replyId },
      select: {
        id: true,
        authorId: true,
        deletedAt: true,
        annotation: { select: PERMISSION_COLUMNS },
      },
    });
    if (
      !reply ||
      reply.deletedAt ||
      reply.annotation.deletedAt ||
      !(await isReadableNow(prisma, viewer, reply.annotation))
    ) {
      throw new NotFoundError("Reply not found.");
    }
    return { root: reply.annotation, authorId: reply.authorId };
  }
  const root = await prisma.annotation.findUnique({
    where: { id: target.annotationId },
    select: PERMISSION_COLUMNS,
  });
  if (!root || root.deletedAt || !(await isReadableNow(prisma, viewer, root)))
    throw new NotFoundError("Annotation not found.");
  return { root, authorId: root.authorId };
}

/** Toggle the viewer's "helpful" vote; returns whether it is now set. */
export async function toggleVote(
  prisma: PrismaClient,
  viewer: Viewer,
  target: Target,
): Promise<boolean> {
  const { root, authorId } = await resolveTarget(prisma, viewer, target);
  if (!canVote(viewer, toRef(root), authorId))
    throw new NotFoundError("You cannot vote for your own writing.");
  const where = target.replyId
    ? { userId_replyId: { userId: viewer.userId, replyId: target.replyId } }
    : { userId_annotationId: { userId: viewer.userId, annotationId: target.annotationId! } };
  const existing = await prisma.vote.findUnique({ where });
  if (existing) await prisma.vote.delete({ where: { id: existing.id } });
  else
    await prisma.vote.create({
      data: {
        userId: viewer.userId,
        annotationId: target.annotationId ?? null,
        replyId: target.replyId ?? null,
      },
    });
  await publishChange(prisma, {
    documentId: root.documentId,
    kind: target.replyId ? "reply" : "annotation",
    id: target.replyId ?? root.id,
  });
  return !existing;
}

/** An instructor endorses (or withdraws the endorsement of) an annotation or reply; its author is told. */
export async function setEndorsed(
  prisma: PrismaClient,
  viewer: Viewer,
  target: Target,
  endorsed: boolean,
) {
  const { root, authorId } = await resolveTarget(prisma, viewer, target);
  if (!canModerateThread(viewer, toRef(root)))
    throw new NotFoundError("Only the course's instructors can endorse.");
  const endorsedAt = endorsed ? new Date() : null;
  if (target.replyId)
    await prisma.reply.update({ where: { id: target.replyId }, data: { endorsedAt } });
  else
    await prisma.annotation.update({
      where: { id: root.id },
      data: { endorsedAt, endorsedById: endorsed ? viewer.userId : null },
    });
  if (endorsed && authorId !== viewer.userId) {
    await prisma.notification.create({
      data: {
        userId: authorId,
        kind: "endorsement",
        annotationId: root.id,
        replyId: target.replyId ?? null,
        actorId: viewer.userId,
      },
    });
  }
  await publishChange(prisma, {
    documentId: root.documentId,
    kind: target.replyId ? "reply" : "annotation",
    id: target.replyId ?? root.id,
  });
}

export async function setLocked(
  prisma: PrismaClient,
  viewer: Viewer,
  annotationId: string,
  locked: boolean,
) {
  const { root } = await resolveTarget(prisma, viewer, { annotationId });
  if (!canModerateThread(viewer, toRef(root)))
    throw new NotFoundError("Only the course's instructors can lock a discussion.");
  await prisma.annotation.update({
    where: { id: root.id },
    data: { lockedAt: locked ? new Date() : null },
  });
  await publishChange(prisma, { documentId: root.documentId, kind: "annotation", id: root.id });
}

export async function setResolved(
  prisma: PrismaClient,
  viewer: Viewer,
  annotationId: string,
  resolved: boolean,
) {
  const { root } = await resolveTarget(prisma, viewer, { annotationId });
  if (!canResolveThread(viewer, toRef(root)))
    throw new NotFoundError("Only the author or an instructor can resolve this discussion.");
  await prisma.annotation.update({
    where: { id: root.id },
    data: { resolvedAt: resolved ? new Date() : null },
  });
  await publishChange(prisma, { documentId: root.documentId, kind: "annotation", id: root.id });
}
