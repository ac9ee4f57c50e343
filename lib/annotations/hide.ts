import type { PrismaClient } from "@/lib/generated/prisma/client";
import { canHideAnnotation, type Viewer } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/log";
import { NotFoundError } from "@/lib/errors";
import { publishChange } from "@/lib/live/channel";
import { getReadable, toRef } from "./access";

// An instructor hides a note from the class (and shows it again); both go to the audit log.

export async function setAnnotationHidden(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  hidden: boolean,
) {
  const current = await getReadable(prisma, viewer, id);
  if (!canHideAnnotation(viewer, toRef(current))) throw new NotFoundError("Annotation not found.");
  await prisma.$transaction(async (tx) => {
    await tx.annotation.update({
      where: { id },
      data: hidden
        ? { hiddenAt: new Date(), hiddenById: viewer.userId }
        : { hiddenAt: null, hiddenById: null },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      courseId: current.courseId,
      action: hidden ? "annotation.hide" : "annotation.show",
      targetType: "annotation",
      targetId: id,
      summary: `${hidden ? "Hid" : "Showed again"} ${current.author.name ?? "a member"}'s annotation on “${current.quote.slice(0, 80)}”`,
    });
  });
  await publishChange(prisma, { documentId: current.documentId, kind: "annotation", id });
}
