import { rawRows } from "@/lib/db/raw";
import { canReadDocument, type MaybeViewer } from "@/lib/auth/permissions";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A document's id, slug and title by its slug, or null when there is none or the viewer may not
 * read it (another course's): asked by every request that names a document (the API's lists,
 * the reader's index and cards), so one statement on the pool.
 */
export async function documentBySlug(prisma: PrismaClient, slug: string, viewer: MaybeViewer) {
  const [document] = await rawRows<{
    id: string;
    slug: string;
    title: string;
    courseId: string | null;
  }>(
    prisma,
    Prisma.sql`SELECT "id", "slug", "title", "courseId" FROM "Document" WHERE "slug" = ${slug}`,
  );
  return document && canReadDocument(viewer, document) ? document : null;
}
