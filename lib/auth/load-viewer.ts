import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Viewer } from "./permissions";

/** Build a Viewer (roles and memberships) for a user id; null when the user no longer exists. */
export async function loadViewer(prisma: PrismaClient, userId: string): Promise<Viewer | null> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      siteRole: true,
      memberships: { select: { courseId: true, role: true } },
      groupMemberships: { select: { groupId: true, group: { select: { courseId: true } } } },
    },
  });
  if (!user) return null;
  return {
    userId: user.id,
    siteRole: user.siteRole,
    courses: new Map(user.memberships.map((membership) => [membership.courseId, membership.role])),
    groups: new Map(user.groupMemberships.map((member) => [member.groupId, member.group.courseId])),
  };
}
