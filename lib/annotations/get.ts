import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { isReadableNow } from "./access";
import { withDocument } from "./columns";

/** One annotation the viewer may read, with its document. */
export async function getAnnotation(prisma: PrismaClient, viewer: Viewer, id: string) {
  const row = await prisma.annotation.findUnique({
    where: { id },
    select: withDocument,
  });
  if (!row || row.deletedAt || !(await isReadableNow(prisma, viewer, row)))
    throw new NotFoundError("Annotation not found.");
  return row;
}
