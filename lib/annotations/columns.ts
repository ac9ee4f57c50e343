import { Prisma } from "@/lib/generated/prisma/client";

// The columns an annotation is read with, in the two forms the code reads them: Prisma's select
// (findUnique and friends) and the raw SQL of the hot lists (LISTED_COLUMNS, which must name the
// same columns; tests/integration/reader-panel.test.ts holds the two equal row by row).

export const listSelect = {
  id: true,
  documentId: true,
  authorId: true,
  visibility: true,
  courseId: true,
  groupId: true,
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
  hiddenAt: true,
  deletedAt: true,
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
export const LISTED_COLUMNS = Prisma.sql`a."id", a."documentId", a."authorId",
  a."visibility"::text AS "visibility", a."courseId", a."groupId", a."selector", a."quote",
  a."firstAnchor", a."lastAnchor", a."orphaned", a."body", a."bodyHtml", a."bodyText", a."tags",
  a."version", a."hiddenAt", a."deletedAt", a."endorsedAt", a."lockedAt", a."resolvedAt",
  a."scope"::text AS "scope", a."createdAt", a."updatedAt", a."originallyCreatedAt",
  u."name" AS "authorName", c."title" AS "courseTitle", g."name" AS "groupName"`;
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
