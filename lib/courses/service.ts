import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  canCreateCourse,
  canJoinCourse,
  canManageCourse,
  canManageGroup,
  canManageInstructors,
  canRemoveMember,
  canViewCourse,
  type SiteRole,
  type Viewer,
} from "@/lib/auth/permissions";
import type { Outcome } from "@/lib/outcome";
import { hitRateLimit, RATE_LIMITS, retryMessage } from "@/lib/auth/rate-limit";
import { PAGE_LIMITS } from "@/lib/limits";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { fieldErrors } from "@/lib/validations/auth";
import { courseSchema, groupSchema, joinCodeSchema } from "@/lib/validations/course";
import { recordAudit } from "@/lib/audit/log";
import { newJoinCode } from "./join-code";

// Courses, rosters and groups. Every function takes the viewer and checks lib/auth/permissions
// before reading or writing; a course the viewer may not see is reported as not found.
// Over 300 lines: a dozen short operations on one small model (course, membership, group);
// each is a screenful, and splitting them would scatter the course rules.

export async function createCourse(
  prisma: PrismaClient,
  viewer: Viewer,
  input: { title: unknown; term: unknown },
): Promise<Outcome<{ courseId: string }>> {
  if (!canCreateCourse(viewer))
    throw new ForbiddenError("Only instructors can create courses. Ask a site administrator.");
  const parsed = courseSchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      error: "Please correct the highlighted fields.",
      fields: fieldErrors(parsed.error),
    };
  const course = await prisma.course.create({
    data: {
      ...parsed.data,
      joinCode: newJoinCode(),
      createdById: viewer.userId,
      memberships: { create: { userId: viewer.userId, role: "instructor" } },
    },
  });
  return { ok: true, value: { courseId: course.id } };
}

export async function joinCourse(
  prisma: PrismaClient,
  viewer: Viewer,
  rawCode: unknown,
  now = new Date(),
): Promise<Outcome<{ courseId: string; alreadyMember: boolean }>> {
  const parsed = joinCodeSchema.safeParse(rawCode);
  if (!parsed.success)
    return {
      ok: false,
      error: parsed.error.issues[0]!.message,
      fields: { code: parsed.error.issues[0]!.message },
    };
  const limit = await hitRateLimit(prisma, `join:user:${viewer.userId}`, RATE_LIMITS.joinPerUser);
  if (!limit.allowed)
    return { ok: false, error: `Too many join attempts. ${retryMessage(limit.retryAfterSeconds)}` };

  const course = await prisma.course.findUnique({ where: { joinCode: parsed.data } });
  if (!course) {
    const message = "No course has that join code. Check it with your instructor.";
    return { ok: false, error: message, fields: { code: message } };
  }
  if (viewer.courses.has(course.id))
    return { ok: true, value: { courseId: course.id, alreadyMember: true } };
  if (!canJoinCourse(viewer, course, now)) {
    const message = "This join code has expired. Ask your instructor for a new one.";
    return { ok: false, error: message, fields: { code: message } };
  }
  await prisma.membership.create({
    data: { courseId: course.id, userId: viewer.userId, role: "student" },
  });
  return { ok: true, value: { courseId: course.id, alreadyMember: false } };
}

export async function listMyCourses(prisma: PrismaClient, viewer: Viewer) {
  const memberships = await prisma.membership.findMany({
    where: { userId: viewer.userId },
    orderBy: { course: { createdAt: "desc" } },
    select: {
      role: true,
      course: {
        select: { id: true, title: true, term: true, _count: { select: { memberships: true } } },
      },
    },
  });
  return memberships.map(({ role, course }) => ({
    role,
    ...course,
    memberCount: course._count.memberships,
  }));
}

/** The course page's data: everything for instructors, the course and own groups for students. */
export type CourseView = Awaited<ReturnType<typeof getCourse>>;

export async function getCourse(prisma: PrismaClient, viewer: Viewer | null, courseId: string) {
  if (!canViewCourse(viewer, { id: courseId })) throw new NotFoundError("Course not found.");
  const course = await prisma.course.findUnique({
    where: { id: courseId },
    select: { id: true, title: true, term: true, joinCode: true, joinCodeExpiresAt: true },
  });
  if (!course) throw new NotFoundError("Course not found.");
  const manage = canManageCourse(viewer, course);
  const groups = await prisma.group.findMany({
    where: { courseId, ...(manage ? {} : { members: { some: { userId: viewer!.userId } } }) },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      members: {
        select: { user: { select: { id: true, name: true, email: manage } } },
        orderBy: { user: { name: "asc" } },
      },
    },
  });
  const roster = manage
    ? await prisma.membership.findMany({
        where: { courseId },
        orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
        select: {
          role: true,
          createdAt: true,
          user: { select: { id: true, name: true, email: true } },
        },
      })
    : null;
  return {
    id: course.id,
    title: course.title,
    term: course.term,
    role: viewer!.courses.get(courseId) ?? null,
    canManage: manage,
    joinCode: manage ? course.joinCode : null,
    joinCodeExpiresAt: manage ? course.joinCodeExpiresAt : null,
    groups,
    roster,
  };
}

