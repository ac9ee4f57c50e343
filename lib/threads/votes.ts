import { rawRows } from "@/lib/db/raw";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

export interface VoteSummary {
  count: Map<string, number>;
  mine: Set<string>;
}

/** "Helpful" counts for annotations and replies (keyed by their ids), and which are the viewer's. */
export async function voteSummary(
  prisma: PrismaClient,
  userId: string | null,
  annotationIds: string[],
  replyIds: string[],
): Promise<VoteSummary> {
  const summary: VoteSummary = { count: new Map(), mine: new Set() };
  if (annotationIds.length === 0 && replyIds.length === 0) return summary;
  // Counted in SQL, with one array parameter per list (see repliesFor in ./service.ts).
  const rows = await rawRows<{ key: string; count: number; mine: boolean | null }>(
    prisma,
    Prisma.sql`
    SELECT COALESCE(v."annotationId", v."replyId") AS "key", count(*)::int AS "count",
      bool_or(v."userId" = ${userId}) AS "mine"
    FROM "Vote" v
    WHERE v."annotationId" = ANY(${annotationIds}::text[]) OR v."replyId" = ANY(${replyIds}::text[])
    GROUP BY 1`,
  );
  for (const row of rows) {
    summary.count.set(row.key, row.count);
    if (row.mine) summary.mine.add(row.key);
  }
  return summary;
}
