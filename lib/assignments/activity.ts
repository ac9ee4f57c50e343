import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { canManageAssignment, canViewAssignment, type Viewer } from "@/lib/auth/permissions";
import { ForbiddenError } from "@/lib/errors";
import { assessWork, countWords, rubricScore, type Assessment, type WorkItem } from "./rules";
import type { AssignmentRecord } from "./service";

// What students did for an assignment, loaded in a fixed number of queries whatever the class
// size. What counts: annotations and replies written in the assignment's course, on its document
// (overlapping its passage, or discussing the whole document), shared with the class (a private
// note is invisible to the instructor, so it cannot count), not deleted, posted after it opened.

type AssignmentScope = Pick<
  AssignmentRecord,
  | "id"
  | "courseId"
  | "documentId"
  | "firstAnchor"
  | "lastAnchor"
  | "opensAt"
  | "dueAt"
  | "closedAt"
  | "minAnnotations"
  | "minReplies"
  | "minWords"
  | "groupIds"
>;

/** Annotations in the assignment's course and passage that the class can see. */
function annotationsInScope(assignment: AssignmentScope): Prisma.AnnotationWhereInput {
  const { firstAnchor, lastAnchor } = assignment;
  return {
    documentId: assignment.documentId,
    courseId: assignment.courseId,
    visibility: { in: ["group", "course", "public"] },
    ...(firstAnchor !== null && lastAnchor !== null
      ? {
          OR: [
            { scope: "document" },
            { firstAnchor: { lte: lastAnchor }, lastAnchor: { gte: firstAnchor } },
          ],
        }
      : {}),
  };
}

export interface WorkEntry extends WorkItem {
  authorId: string;
  firstAnchor: number;
  lastAnchor: number;
  excerpt: string;
  /** The annotation to open in the reader (the reply's thread for a reply). */
  annotationId: string;
}

/** The students an assignment is set for: the whole course, or the members of its groups. */
export async function assignedStudents(
  prisma: PrismaClient,
  assignment: AssignmentScope,
  /** Just this student (if the assignment is set for them). */
  studentId?: string,
) {
  const rows = await prisma.membership.findMany({
    where: {
      courseId: assignment.courseId,
      role: "student",
      ...(studentId ? { userId: studentId } : {}),
      ...(assignment.groupIds.length
        ? {
            user: {
              groupMemberships: { some: { groupId: { in: [...assignment.groupIds] } } },
            },
          }
        : {}),
    },
    orderBy: { user: { name: "asc" } },
    select: {
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          groupMemberships: {
            where: { group: { courseId: assignment.courseId } },
            select: { group: { select: { name: true } } },
          },
        },
      },
    },
  });
  return rows.map(({ user }) => ({
    id: user.id,
    name: user.name ?? user.email ?? "Unnamed",
    email: user.email ?? "",
    groups: user.groupMemberships.map(({ group }) => group.name),
  }));
}

const excerptOf = (text: string) => (text.length > 140 ? `${text.slice(0, 139)}…` : text);