async function requireManagedCourse(prisma: PrismaClient, viewer: Viewer, courseId: string) {
  if (!canViewCourse(viewer, { id: courseId })) throw new NotFoundError("Course not found.");
  if (!canManageCourse(viewer, { id: courseId }))
    throw new ForbiddenError("Only the course's instructors can do that.");
  const course = await prisma.course.findUnique({ where: { id: courseId }, select: { id: true } });
  if (!course) throw new NotFoundError("Course not found.");
  return course;
}

export async function removeMember(
  prisma: PrismaClient,
  viewer: Viewer,
  courseId: string,
  userId: string,
) {
  const course = await requireManagedCourse(prisma, viewer, courseId);
  if (!canRemoveMember(viewer, course, { userId }))
    throw new ForbiddenError("You cannot remove yourself from your own course.");
  const member = await prisma.membership.findUnique({
    where: { courseId_userId: { courseId, userId } },
    select: { role: true, user: { select: { name: true, email: true } } },
  });
  if (!member) throw new NotFoundError("That person is not a member of this course.");
  await prisma.$transaction(async (tx) => {
    await tx.groupMember.deleteMany({ where: { userId, group: { courseId } } });
    await tx.membership.deleteMany({ where: { courseId, userId } });
    await recordAudit(tx, {
      actorId: viewer.userId,
      courseId,
      action: "member.remove",
      targetType: "user",
      targetId: userId,
      summary: `Removed ${member.user.name ?? member.user.email} (${member.role}) from the course`,
    });
  });
}

export async function regenerateJoinCode(
  prisma: PrismaClient,
  viewer: Viewer,
  courseId: string,
  expiresAt: Date | null,
) {
  await requireManagedCourse(prisma, viewer, courseId);
  return prisma.course.update({
    where: { id: courseId },
    data: { joinCode: newJoinCode(), joinCodeExpiresAt: expiresAt },
    select: { joinCode: true, joinCodeExpiresAt: true },
  });
}

export async function createGroup(
  prisma: PrismaClient,
  viewer: Viewer,
  courseId: string,
  input: { name: unknown },
): Promise<Outcome<{ groupId: string }>> {
  await requireManagedCourse(prisma, viewer, courseId);
  const parsed = groupSchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      error: "Please correct the highlighted fields.",
      fields: fieldErrors(parsed.error),
    };
  try {
    const group = await prisma.group.create({ data: { courseId, name: parsed.data.name } });
    return { ok: true, value: { groupId: group.id } };
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      return {
        ok: false,
        error: "Please correct the highlighted fields.",
        fields: { name: "This course already has a group with that name." },
      };
    }
    throw error;
  }
}

async function requireManagedGroup(prisma: PrismaClient, viewer: Viewer, groupId: string) {
  const group = await prisma.group.findUnique({
    where: { id: groupId },
    select: { id: true, courseId: true },
  });
  if (!group || !canViewCourse(viewer, { id: group.courseId }))
    throw new NotFoundError("Group not found.");
  if (!canManageGroup(viewer, group))
    throw new ForbiddenError("Only the course's instructors can change groups.");
  return group;
}

export async function addGroupMember(
  prisma: PrismaClient,
  viewer: Viewer,
  groupId: string,
  userId: string,
) {
  const group = await requireManagedGroup(prisma, viewer, groupId);
  const member = await prisma.membership.findUnique({
    where: { courseId_userId: { courseId: group.courseId, userId } },
  });
  if (!member) throw new NotFoundError("That person is not a member of this course.");
  await prisma.groupMember.upsert({
    where: { groupId_userId: { groupId, userId } },
    create: { groupId, userId },
    update: {},
  });
}

export async function removeGroupMember(
  prisma: PrismaClient,
  viewer: Viewer,
  groupId: string,
  userId: string,
) {
  await requireManagedGroup(prisma, viewer, groupId);
  await prisma.groupMember.deleteMany({ where: { groupId, userId } });
}

export async function deleteGroup(prisma: PrismaClient, viewer: Viewer, groupId: string) {
  await requireManagedGroup(prisma, viewer, groupId);
  await prisma.group.delete({ where: { id: groupId } });
}

// Site administration: who may create courses.

/** One page of the site's people, oldest accounts first (a site can have thousands). */
export async function listUsers(prisma: PrismaClient, viewer: Viewer, page = 1) {
  if (!canManageInstructors(viewer)) throw new NotFoundError();
  const size = PAGE_LIMITS.adminUsers;
  const [users, total] = await Promise.all([
    prisma.user.findMany({
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * size,
      take: size,
      select: { id: true, name: true, email: true, siteRole: true },
    }),
    prisma.user.count(),
  ]);
  return { users, total, page, pages: Math.max(1, Math.ceil(total / size)) };
}

export async function setSiteRole(
  prisma: PrismaClient,
  viewer: Viewer,
  userId: string,
  role: SiteRole,
) {
  if (!canManageInstructors(viewer)) throw new NotFoundError();
  if (userId === viewer.userId) throw new ForbiddenError("You cannot change your own role.");
  const { count } = await prisma.user.updateMany({
    where: { id: userId },
    data: { siteRole: role },
  });
  if (count === 0) throw new NotFoundError("No such user.");
}
