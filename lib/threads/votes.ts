import type { PrismaClient } from "@/lib/generated/prisma/client";

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
  const votes = await prisma.vote.findMany({
    where: { OR: [{ annotationId: { in: annotationIds } }, { replyId: { in: replyIds } }] },
    select: { userId: true, annotationId: true, replyId: true },
  });
  for (const vote of votes) {
    const key = vote.annotationId ?? vote.replyId!;
    summary.count.set(key, (summary.count.get(key) ?? 0) + 1);
    if (vote.userId === userId) summary.mine.add(key);
  }
  return summary;
}
