import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { AnnotationSelector } from "@/lib/anchoring/types";
import type { Viewer } from "@/lib/auth/permissions";
import { postingGate, type PostingGate } from "@/lib/assignments/gate";
import { rawRows } from "@/lib/db/raw";
import { readableNow, readableNowSql } from "./access";
import {
  apiJsonColumns,
  LISTED_COLUMNS,
  LISTED_JOINS,
  type AnnotationRow,
  type ApiJsonRow,
} from "./columns";
import type { Visibility } from "./types";

// A document's readable annotations, for the reader (full rows and the light index) and the
// whole-list export.

/**
 * The WHERE of a document's readable annotations, shared by the full rows and the index.
 *
 * The ids come first, from the covering index on (documentId, createdAt) that holds every column
 * the permission filter reads (an index-only scan), and only those rows are then read by id.
 * Filtering the rows themselves read every note of the document, bodies and all: about twice
 * the time on a large seminar document, where a student may read one note in ten
 * (bench/README.md). The deleted-with-replies test runs per deleted note only (LIMIT 1 keeps
 * the planner from scanning every reply to hash them).
 */
function documentFilter(
  viewer: Viewer,
  gate: PostingGate,
  documentId: string,
  withDeletedThreads: boolean,
  ids: readonly string[] | undefined,
) {
  return Prisma.sql`a."id" = ANY(ARRAY(
    SELECT a."id" FROM "Annotation" a
    WHERE a."documentId" = ${documentId}
      AND (a."deletedAt" IS NULL${
        // A deleted annotation that others answered stays as "annotation deleted", so the
        // discussion remains readable.
        withDeletedThreads
          ? Prisma.sql` OR (SELECT true FROM "Reply" r
              WHERE r."annotationId" = a."id" AND r."deletedAt" IS NULL LIMIT 1)`
          : Prisma.empty
      })
      ${ids ? Prisma.sql`AND a."id" = ANY(${[...ids]}::text[])` : Prisma.empty}
      AND ${readableNowSql(viewer, gate)}))`;
}

interface DocumentListOptions {
  /** The reader keeps deleted annotations that have replies, as placeholders; exports do not. */
  withDeletedThreads?: boolean;
  /** The viewer's "post first" gate on this document, when the caller has it already. */
  gate?: PostingGate;
  /** Only these annotations (the reader's panel loads the cards it shows). */
  ids?: readonly string[];
}

/**
 * The annotations of a document the viewer may read, in reading order; deleted ones left out.
 *
 * One SQL query with joins rather than `findMany` with relations: for a 2,000-turn seminar
 * document (about 1,800 readable notes) Prisma's query compiler, its follow-up queries for
 * authors, courses and groups, and its row mapping cost four times the query itself
 * (bench/README.md). The filter is readableSql's; every row is still checked in code.
 */
export async function listDocumentAnnotations(
  prisma: PrismaClient,
  viewer: Viewer | null,
  documentId: string,
  { withDeletedThreads = false, gate, ids }: DocumentListOptions = {},
): Promise<AnnotationRow[]> {
  if (!viewer || ids?.length === 0) return [];
  const held = gate ?? (await postingGate(prisma, viewer, [documentId]));
  const rows = await rawRows<AnnotationRow>(
    prisma,
    Prisma.sql`
    SELECT ${LISTED_COLUMNS} FROM "Annotation" a ${LISTED_JOINS}
    WHERE ${documentFilter(viewer, held, documentId, withDeletedThreads, ids)}
    ORDER BY a."firstAnchor" ASC, a."createdAt" ASC`,
  );
  return rows.filter(readableNow(viewer, held));
}

/**
 * The same annotations as listDocumentAnnotations, each already as the API's JSON (toApiJson's
 * shape, built by PostgreSQL): `GET /api/documents/<slug>/annotations` sends the whole readable
 * list, and parsing 1,800 notes' bodies and selectors into objects only to serialise them again
 * cost the app four times what the query did (bench/README.md). Rows are still checked in code
 * on their permission columns. tests/integration/reader-panel.test.ts holds it equal to the
 * objects' JSON.
 */
export async function listDocumentAnnotationsJson(
  prisma: PrismaClient,
  viewer: Viewer | null,
  document: { id: string; slug: string; courseId: string | null },
): Promise<string[]> {
  if (!viewer) return [];
  const held = await postingGate(prisma, viewer, [document]);
  const rows = await rawRows<ApiJsonRow>(
    prisma,
    Prisma.sql`
    SELECT ${apiJsonColumns(Prisma.sql`${document.slug}::text`)}
    FROM "Annotation" a ${LISTED_JOINS}
    WHERE ${documentFilter(viewer, held, document.id, false, undefined)}
    ORDER BY a."firstAnchor" ASC, a."createdAt" ASC`,
  );
  return rows.filter(readableNow(viewer, held)).map((row) => row.json);
}

/** What the reader needs of every readable note up front: who, where, shared how, tags. */
export interface AnnotationIndexRow {
  id: string;
  documentId: string;
  authorId: string;
  authorName: string | null;
  visibility: Visibility;
  courseId: string | null;
  groupId: string | null;
  /** The selector's positions (turn anchor, start, end), for the highlights. */
  positions: AnnotationSelector["positions"];
  orphaned: boolean;
  tags: string[];
  hiddenAt: Date | null;
  deletedAt: Date | null;
  scope: "passage" | "document";
}

/**
 * The same annotations as listDocumentAnnotations (same filter, same checks, same order) without
 * their bodies, quotes or discussions: the reader's highlights and the panel's index. The panel
 * loads the cards it shows (lib/reader/panel.ts): a large seminar document has about 1,800
 * readable notes, and their cards made a third of the reader's page.
 */
export async function listDocumentIndex(
  prisma: PrismaClient,
  viewer: Viewer | null,
  documentId: string,
  { gate }: { gate?: PostingGate } = {},
): Promise<AnnotationIndexRow[]> {
  if (!viewer) return [];
  const held = gate ?? (await postingGate(prisma, viewer, [documentId]));
  const rows = await rawRows<AnnotationIndexRow>(
    prisma,
    Prisma.sql`
    SELECT a."id", a."documentId", a."authorId", u."name" AS "authorName",
      a."visibility"::text AS "visibility", a."courseId", a."groupId",
      a."selector"->'positions' AS "positions", a."orphaned", a."tags", a."hiddenAt",
      a."deletedAt", a."scope"::text AS "scope"
    FROM "Annotation" a JOIN "User" u ON u."id" = a."authorId"
    WHERE ${documentFilter(viewer, held, documentId, true, undefined)}
    ORDER BY a."firstAnchor" ASC, a."createdAt" ASC`,
  );
  return rows.filter(readableNow(viewer, held));
}
