import type { PrismaClient } from "@/lib/generated/prisma/client";
import { canEditAnnotation, type Viewer } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { getReadable, toRef } from "./access";

// A note's earlier versions, for its author.

export async function annotationHistory(prisma: PrismaClient, viewer: Viewer, id: string) {
  const current = await getReadable(prisma, viewer, id);
  if (!canEditAnnotation(viewer, toRef(current))) throw new NotFoundError("Annotation not found.");
  return prisma.annotationRevision.findMany({
    where: { annotationId: id },
    orderBy: { version: "desc" },
  });
}
