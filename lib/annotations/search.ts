import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/permissions";
import { postingGate } from "@/lib/assignments/gate";
import { rawRows } from "@/lib/db/raw";
import { documentBySlug } from "@/lib/library/lookup";
import { readableDocumentsSql } from "@/lib/library/scope";
import { readableNow, readableNowSql } from "./access";
import {
  apiJsonColumns,
  WITH_DOCUMENT_COLUMNS,
  WITH_DOCUMENT_JOINS,
  type AnnotationWithDocument,
  type ApiJsonRow,
} from "./columns";
import { readablePageIdsSql } from "./readable-page";

// The API's search over every annotation the viewer may read.

/** `text` as a literal ILIKE substring: `%`, `_` and the escape character match themselves. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export interface AnnotationSearch {
  document?: string;
  turn?: number;
  author?: string;
  tag?: string;
  course?: string;
  text?: string;
  limit: number;
  offset: number;
  /** "exact": also count every readable match (a scan of them all; off by default). */
  count?: "exact";
}

/**
 * Search every annotation the viewer may read (the API's list endpoint). Raw SQL for the same
 * reason as listDocumentAnnotations. The rows and the total share one WHERE built on the
 * readable-now predicate (permissions and the "post first" gate of every document), so the
 * total counts exactly what the rows may show; `text` matches literally (no wildcards).
 */
export function searchAnnotations(prisma: PrismaClient, viewer: Viewer, search: AnnotationSearch) {
  return searchRows<AnnotationWithDocument>(prisma, viewer, search, WITH_DOCUMENT_COLUMNS);
}

/**
 * The same search, each row already as the API's JSON text (apiJsonColumn): what
 * `GET /api/annotations` sends, without turning a page's bodies and selectors into objects and
 * back (tests/integration/readable-page.test.ts holds it equal to searchAnnotations's rows).
 */
export async function searchAnnotationsJson(
  prisma: PrismaClient,
  viewer: Viewer,
  search: AnnotationSearch,
) {
  const found = await searchRows<ApiJsonRow>(
    prisma,
    viewer,
    search,
    apiJsonColumns(Prisma.sql`d."slug"`),
  );
  return { ...found, rows: found.rows.map((row) => row.json) };
}

type CheckedRow = Parameters<ReturnType<typeof readableNow>>[0];

async function searchRows<T extends CheckedRow>(
  prisma: PrismaClient,
  viewer: Viewer,
  search: AnnotationSearch,
  columns: Prisma.Sql,
) {
  let document: { id: string; courseId: string | null } | null = null;
  if (search.document) {
    // By id, not by joining on the slug: the planner then knows how many notes this document
    // has and walks the newest-first index for a page (about 100 times faster on a large one).
    document = await documentBySlug(prisma, search.document, viewer);
    if (!document)
      return { total: search.count === "exact" ? 0 : undefined, hasMore: false, rows: [] };
  }
  const documentId = document?.id;
  const gate = await postingGate(prisma, viewer, document ? [document] : "all");
  const conditions = [
    Prisma.sql`a."deletedAt" IS NULL`,
    readableNowSql(viewer, gate),
    readableDocumentsSql(viewer, "d"),
  ];
  if (documentId) conditions.push(Prisma.sql`a."documentId" = ${documentId}`);
  if (search.turn !== undefined)
    conditions.push(
      Prisma.sql`a."firstAnchor" <= ${search.turn} AND a."lastAnchor" >= ${search.turn}`,
    );
  if (search.author) conditions.push(Prisma.sql`a."authorId" = ${search.author}`);
  if (search.tag) conditions.push(Prisma.sql`${search.tag.toLowerCase()} = ANY(a."tags")`);
  if (search.course) conditions.push(Prisma.sql`a."courseId" = ${search.course}`);
  if (search.text) {
    const pattern = likeContains(search.text);
    conditions.push(
      Prisma.sql`(a."bodyText" ILIKE ${pattern} ESCAPE '\\' OR a."quote" ILIKE ${pattern} ESCAPE '\\')`,
    );
  }
  // A plain page of one document: per-audience index ranges, merged (./readable-page.ts).
  const filtered = search.turn !== undefined || search.author || search.tag || search.course;
  const page =
    documentId && !filtered && !search.text
      ? readablePageIdsSql(viewer, gate, documentId, search.limit, search.offset)
      : null;
  const where = page ? Prisma.sql`a."id" = ANY(ARRAY(${page}))` : Prisma.join(conditions, " AND ");
  // One row more than the page tells whether another follows; the exact total (a count of every
  // readable match) only when asked for.
  const [listed, counted] = await Promise.all([
    rawRows<T>(
      prisma,
      Prisma.sql`
      SELECT ${columns}
      FROM "Annotation" a ${WITH_DOCUMENT_JOINS}
      WHERE ${where}
      ORDER BY a."createdAt" DESC, a."id" DESC
      ${page ? Prisma.empty : Prisma.sql`LIMIT ${search.limit + 1} OFFSET ${search.offset}`}`,
    ),
    search.count === "exact"
      ? rawRows<{ total: number }>(
          prisma,
          Prisma.sql`
          SELECT count(*)::int AS "total"
          FROM "Annotation" a JOIN "Document" d ON d."id" = a."documentId"
          WHERE ${Prisma.join(conditions, " AND ")}`,
        )
      : undefined,
  ]);
  return {
    total: counted ? (counted[0]?.total ?? 0) : undefined,
    hasMore: listed.length > search.limit,
    rows: listed.slice(0, search.limit).filter(readableNow(viewer, gate)),
  };
}
