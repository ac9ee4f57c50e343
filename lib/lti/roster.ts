import { z } from "zod";
import { canManageCourse, canViewCourse, type Viewer } from "@/lib/auth/permissions";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { linkedUser } from "./accounts";
import { courseRoleFor, SCOPE } from "./claims";
import { LtiError } from "./errors";
import { fetchJson } from "./fetch";
import { serviceToken } from "./service-token";

// Names and Role Provisioning Services 2.0: the platform's roster of a linked course. New
// people get an account (linked by issuer + user_id, or their email) and their course role;
// people the platform no longer lists, or lists as Inactive, are marked dropped: their
// membership and work stay (an instructor decides), the roster says so.

const MAX_PAGES = 50;
/** A launch refreshes the roster at most this often. */
export const LAUNCH_SYNC_INTERVAL_MS = 10 * 60 * 1000;

const memberSchema = z.object({
  user_id: z.string().min(1).max(255),
  status: z.string().optional(),
  name: z.string().max(300).optional(),
  given_name: z.string().max(300).optional(),
  family_name: z.string().max(300).optional(),
  email: z.string().email().max(320).optional().catch(undefined),
  roles: z.array(z.string().max(500)).max(100),
});
const containerSchema = z.object({ members: z.array(z.unknown()).max(20_000) });

function nextPage(link: string | null): string | null {
  const match = link
    ?.split(",")
    .find((part) => /rel="?next"?/.test(part))
    ?.match(/<([^>]+)>/);
  return match?.[1] ?? null;
}

export interface RosterSummary {
  added: number;
  updated: number;
  dropped: number;
  active: number;
}

/** Synchronise one linked context's roster from the platform. */
export async function syncContextRoster(
  prisma: PrismaClient,
  contextId: string,
  now = new Date(),
): Promise<RosterSummary> {
  const context = await prisma.ltiContext.findUniqueOrThrow({
    where: { id: contextId },
    include: { registration: true },
  });
  if (!context.membershipsUrl)
    throw new LtiError("The platform did not offer its roster service for this course.", 409);
  const token = await serviceToken(prisma, context.registration, [SCOPE.memberships]);
  const members: z.infer<typeof memberSchema>[] = [];
  let url: string | null = context.membershipsUrl;
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const answer = await fetchJson(url, {
      what: "roster service",
      accept: "application/vnd.ims.lti-nrps.v2.membershipcontainer+json",
      headers: { authorization: `Bearer ${token}` },
    });
    const container = containerSchema.safeParse(answer.body);
    if (answer.status !== 200 || !container.success)
      throw new LtiError(`The platform's roster could not be read (HTTP ${answer.status}).`, 502);
    for (const raw of container.data.members) {
      const member = memberSchema.safeParse(raw);
      if (member.success) members.push(member.data);
    }
    url = nextPage(answer.headers.get("link"));
  }

  const issuer = context.registration.issuer;
  const summary: RosterSummary = { added: 0, updated: 0, dropped: 0, active: 0 };
  const seen = new Set<string>();
  for (const member of members) {
    const role = courseRoleFor(member.roles);
    if (!role || (member.status && member.status !== "Active")) continue;
    await prisma.$transaction(async (tx) => {
      const name =
        member.name ?? ([member.given_name, member.family_name].filter(Boolean).join(" ") || null);
      const userId = await linkedUser(tx, issuer, member.user_id, { name, email: member.email });
      seen.add(userId);
      const membership = await tx.membership.findUnique({
        where: { courseId_userId: { courseId: context.courseId, userId: userId } },
      });
      if (!membership) {
        await tx.membership.create({
          data: { courseId: context.courseId, userId: userId, role },
        });
        summary.added++;
      } else if (membership.role !== role) {
        await tx.membership.update({ where: { id: membership.id }, data: { role } });
        summary.updated++;
      }
      await tx.ltiRosterEntry.upsert({
        where: { contextId_userId: { contextId: context.id, userId: userId } },
        create: { contextId: context.id, userId: userId, status: "active", lastSeenAt: now },
        update: { status: "active", lastSeenAt: now, droppedAt: null },
      });
    });
    summary.active++;
  }
  // A roster with nobody on it is a platform answering badly (a course always has its
  // instructor): nobody is marked dropped on its word.
  if (seen.size === 0) {
    await prisma.ltiContext.update({ where: { id: context.id }, data: { lastRosterSyncAt: now } });
    return summary;
  }
  const dropped = await prisma.ltiRosterEntry.updateMany({
    where: { contextId: context.id, status: "active", userId: { notIn: [...seen] } },
    data: { status: "dropped", droppedAt: now },
  });
  summary.dropped = dropped.count;
  await prisma.ltiContext.update({ where: { id: context.id }, data: { lastRosterSyncAt: now } });
  return summary;
}

/** The instructor's "Sync the roster now". */
export async function syncCourseRoster(prisma: PrismaClient, viewer: Viewer, courseId: string) {
  if (!canViewCourse(viewer, { id: courseId })) throw new NotFoundError("Course not found.");
  if (!canManageCourse(viewer, { id: courseId }))
    throw new ForbiddenError("Only the course's instructors can synchronise its roster.");
  const context = await prisma.ltiContext.findUnique({ where: { courseId }, select: { id: true } });
  if (!context) throw new NotFoundError("This course is not linked to a learning platform.");
  return syncContextRoster(prisma, context.id);
}

/** After an instructor's launch: refresh the roster if it is older than the interval. */
export async function syncRosterAfterLaunch(
  prisma: PrismaClient,
  courseId: string,
  now = new Date(),
) {
  const context = await prisma.ltiContext.findUnique({ where: { courseId } });
  if (!context?.membershipsUrl) return null;
  if (
    context.lastRosterSyncAt &&
    now.getTime() - context.lastRosterSyncAt.getTime() < LAUNCH_SYNC_INTERVAL_MS
  )
    return null;
  return syncContextRoster(prisma, context.id, now);
}

/** The LTI roster of a linked course, for its instructors' page. */
export async function ltiCourseStatus(prisma: PrismaClient, viewer: Viewer, courseId: string) {
  if (!canViewCourse(viewer, { id: courseId })) throw new NotFoundError("Course not found.");
  if (!canManageCourse(viewer, { id: courseId })) throw new NotFoundError("Course not found.");
  const context = await prisma.ltiContext.findUnique({
    where: { courseId },
    include: {
      registration: { select: { name: true } },
      roster: { orderBy: { lastSeenAt: "desc" } },
    },
  });
  if (!context) throw new NotFoundError("This course is not linked to a learning platform.");
  const users = await prisma.user.findMany({
    where: { id: { in: context.roster.map((entry) => entry.userId) } },
    select: { id: true, name: true, email: true },
  });
  const byId = new Map(users.map((user) => [user.id, user]));
  return {
    platform: context.registration.name,
    contextTitle: context.title,
    lastRosterSyncAt: context.lastRosterSyncAt,
    canSyncRoster: !!context.membershipsUrl,
    roster: context.roster.map((entry) => ({ ...entry, user: byId.get(entry.userId) ?? null })),
  };
}
