import { Prisma } from "@/lib/generated/prisma/client";
import type { Visibility } from "./types";

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

const iso = (column: string) => `to_char(a."${column}", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * An annotation as the API's JSON (toApiJson's shape, lib/annotations/records.ts), built by
 * PostgreSQL as text, with LISTED_JOINS: the API's lists send it as it comes, where parsing each
 * row's body and selector into objects only to serialise them again cost the app more than the
 * query (bench/README.md, rounds 2 and 5). `documentSlug`: the slug as SQL (a parameter, or
 * `d."slug"` with WITH_DOCUMENT_JOINS). tests/integration/reader-panel.test.ts and
 * readable-page.test.ts hold it equal to toApiJson's.
 */
const apiJsonColumn = (documentSlug: Prisma.Sql) => Prisma.sql`json_build_object(
    'id', a."id", 'document', ${documentSlug},
    'author', json_build_object('id', a."authorId", 'name', u."name"),
    'visibility', a."visibility",
    'course', CASE WHEN c."id" IS NULL THEN NULL
      ELSE json_build_object('id', c."id", 'title', c."title") END,
    'group', CASE WHEN g."id" IS NULL THEN NULL
      ELSE json_build_object('id', g."id", 'name', g."name") END,
    'target', a."selector", 'orphaned', a."orphaned", 'body', a."body",
    'html', a."bodyHtml", 'text', a."bodyText", 'tags', a."tags",
    'created', ${Prisma.raw(iso("createdAt"))}, 'updated', ${Prisma.raw(iso("updatedAt"))}
  )::text AS "json"`;

/** The columns readableNow checks, with the API's JSON of the row (apiJsonColumn). */
export const apiJsonColumns = (documentSlug: Prisma.Sql) => Prisma.sql`a."documentId",
  a."authorId", a."visibility"::text AS "visibility", a."courseId", a."groupId", a."hiddenAt",
  ${apiJsonColumn(documentSlug)}`;

/** A row of apiJsonColumns. */
export interface ApiJsonRow {
  documentId: string;
  authorId: string;
  visibility: Visibility;
  courseId: string | null;
  groupId: string | null;
  hiddenAt: Date | null;
  json: string;
}
