import { beforeAll, describe, expect, it } from "vitest";
import * as can from "@/lib/auth/permissions";
import { loadViewer } from "@/lib/auth/load-viewer";
import { getCourse } from "@/lib/courses/service";
import { getPrisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

// Every authorization question x every kind of viewer, with viewers loaded from PostgreSQL the
// way the app loads them. A cell is "allow" or "deny"; nothing is left implicit.

type Role = "anonymous" | "student" | "otherCourseStudent" | "groupMember" | "instructor" | "admin";
const ROLES: Role[] = [
  "anonymous",
  "student",
  "otherCourseStudent",
  "groupMember",
  "instructor",
  "admin",
];

const ids = {
  courseA: "",
  courseB: "",
  groupA: "",
  users: {} as Record<Exclude<Role, "anonymous">, string>,
};
const viewers = {} as Record<Role, can.MaybeViewer>;

beforeAll(async () => {
  const prisma = getPrisma();
  const user = (key: string, siteRole: "user" | "instructor" | "admin" = "user") =>
    prisma.user.create({ data: { name: key, email: `${key}@memcon.test`, siteRole } });
  const [student, other, grouped, instructor, admin, otherInstructor] = await Promise.all([
    user("student"),
    user("other"),
    user("grouped"),
    user("instructor", "instructor"),
    user("admin", "admin"),
    user("instructor-b", "instructor"),
  ]);
  const courseA = await prisma.course.create({
    data: {
      title: "Course A",
      term: "Spring 2027",
      joinCode: "AAAA2222",
      createdById: instructor.id,
      memberships: {
        create: [
          { userId: instructor.id, role: "instructor" },
          { userId: student.id, role: "student" },
          { userId: grouped.id, role: "student" },
        ],
      },
      groups: { create: { name: "Group A", members: { create: { userId: grouped.id } } } },
    },
    include: { groups: true },
  });
  const courseB = await prisma.course.create({
    data: {
      title: "Course B",
      term: "Spring 2027",
      joinCode: "BBBB3333",
      createdById: otherInstructor.id,
      memberships: {
        create: [
          { userId: otherInstructor.id, role: "instructor" },
          { userId: other.id, role: "student" },
        ],
      },
    },
  });
  Object.assign(ids, {
    courseA: courseA.id,
    courseB: courseB.id,
    groupA: courseA.groups[0]!.id,
    users: {
      student: student.id,
      otherCourseStudent: other.id,
      groupMember: grouped.id,
      instructor: instructor.id,
      admin: admin.id,
    },
  });
  viewers.anonymous = null;
  for (const role of ROLES.slice(1) as Exclude<Role, "anonymous">[]) {
    viewers[role] = await loadViewer(prisma, ids.users[role]);
  }
});

const A = () => ({ id: ids.courseA });
const groupA = () => ({ id: ids.groupA, courseId: ids.courseA });
/** An annotation by the student in course A (group A for group visibility). */
const annotation = (
  visibility: can.Visibility,
  hidden = false,
  author: () => string = () => ids.users.student,
): can.AnnotationRef => ({
  authorId: author(),
  visibility,
  courseId: visibility === "public" || visibility === "private" ? null : ids.courseA,
  groupId: visibility === "group" ? ids.groupA : null,
  hidden,
});
const groupAnnotationByGroupMember = () => annotation("group", false, () => ids.users.groupMember);

type Check = (viewer: can.MaybeViewer) => boolean;
//                                  anon   student otherSt group  instr  admin
const MATRIX: [string, Check, [boolean, boolean, boolean, boolean, boolean, boolean]][] = [
  ["create a course", (v) => can.canCreateCourse(v), [false, false, false, false, true, true]],
  [
    "manage instructors",
    (v) => can.canManageInstructors(v),
    [false, false, false, false, false, true],
  ],
  ["view course A", (v) => can.canViewCourse(v, A()), [false, true, false, true, true, true]],
  ["manage course A", (v) => can.canManageCourse(v, A()), [false, false, false, false, true, true]],
  [
    "see course A's roster",
    (v) => can.canViewRoster(v, A()),
    [false, false, false, false, true, true],
  ],
  [
    "see course A's assignment results",
    (v) => can.canSeeAssignmentResults(v, A()),
    [false, false, false, false, true, true],
  ],
  ["post in course A", (v) => can.canPostInCourse(v, A()), [false, true, false, true, true, false]],
  [
    "join course A with its open code",
    (v) => can.canJoinCourse(v, { ...A(), joinCodeExpiresAt: null }),
    [false, false, true, false, false, true],
  ],
  [
    "join course A with an expired code",
    (v) => can.canJoinCourse(v, { ...A(), joinCodeExpiresAt: new Date(Date.now() - 1000) }),
    [false, false, false, false, false, false],
  ],
  [
    "remove the student from course A",
    (v) => can.canRemoveMember(v, A(), { userId: ids.users.student }),
    [false, false, false, false, true, true],
  ],
  [
    "remove the instructor (self) from course A",
    (v) => can.canRemoveMember(v, A(), { userId: ids.users.instructor }),
    [false, false, false, false, false, true],
  ],
  [
    "manage group A",
    (v) => can.canManageGroup(v, groupA()),
    [false, false, false, false, true, true],
  ],
  ["view group A", (v) => can.canViewGroup(v, groupA()), [false, false, false, true, true, true]],
  [
    "read the student's private annotation",
    (v) => can.canReadAnnotation(v, annotation("private")),
    [false, true, false, false, false, false],
  ],
  [
    "read a group-A annotation",
    (v) => can.canReadAnnotation(v, groupAnnotationByGroupMember()),
    [false, false, false, true, true, true],
  ],
  [
    "read a course-A annotation",
    (v) => can.canReadAnnotation(v, annotation("course")),
    [false, true, false, true, true, true],
  ],
  [
    "read a public annotation",
    (v) => can.canReadAnnotation(v, annotation("public")),
    [false, true, true, true, true, true],
  ],
  [
    "read a hidden course-A annotation",
    (v) => can.canReadAnnotation(v, annotation("course", true)),
    [false, true, false, false, true, true],
  ],
  [
    "read the student's note made private after an instructor hid it",
    (v) => can.canReadAnnotation(v, { ...annotation("course", true), visibility: "private" }),
    [false, true, false, false, false, false],
  ],
  [
    "edit the student's annotation",
    (v) => can.canEditAnnotation(v, annotation("course")),
    [false, true, false, false, false, false],
  ],
  [
    "hide a course-A annotation",
    (v) => can.canHideAnnotation(v, annotation("course")),
    [false, false, false, false, true, true],
  ],
];

describe.each(MATRIX)("who may %s", (_action, check, expected) => {
  it.each(ROLES.map((role, index) => ({ role, allowed: expected[index]! })))(
    "$role: $allowed",
    ({ role, allowed }) => {
      expect(check(viewers[role])).toBe(allowed);
    },
  );
});

describe("course pages through the service", () => {
  it.each(ROLES.map((role) => ({ role })))("$role opening course A", async ({ role }) => {
    const attempt = getCourse(getPrisma(), viewers[role], ids.courseA);
    if (["anonymous", "otherCourseStudent"].includes(role)) {
      // Outsiders learn nothing, not even that the course exists.
      await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
      return;
    }
    const course = await attempt;
    expect(course.title).toBe("Course A");
    const manages = role === "instructor" || role === "admin";
    expect(course.roster === null).toBe(!manages);
    expect(course.joinCode === null).toBe(!manages);
    if (role === "student") expect(course.groups).toEqual([]);
    if (role === "groupMember")
      expect(course.groups.map((group) => group.name)).toEqual(["Group A"]);
  });

  it("a guessed course id that does not exist is not found, for anyone", async () => {
    await expect(
      getCourse(getPrisma(), viewers.admin, "cnotacourse000000000000"),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
