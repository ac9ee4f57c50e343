import { rawRows } from "@/lib/db/raw";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { CourseRole, SiteRole } from "@/lib/generated/prisma/enums";
import type { Viewer } from "./permissions";

/** A user's roles and memberships as columns of a statement over `"User" u`. */
export const VIEWER_COLUMNS = Prisma.sql`u."id", u."siteRole"::text AS "siteRole",
  COALESCE((SELECT json_agg(json_build_object('courseId', m."courseId", 'role', m."role"))
    FROM "Membership" m WHERE m."userId" = u."id"), '[]'::json) AS "memberships",
  COALESCE((SELECT json_agg(json_build_object('groupId', gm."groupId", 'courseId', g."courseId"))
    FROM "GroupMember" gm JOIN "Group" g ON g."id" = gm."groupId"
    WHERE gm."userId" = u."id"), '[]'::json) AS "groups"`;

export interface ViewerColumns {
  id: string;
  siteRole: SiteRole;
  memberships: { courseId: string; role: CourseRole }[];
  groups: { groupId: string; courseId: string }[];
}

export function toViewer(user: ViewerColumns): Viewer {
  return {
    userId: user.id,
    siteRole: user.siteRole,
    courses: new Map(user.memberships.map((membership) => [membership.courseId, membership.role])),
    groups: new Map(user.groups.map((member) => [member.groupId, member.courseId])),
  };
}

/**
 * Build a Viewer (roles and memberships) for a user id; null when the user no longer exists.
 * Every page and API request asks this, so it is one SQL statement: through Prisma's query
 * compiler the nested findUnique cost more CPU than the rest of a typical API request
 * (bench/README.md). API tokens read the same columns with the token (lib/auth/api-tokens.ts).
 */
export async function loadViewer(prisma: PrismaClient, userId: string): Promise<Viewer | null> {
  const [user] = await rawRows<ViewerColumns>(
    prisma,
    Prisma.sql`SELECT ${VIEWER_COLUMNS} FROM "User" u WHERE u."id" = ${userId}`,
  );
  return user ? toViewer(user) : null;
}
