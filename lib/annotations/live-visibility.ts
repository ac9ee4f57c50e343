import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/permissions";
import { isReadableNow, PERMISSION_COLUMNS } from "./access";
import type { LiveEvent } from "@/lib/live/channel";

/**
 * Should this viewer's browser hear of this change? Only when it concerns a note they may read
 * now (for a reply, the note it answers): otherwise the moment of a "changed" would tell them
 * that a private or held-back note was just written. A note an instructor just hid counts as
 * readable here, so the pages that show it drop it at once.
 */
export async function isChangeVisible(
  prisma: PrismaClient,
  viewer: Viewer,
  event: LiveEvent,
): Promise<boolean> {
  const annotation =
    event.kind === "reply"
      ? (
          await prisma.reply.findUnique({
            where: { id: event.id },
            select: { annotation: { select: PERMISSION_COLUMNS } },
          })
        )?.annotation
      : await prisma.annotation.findUnique({ where: { id: event.id }, select: PERMISSION_COLUMNS });
  if (!annotation || annotation.documentId !== event.documentId) return false;
  return isReadableNow(prisma, viewer, { ...annotation, hiddenAt: null });
}
