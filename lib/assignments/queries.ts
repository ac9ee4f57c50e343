import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  canManageCourse,
  canViewAssignment,
  canViewCourse,
  type Viewer,
} from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { assignmentResults, ownProgress, type StudentRow } from "./activity";
import { computeHeat } from "./heat";
import { getAssignment, type AssignmentRecord } from "./service";

// What the assignment pages show. Access is decided by lib/auth/permissions through
// getAssignment / assignmentResults; these functions only shape the data.

const listSelect = {
  id: true,
  courseId: true,
  documentId: true,
  title: true,
  firstAnchor: true,
  lastAnchor: true,
  opensAt: true,
  dueAt: true,
  timeZone: true,
  closedAt: true,
  minAnnotations: true,
  minReplies: true,
  minWords: true,
  hideUntilPosted: true,
  course: { select: { id: true, title: true } },
  document: { select: { slug: true, title: true } },
  groups: { select: { groupId: true, group: { select: { name: true } } } },
} as const;

function withGroupIds<T extends { groups: { groupId: string }[] }>(row: T) {
  return { ...row, groupIds: row.groups.map(({ groupId }) => groupId) };
}

/** A course's assignments the viewer may see, soonest due first. */
export async function courseAssignments(prisma: PrismaClient, viewer: Viewer, courseId: string) {
  if (!canViewCourse(viewer, { id: courseId })) throw new NotFoundError("Course not found.");
  const rows = await prisma.assignment.findMany({
    where: { courseId },
    orderBy: [{ dueAt: "asc" }, { title: "asc" }],
    select: listSelect,
  });
  return rows.map(withGroupIds).filter((row) => canViewAssignment(viewer, row));
}

/**
 * "My assignments": for each course the viewer studies in, the assignments set for them with
 * their progress; for each course they teach, the assignments with how many students are done.
 */
export async function myAssignments(prisma: PrismaClient, viewer: Viewer, now = new Date()) {
  const courseIds = [...viewer.courses.keys()];
  const rows = (
    await prisma.assignment.findMany({
      where: { courseId: { in: courseIds } },
      orderBy: [{ dueAt: "asc" }, { title: "asc" }],
      select: listSelect,
    })
  )
    .map(withGroupIds)
    .filter((row) => canViewAssignment(viewer, row));

  const studying = rows.filter((row) => viewer.courses.get(row.courseId) === "student");
  const teaching = rows.filter((row) => canManageCourse(viewer, { id: row.courseId }));
  const toDo = await Promise.all(
    studying.map(async (assignment) => ({
      assignment,
      progress: await ownProgress(prisma, viewer, assignment, now),
    })),
  );
  const taught = await Promise.all(
    teaching.map(async (assignment) => {
      const results = await assignmentResults(prisma, viewer, assignment, now);
      return {
        assignment,
        students: results.length,
        done: results.filter((row) => row.assessment.complete).length,
        late: results.filter((row) => row.assessment.status === "late").length,
      };
    }),
  );
  return { toDo, taught };
}

/** Everything the instructor's dashboard draws: results per student and the class's heat. */
export async function assignmentDashboard(
  prisma: PrismaClient,
  viewer: Viewer,
  /** As the page loaded it with getAssignment (which checked the viewer may see it). */
  assignment: AssignmentRecord,
  now = new Date(),
) {
  const [results, turns] = await Promise.all([
    assignmentResults(prisma, viewer, assignment, now),
    prisma.turn.findMany({
      where: { documentId: assignment.documentId },
      orderBy: { position: "asc" },
      select: {
        anchor: true,
        position: true,
        kind: true,
        label: true,
        speaker: { select: { name: true, label: true } },
      },
    }),
  ]);
  const heat = computeHeat(
    turns.map((turn) => ({
      anchor: turn.anchor,
      position: turn.position,
      speaker: turn.speaker?.label ?? turn.speaker?.name ?? null,
      label: turn.label ?? turn.kind,
    })),
    results.flatMap((row) => row.work),
    assignment.firstAnchor !== null && assignment.lastAnchor !== null
      ? { firstAnchor: assignment.firstAnchor, lastAnchor: assignment.lastAnchor }
      : null,
  );
  return { assignment, results, heat };
}

export type DashboardSort = "name" | "annotations" | "replies" | "words" | "upvotes" | "last";
export type DashboardFilter = "all" | "complete" | "late" | "missing" | "in-progress";

/** The dashboard table's sorting and filtering (links, so they work without JavaScript). */
export function sortAndFilter(
  rows: readonly StudentRow[],
  sort: DashboardSort,
  descending: boolean,
  filter: DashboardFilter,
): StudentRow[] {
  const keep = rows.filter((row) => {
    const status = row.assessment.status;
    if (filter === "all") return true;
    if (filter === "in-progress") return status === "in-progress" || status === "not-started";
    return status === filter;
  });
  const value = (row: StudentRow): number | string => {
    const a = row.assessment;
    switch (sort) {
      case "name":
        return row.student.name.toLocaleLowerCase();
      case "annotations":
        return a.annotations.counted;
      case "replies":
        return a.replies.counted;
      case "words":
        return a.words;
      case "upvotes":
        return a.upvotes;
      case "last":
        return a.lastActivity?.getTime() ?? 0;
    }
  };
  const sorted = [...keep].sort((x, y) => {
    const a = value(x);
    const b = value(y);
    const order = typeof a === "string" ? a.localeCompare(b as string) : a - (b as number);
    return order || x.student.name.localeCompare(y.student.name);
  });
  return descending ? sorted.reverse() : sorted;
}

/**
 * The assignment a reader was opened for (`?assignment=<id>`): its instructions and, for a
 * student, their progress. Null when it does not exist, is not the viewer's, or is about another
 * document — the reader then simply opens without it.
 */
export async function readerAssignment(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  documentId: string,
  now = new Date(),
) {
  let assignment;
  try {
    assignment = await getAssignment(prisma, viewer, id);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
  if (assignment.documentId !== documentId) return null;
  const progress = await ownProgress(prisma, viewer, assignment, now);
  return { assignment, progress };
}