/** Every counted piece of work by the given students (annotations and replies), oldest first. */
export async function loadWork(
  prisma: PrismaClient,
  assignment: AssignmentScope,
  studentIds: readonly string[],
): Promise<WorkEntry[]> {
  if (studentIds.length === 0) return [];
  const authors = { in: [...studentIds] };
  const since = { gte: assignment.opensAt };
  const [annotations, replies] = await Promise.all([
    prisma.annotation.findMany({
      where: {
        ...annotationsInScope(assignment),
        authorId: authors,
        deletedAt: null,
        createdAt: since,
      },
      select: {
        id: true,
        authorId: true,
        createdAt: true,
        bodyText: true,
        firstAnchor: true,
        lastAnchor: true,
        _count: { select: { votes: true } },
      },
    }),
    prisma.reply.findMany({
      where: {
        authorId: authors,
        deletedAt: null,
        createdAt: since,
        annotation: annotationsInScope(assignment),
      },
      select: {
        id: true,
        authorId: true,
        createdAt: true,
        bodyText: true,
        annotation: { select: { id: true, firstAnchor: true, lastAnchor: true } },
        _count: { select: { votes: true } },
      },
    }),
  ]);
  const entries: WorkEntry[] = [
    ...annotations.map((row) => ({
      kind: "annotation" as const,
      id: row.id,
      annotationId: row.id,
      authorId: row.authorId,
      createdAt: row.createdAt,
      words: countWords(row.bodyText),
      upvotes: row._count.votes,
      firstAnchor: row.firstAnchor,
      lastAnchor: row.lastAnchor,
      excerpt: excerptOf(row.bodyText),
    })),
    ...replies.map((row) => ({
      kind: "reply" as const,
      id: row.id,
      annotationId: row.annotation.id,
      authorId: row.authorId,
      createdAt: row.createdAt,
      words: countWords(row.bodyText),
      upvotes: row._count.votes,
      firstAnchor: row.annotation.firstAnchor,
      lastAnchor: row.annotation.lastAnchor,
      excerpt: excerptOf(row.bodyText),
    })),
  ];
  return entries.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

function groupByAuthor(entries: readonly WorkEntry[]) {
  const byAuthor = new Map<string, WorkEntry[]>();
  for (const entry of entries) {
    const list = byAuthor.get(entry.authorId) ?? [];
    list.push(entry);
    byAuthor.set(entry.authorId, list);
  }
  return byAuthor;
}

export interface StudentRow {
  student: { id: string; name: string; email: string; groups: string[] };
  assessment: Assessment;
  extendedTo: Date | null;
  grade: { completion: boolean | null; quality: number | null; comment: string | null } | null;
  completion: number;
  score: number | null;
  work: WorkEntry[];
}

/** One row per assigned student with their assessment and grade: the dashboard and gradebook. */
export async function assignmentResults(
  prisma: PrismaClient,
  viewer: Viewer,
  assignment: AssignmentScope,
  now = new Date(),
  /** One student's row only (their work page), without loading the whole class. */
  { studentId }: { studentId?: string } = {},
): Promise<StudentRow[]> {
  if (!canManageAssignment(viewer, assignment))
    throw new ForbiddenError("Only the course's instructors see the class's results.");
  const students = await assignedStudents(prisma, assignment, studentId);
  const ids = students.map((student) => student.id);
  const [work, extensions, grades] = await Promise.all([
    loadWork(prisma, assignment, ids),
    prisma.assignmentExtension.findMany({
      where: { assignmentId: assignment.id, userId: { in: ids } },
      select: { userId: true, dueAt: true },
    }),
    prisma.grade.findMany({
      where: { assignmentId: assignment.id, userId: { in: ids } },
      select: { userId: true, completion: true, quality: true, comment: true },
    }),
  ]);
  const byAuthor = groupByAuthor(work);
  const extensionOf = new Map(extensions.map((row) => [row.userId, row.dueAt]));
  const gradeOf = new Map(grades.map(({ userId, ...grade }) => [userId, grade]));
  return students.map((student) => {
    const items = byAuthor.get(student.id) ?? [];
    const extendedTo = extensionOf.get(student.id) ?? null;
    const assessment = assessWork(
      assignment,
      { dueAt: assignment.dueAt, closedAt: assignment.closedAt, extendedTo },
      items,
      now,
    );
    const grade = gradeOf.get(student.id) ?? null;
    const { completion, score } = rubricScore(
      assessment.complete,
      grade?.completion ?? null,
      grade?.quality ?? null,
    );
    return { student, assessment, extendedTo, grade, completion, score, work: items };
  });
}

/** The viewer's own standing on an assignment set for them (students see only their own). */
export async function ownProgress(
  prisma: PrismaClient,
  viewer: Viewer,
  assignment: AssignmentScope,
  now = new Date(),
) {
  if (
    !canViewAssignment(viewer, assignment) ||
    viewer.courses.get(assignment.courseId) !== "student"
  )
    return null;
  const [work, extension, grade] = await Promise.all([
    loadWork(prisma, assignment, [viewer.userId]),
    prisma.assignmentExtension.findUnique({
      where: { assignmentId_userId: { assignmentId: assignment.id, userId: viewer.userId } },
      select: { dueAt: true },
    }),
    prisma.grade.findUnique({
      where: { assignmentId_userId: { assignmentId: assignment.id, userId: viewer.userId } },
      select: { completion: true, quality: true, comment: true },
    }),
  ]);
  const extendedTo = extension?.dueAt ?? null;
  const assessment = assessWork(
    assignment,
    { dueAt: assignment.dueAt, closedAt: assignment.closedAt, extendedTo },
    work,
    now,
  );
  return { assessment, extendedTo, grade, work };
}
