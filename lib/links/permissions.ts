import {
  canManageCourse,
  canReadDocument,
  canViewCourse,
  type MaybeViewer,
  type Viewer,
} from "@/lib/auth/permissions";

// Who may see and make links between passages of two documents (rival records, issue 19).
// Plain functions over the viewer and the rows, like lib/auth/permissions.ts; the service
// (service.ts) asks them for every read and write, and the SQL filter (readableLinksWhere)
// states the same rule for lists.

export type LinkStatus = "proposed" | "confirmed" | "rejected";

export interface LinkRef {
  courseId: string | null;
  status: LinkStatus;
  createdById: string;
  from: { courseId: string | null };
  to: { courseId: string | null };
}

/** Library-wide links (no course) are made by editors (site admins) and instructors. */
export function canLinkForEveryone(viewer: MaybeViewer): boolean {
  return viewer?.siteRole === "admin" || viewer?.siteRole === "instructor";
}

/**
 * Within a course: its members (and site admins, who may act in any course); an instructor's
 * link is confirmed, a student's proposed.
 */
export function canLinkInCourse(viewer: MaybeViewer, courseId: string): boolean {
  return viewer?.courses.has(courseId) === true || viewer?.siteRole === "admin";
}

/** The status a new link starts with. */
export function initialStatus(viewer: Viewer, courseId: string | null): LinkStatus {
  return courseId === null || canManageCourse(viewer, { id: courseId }) ? "confirmed" : "proposed";
}

/**
 * A link is shown only to someone who may read both documents, and, for a course's link, who
 * is in that course. A rejected link is seen only by its author and the course's instructors.
 */
export function canReadPassageLink(viewer: MaybeViewer, link: LinkRef): boolean {
  if (!canReadDocument(viewer, link.from) || !canReadDocument(viewer, link.to)) return false;
  if (link.courseId === null) return link.status === "confirmed";
  if (!viewer || !canViewCourse(viewer, { id: link.courseId })) return false;
  if (link.status === "rejected")
    return viewer.userId === link.createdById || canManageCourse(viewer, { id: link.courseId });
  return true;
}

/** Confirm or reject a proposal: the instructors of its course. */
export function canReviewPassageLink(viewer: MaybeViewer, link: LinkRef): boolean {
  return (
    link.courseId !== null &&
    canReadPassageLink(viewer, link) &&
    canManageCourse(viewer, { id: link.courseId })
  );
}

/** Remove: its author, the course's instructors, or (for library-wide links) site admins. */
export function canDeletePassageLink(viewer: MaybeViewer, link: LinkRef): boolean {
  if (!viewer || !canReadPassageLink(viewer, link)) return false;
  if (viewer.userId === link.createdById) return true;
  return link.courseId === null
    ? viewer.siteRole === "admin"
    : canManageCourse(viewer, { id: link.courseId });
}
