import { rawRows } from "@/lib/db/raw";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A document's id, slug and title by its slug, or null: asked by every request that names a
 * document (the API's lists, the reader's index and cards), so one statement on the pool.
 */
export async function documentBySlug(prisma: PrismaClient, slug: string) {
  const [document] = await rawRows<{ id: string; slug: string; title: string }>(
    prisma,
    Prisma.sql`SELECT "id", "slug", "title" FROM "Document" WHERE "slug" = ${slug}`,
  );
  return document ?? null;
}
