import { Prisma } from "@/lib/generated/prisma/client";
import type { MaybeViewer } from "@/lib/auth/permissions";

// Which documents a viewer may read, as query filters: the public library, plus the documents of
// the courses the viewer belongs to (site admins: every course). The same rule as
// canReadDocument (lib/auth/permissions.ts), which callers reading one document ask row by row.

const courseIds = (viewer: MaybeViewer) => (viewer ? [...viewer.courses.keys()] : []);

/** A Prisma `where` on Document. */
export function readableDocumentsWhere(viewer: MaybeViewer): Prisma.DocumentWhereInput {
  if (viewer?.siteRole === "admin") return {};
  return { OR: [{ courseId: null }, { courseId: { in: courseIds(viewer) } }] };
}

/** The same filter in SQL, for a Document table aliased `alias`. */
export function readableDocumentsSql(viewer: MaybeViewer, alias: string): Prisma.Sql {
  if (viewer?.siteRole === "admin") return Prisma.sql`TRUE`;
  const column = Prisma.raw(`${alias}."courseId"`);
  return Prisma.sql`(${column} IS NULL OR ${column} = ANY(${courseIds(viewer)}::text[]))`;
}

/**
 * Who reads the same set of documents under these filters, as a key: site admins read every
 * document, everyone else the public ones and those of their courses (caches per reader scope:
 * lib/people/queries.ts).
 */
export function readableDocumentsKey(viewer: MaybeViewer): string {
  if (viewer?.siteRole === "admin") return "admin";
  return courseIds(viewer).sort().join(",");
}
