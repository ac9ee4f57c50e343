// Memcon's authorization rules, as plain functions over who is asking (a Viewer, or null when
// signed out) and the record in question. Every page, server action and route handler asks these;
// none decides access on its own, and none trusts ids sent by the client without loading the
// record and asking here. Tested as a matrix in tests/integration/permissions-matrix.test.ts.

import type { CourseRole, SiteRole, Visibility } from "@/lib/generated/prisma/enums";

// The roles and audiences are the database's enums (prisma/schema.prisma), named here once.
export type { CourseRole, SiteRole, Visibility };

export interface Viewer {
  userId: string;
  siteRole: SiteRole;
  /** courseId → role in that course */
  courses: ReadonlyMap<string, CourseRole>;
  /** groupId → courseId, for the groups the viewer belongs to */
  groups: ReadonlyMap<string, string>;
}

export type MaybeViewer = Viewer | null;

interface CourseRef {
  id: string;
}
interface GroupRef {
  id: string;
  courseId: string;
}

const isAdmin = (viewer: MaybeViewer) => viewer?.siteRole === "admin";
const roleIn = (viewer: MaybeViewer, courseId: string) => viewer?.courses.get(courseId);

export function isSignedIn(viewer: MaybeViewer): viewer is Viewer {
  return viewer !== null;
}

/** Instructors (a site capability granted by an admin) and admins may open new courses. */
export function canCreateCourse(viewer: MaybeViewer): boolean {
  return viewer?.siteRole === "instructor" || isAdmin(viewer);
}

export function canManageInstructors(viewer: MaybeViewer): boolean {
  return isAdmin(viewer);
}

export function canViewCourse(viewer: MaybeViewer, course: CourseRef): boolean {
  return roleIn(viewer, course.id) !== undefined || isAdmin(viewer);
}

/** Roster, join code, groups, removing members, hiding content: the course's instructors. */
export function canManageCourse(viewer: MaybeViewer, course: CourseRef): boolean {
  return roleIn(viewer, course.id) === "instructor" || isAdmin(viewer);
}

export const canViewRoster = canManageCourse;
export const canSeeAssignmentResults = canManageCourse;

/** Annotate, reply and discuss in a course: its members. */
export function canPostInCourse(viewer: MaybeViewer, course: CourseRef): boolean {
  return roleIn(viewer, course.id) !== undefined;
}

export function canJoinCourse(
  viewer: MaybeViewer,
  course: CourseRef & { joinCodeExpiresAt: Date | null },
  now = new Date(),
): boolean {
  if (!viewer || roleIn(viewer, course.id)) return false;
  return course.joinCodeExpiresAt === null || course.joinCodeExpiresAt > now;
}

/** Instructors remove members, but never themselves (a course must keep its instructor). */
export function canRemoveMember(
  viewer: MaybeViewer,
  course: CourseRef,
  member: { userId: string },
): boolean {
  return canManageCourse(viewer, course) && viewer!.userId !== member.userId;
}

export function canManageGroup(viewer: MaybeViewer, group: GroupRef): boolean {
  return canManageCourse(viewer, { id: group.courseId });
}

export function canViewGroup(viewer: MaybeViewer, group: GroupRef): boolean {
  return viewer?.groups.get(group.id) === group.courseId || canManageGroup(viewer, group);
}

export interface AnnotationRef {
  authorId: string;
  visibility: Visibility;
  courseId: string | null;
  groupId: string | null;
  /** Hidden by an instructor: then only its author and the course's instructors see it. */
  hidden: boolean;
}

export function canReadAnnotation(viewer: MaybeViewer, annotation: AnnotationRef): boolean {
  if (!viewer) return false;
  if (viewer.userId === annotation.authorId) return true;
  // A private note stays private even if an instructor hid it while it was shared.
  if (annotation.visibility === "private") return false;
  const course = annotation.courseId ? { id: annotation.courseId } : undefined;
  if (annotation.hidden) return course ? canManageCourse(viewer, course) : isAdmin(viewer);
  switch (annotation.visibility) {
    case "group":
      return (
        annotation.groupId !== null &&
        !!course &&
        (canViewGroup(viewer, { id: annotation.groupId, courseId: course.id }) ||
          canManageCourse(viewer, course))
      );
    case "course":
      return !!course && canViewCourse(viewer, course);
    case "public":
      return true;
  }
}

export function canEditAnnotation(viewer: MaybeViewer, annotation: AnnotationRef): boolean {
  return viewer?.userId === annotation.authorId;
}

export function canHideAnnotation(viewer: MaybeViewer, annotation: AnnotationRef): boolean {
  return annotation.courseId !== null && canManageCourse(viewer, { id: annotation.courseId });
}

/** Endorse, lock: the instructors of the annotation's course. */
export function canModerateThread(viewer: MaybeViewer, annotation: AnnotationRef): boolean {
  return canHideAnnotation(viewer, annotation);
}

/** Mark a discussion resolved: its author, or the course's instructors. */
export function canResolveThread(viewer: MaybeViewer, annotation: AnnotationRef): boolean {
  return viewer?.userId === annotation.authorId || canModerateThread(viewer, annotation);
}

/** "Helpful": anyone who may read the thread, except for their own writing. */
export function canVote(viewer: MaybeViewer, annotation: AnnotationRef, authorId: string): boolean {
  return canReadAnnotation(viewer, annotation) && viewer?.userId !== authorId;
}

export interface AssignmentRef {
  courseId: string;
  /** The reading groups it is set for; empty means the whole course. */
  groupIds: readonly string[];
}

/** Create, edit, close, extend, grade, see the dashboard: the course's instructors. */
export function canManageAssignment(
  viewer: MaybeViewer,
  assignment: { courseId: string },
): boolean {
  return canManageCourse(viewer, { id: assignment.courseId });
}

/** A student sees an assignment set for the whole course or for one of their groups. */
export function canViewAssignment(viewer: MaybeViewer, assignment: AssignmentRef): boolean {
  if (canManageAssignment(viewer, assignment)) return true;
  if (roleIn(viewer, assignment.courseId) !== "student") return false;
  return (
    assignment.groupIds.length === 0 ||
    assignment.groupIds.some((groupId) => viewer!.groups.get(groupId) === assignment.courseId)
  );
}

/** The course's audit log: its instructors and site admins. */
export const canReadAuditLog = canManageCourse;

// Documents: the public library's are read by everyone; a course's only by its members (and
// site admins, who may read any course). Drafts are never read: only their reviewers see them.

export interface DocumentRef {
  /** null: the public library. */
  courseId: string | null;
}

export function canReadDocument(viewer: MaybeViewer, document: DocumentRef): boolean {
  return document.courseId === null || canViewCourse(viewer, { id: document.courseId });
}

/**
 * Bring, review, correct and publish documents: a course's instructors for that course; the
 * public library only site admins (who may also publish into any course).
 */
export function canAddDocument(viewer: MaybeViewer, target: DocumentRef): boolean {
  return target.courseId === null
    ? isAdmin(viewer)
    : canManageCourse(viewer, { id: target.courseId });
}
