import { Prisma } from "@/lib/generated/prisma/client";

// The columns an annotation is read with, in the two forms the code reads them: Prisma's select
// (findUnique and friends) and the raw SQL of the hot lists (LISTED_COLUMNS, derived from the
// select; tests/integration/reader-panel.test.ts holds the two equal row by row).

/**
 * The columns the permission rules read, for every query that loads an annotation only to decide
 * whether the viewer may see it (threads, moderation, the digest, live events).
 */
export const PERMISSION_COLUMNS = {
  id: true,
  documentId: true,
  authorId: true,
  visibility: true,
  courseId: true,
  groupId: true,
  hiddenAt: true,
  deletedAt: true,
} as const satisfies Prisma.AnnotationSelect;

export const listSelect = {
  ...PERMISSION_COLUMNS,
  selector: true,
  quote: true,
  firstAnchor: true,
  lastAnchor: true,
  orphaned: true,
  body: true,
  bodyHtml: true,
  bodyText: true,
  tags: true,
  version: true,
  endorsedAt: true,
  lockedAt: true,
  resolvedAt: true,
  scope: true,
  createdAt: true,
  updatedAt: true,
  originallyCreatedAt: true,
  author: { select: { id: true, name: true } },
  course: { select: { id: true, title: true } },
  group: { select: { id: true, name: true } },
} satisfies Prisma.AnnotationSelect;

export type AnnotationRow = Prisma.AnnotationGetPayload<{ select: typeof listSelect }>;

export const withDocument = {
  ...listSelect,
  document: { select: { slug: true, title: true } },
} satisfies Prisma.AnnotationSelect;

export type AnnotationWithDocument = Prisma.AnnotationGetPayload<{ select: typeof withDocument }>;

// The columns of listSelect, with the author's, course's and group's names joined in.
/** Columns PostgreSQL returns as enums, read as text (as Prisma hands them over). */
const ENUM_COLUMNS: ReadonlySet<string> = new Set(["visibility", "scope"]);

/**
 * listSelect's own columns in SQL, with the author's, course's and group's names joined in
 * (LISTED_JOINS): derived from listSelect, so the raw lists and Prisma's reads cannot drift.
 * Column names only, never input, so Prisma.raw is safe here.
 */
export const LISTED_COLUMNS = Prisma.raw(
  [
    ...Object.entries(listSelect)
      .filter(([, selected]) => selected === true)
      .map(([column]) =>
        ENUM_COLUMNS.has(column) ? `a."${column}"::text AS "${column}"` : `a."${column}"`,
      ),
    `u."name" AS "authorName"`,
    `c."title" AS "courseTitle"`,
    `g."name" AS "groupName"`,
  ].join(", "),
);
export const LISTED_JOINS = Prisma.sql`JOIN "User" u ON u."id" = a."authorId"
  LEFT JOIN "Course" c ON c."id" = a."courseId"
  LEFT JOIN "Group" g ON g."id" = a."groupId"`;

export type ListedRow = Omit<AnnotationRow, "author" | "course" | "group"> & {
  authorName: string | null;
  courseTitle: string | null;
  groupName: string | null;
};

/** A LISTED_COLUMNS row in the shape `select: listSelect` gives. */
export function fromListed<T extends ListedRow>({ authorName, courseTitle, groupName, ...row }: T) {
  return {
    ...row,
    author: { id: row.authorId, name: authorName },
    course: row.courseId && courseTitle !== null ? { id: row.courseId, title: courseTitle } : null,
    group: row.groupId && groupName !== null ? { id: row.groupId, name: groupName } : null,
  };
}
