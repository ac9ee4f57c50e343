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

// The columns of listSelect, its relations built by PostgreSQL as the objects Prisma would give.
/** Columns PostgreSQL returns as enums, read as text (as Prisma hands them over). */
const ENUM_COLUMNS: ReadonlySet<string> = new Set(["visibility", "scope"]);

/** The relations' joined tables: their aliases in LISTED_JOINS and WITH_DOCUMENT_JOINS. */
const RELATION_ALIASES: Record<string, string> = {
  author: "u",
  course: "c",
  group: "g",
  document: "d",
};

/** A relation's selected columns as one JSON object, or null when the row has none. */
const relationJson = (relation: string, select: Record<string, unknown>) => {
  const alias = RELATION_ALIASES[relation]!;
  const fields = Object.keys(select)
    .map((field) => `'${field}', ${alias}."${field}"`)
    .join(", ");
  return `CASE WHEN ${alias}."id" IS NULL THEN NULL ELSE json_build_object(${fields}) END AS "${relation}"`;
};

/**
 * listSelect in SQL, each relation as a JSON object of its selected columns (null when there is
 * none), so the rows come back in the shape `select: listSelect` gives and the app reshapes
 * nothing (copying 25 columns per row into a new object cost about half a millisecond per page
 * of 50: bench/README.md, round 4). Derived from listSelect, so the raw lists and Prisma's reads
 * cannot drift (tests/integration/reader-panel.test.ts holds them equal row by row). Column
 * names only, never input, so Prisma.raw is safe here.
 */
export const LISTED_COLUMNS = Prisma.raw(
  Object.entries(listSelect)
    .map(([column, selected]) => {
      if (selected === true)
        return ENUM_COLUMNS.has(column) ? `a."${column}"::text AS "${column}"` : `a."${column}"`;
      return relationJson(column, selected.select);
    })
    .join(", "),
);
export const LISTED_JOINS = Prisma.sql`JOIN "User" u ON u."id" = a."authorId"
  LEFT JOIN "Course" c ON c."id" = a."courseId"
  LEFT JOIN "Group" g ON g."id" = a."groupId"`;

/** withDocument in SQL: LISTED_COLUMNS and the document, with WITH_DOCUMENT_JOINS. */
export const WITH_DOCUMENT_COLUMNS = Prisma.sql`${LISTED_COLUMNS}, ${Prisma.raw(
  relationJson("document", withDocument.document.select),
)}`;
export const WITH_DOCUMENT_JOINS = Prisma.sql`${LISTED_JOINS}
  JOIN "Document" d ON d."id" = a."documentId"`;
