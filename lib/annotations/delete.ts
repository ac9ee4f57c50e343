import type { PrismaClient } from "@/lib/generated/prisma/client";
import { canEditAnnotation, type Viewer } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { publishChange } from "@/lib/live/channel";
import type { Outcome } from "@/lib/outcome";
import { getReadable, toRef } from "./access";

// Deleting a note (soft: its replies keep their place) and undoing that for a while.

/** How long a deleted annotation can be restored. */
export const UNDO_WINDOW_MS = 10 * 60_000;

export async function deleteAnnotation(prisma: PrismaClient, viewer: Viewer, id: string) {
  const current = await getReadable(prisma, viewer, id);
  if (!canEditAnnotation(viewer, toRef(current))) throw new NotFoundError("Annotation not found.");
  await prisma.annotation.update({ where: { id }, data: { deletedAt: new Date() } });
  await publishChange(prisma, { documentId: current.documentId, kind: "annotation", id });
}

/** Undo a delete within UNDO_WINDOW_MS. */
export async function restoreAnnotation(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  now = new Date(),
): Promise<Outcome<null>> {
  const row = await prisma.annotation.findUnique({
    where: { id },
    select: { authorId: true, deletedAt: true, documentId: true },
  });
  if (!row || row.authorId !== viewer.userId) throw new NotFoundError("Annotation not found.");
  if (!row.deletedAt) return { ok: true, value: null };
  if (now.getTime() - row.deletedAt.getTime() > UNDO_WINDOW_MS) {
    return {
      ok: false,
      error: "This annotation was deleted more than 10 minutes ago and can no longer be restored.",
    };
  }
  await prisma.annotation.update({ where: { id }, data: { deletedAt: null } });
  await publishChange(prisma, { documentId: row.documentId, kind: "annotation", id });
  return { ok: true, value: null };
}
