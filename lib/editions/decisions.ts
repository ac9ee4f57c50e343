import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  canAddDocument,
  canReadDocument,
  type MaybeViewer,
  type Viewer,
} from "@/lib/auth/permissions";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Outcome } from "@/lib/outcome";
import { z } from "zod";

// An editor's word on two documents detected as editions of one record (candidates.ts): confirmed
// pairs are shown as editions whatever the detection says; rejected ones are no longer suggested.
// One row per pair (documentAId < documentBId), whichever document the decision was made from.

export type EditionStatus = "confirmed" | "suggested" | "rejected";

/** The pair's row key: the two ids in order. */
export const pairOf = (one: string, other: string) =>
  one < other ? { documentAId: one, documentBId: other } : { documentAId: other, documentBId: one };

/**
 * Who decides: an editor of both documents — site admins for the public library, a course's
 * instructors for its own documents (the people who may bring and correct them).
 */
export function canDecideEditions(
  viewer: MaybeViewer,
  one: { courseId: string | null },
  other: { courseId: string | null },
): boolean {
  return canAddDocument(viewer, one) && canAddDocument(viewer, other);
}

/** The decisions taken on a document's pairs: other document's id → its status. */
export async function editionDecisions(prisma: PrismaClient, documentId: string) {
  const rows = await prisma.editionLink.findMany({
    where: { OR: [{ documentAId: documentId }, { documentBId: documentId }] },
    select: { documentAId: true, documentBId: true, status: true },
  });
  return new Map(
    rows.map((row) => [
      row.documentAId === documentId ? row.documentBId : row.documentAId,
      row.status as Exclude<EditionStatus, "suggested">,
    ]),
  );
}

export const decisionSchema = z.enum(["confirmed", "rejected", "undecided"], {
  error: "Confirm, reject or withdraw the decision.",
});

const slugSchema = z
  .string()
  .max(200)
  .regex(/^[a-z0-9][a-z0-9-]*$/);

/** Confirm or reject a pair of editions ("undecided" withdraws the decision). */
export async function decideEditions(
  prisma: PrismaClient,
  viewer: Viewer,
  input: { slug: unknown; other: unknown; decision: unknown },
): Promise<Outcome<{ status: EditionStatus }>> {
  const decision = decisionSchema.safeParse(input.decision);
  if (!decision.success) return { ok: false, error: decision.error.issues[0]!.message };
  const slugs = [slugSchema.safeParse(input.slug), slugSchema.safeParse(input.other)];
  if (slugs.some((slug) => !slug.success)) throw new NotFoundError("No such document.");
  const [one, other] = await Promise.all(
    slugs.map((slug) =>
      prisma.document.findUnique({
        where: { slug: slug.data as string },
        select: { id: true, courseId: true },
      }),
    ),
  );
  if (!one || !other || !canReadDocument(viewer, one) || !canReadDocument(viewer, other))
    throw new NotFoundError("No such document.");
  if (one.id === other.id) return { ok: false, error: "A document is not an edition of itself." };
  if (!canDecideEditions(viewer, one, other))
    throw new ForbiddenError("Only an editor of both documents confirms editions.");
  const pair = pairOf(one.id, other.id);
  if (decision.data === "undecided") {
    await prisma.editionLink.deleteMany({ where: pair });
    return { ok: true, value: { status: "suggested" } };
  }
  await prisma.editionLink.upsert({
    where: { documentAId_documentBId: pair },
    create: { ...pair, status: decision.data, decidedById: viewer.userId },
    update: { status: decision.data, decidedById: viewer.userId, decidedAt: new Date() },
  });
  return { ok: true, value: { status: decision.data } };
}
