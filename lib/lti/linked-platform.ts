import type { PrismaClient } from "@/lib/generated/prisma/client";

/** The learning platform that launched this course (its registration's name), or null. */
export async function linkedPlatformName(
  prisma: PrismaClient,
  courseId: string,
): Promise<string | null> {
  const context = await prisma.ltiContext.findUnique({
    where: { courseId },
    select: { registration: { select: { name: true } } },
  });
  return context?.registration.name ?? null;
}
