import type { MaybeViewer } from "@/lib/auth/permissions";
import { readableDocumentsWhere } from "@/lib/library/scope";
import "server-only";
import { LRUCache } from "lru-cache";
import { getPrisma } from "@/lib/db";
import { getDocument } from "@/lib/library/document";
import { mayBeEditions, SAME_RECORD, textAgreement } from "./candidates";
import { canDecideEditions, editionDecisions, type EditionStatus } from "./decisions";

// Comparing two texts word by word costs tens of milliseconds for a long memorandum, and every
// page view of a document with a same-dated neighbour asks. The answer changes only when one of
// the two texts is imported again, so it is kept per pair of versions.
const agreements = new LRUCache<string, number>({ max: 500 });
const versionOf = (document: { id: string; contentHash: string; updatedAt: Date }) =>
  `${document.id}@${document.contentHash}@${document.updatedAt.getTime()}`;

export type OtherEdition = {
  slug: string;
  title: string;
  archive: string | null;
  /** Confirmed by an editor, or only detected ("suggested"); "rejected" is shown to editors only. */
  status: EditionStatus;
  /** The viewer may confirm or reject the pair (decisions.ts). */
  canDecide: boolean;
};

/**
 * The library's other editions of a document: candidates by catalogue (same date, or the same
 * numbered document of the same archive), kept when their texts agree (candidates.ts), as
 * "suggested"; with the pairs an editor confirmed (shown whatever the detection says) and
 * without those an editor rejected (listed for editors, so that they may undo it).
 */
export async function otherEditions(
  document: {
    id: string;
    courseId?: string | null;
    contentHash: string;
    updatedAt: Date;
    date: string | null;
    archive: string | null;
    fields: unknown;
    turns: readonly { text: string }[];
  },
  viewer: MaybeViewer,
): Promise<OtherEdition[]> {
  const decisions = await editionDecisions(getPrisma(), document.id);
  const confirmed = [...decisions].filter(([, status]) => status === "confirmed").map(([id]) => id);
  const number = (document.fields as { Document?: unknown } | null)?.Document;
  const or = [
    ...(document.date ? [{ date: document.date }] : []),
    ...(typeof number === "string" && document.archive
      ? [{ archive: document.archive, fields: { path: ["Document"], equals: number } }]
      : []),
    ...(confirmed.length > 0 ? [{ id: { in: confirmed } }] : []),
  ];
  if (or.length === 0) return [];
  const candidates = await getPrisma().document.findMany({
    // Only editions the viewer may read: another course's document is never named.
    where: { id: { not: document.id }, OR: or, ...readableDocumentsWhere(viewer) },
    select: {
      id: true,
      slug: true,
      title: true,
      archive: true,
      date: true,
      fields: true,
      courseId: true,
    },
    orderBy: { slug: "asc" },
    take: 10,
  });
  const editions: OtherEdition[] = [];
  for (const candidate of candidates) {
    const decided = decisions.get(candidate.id);
    const canDecide = canDecideEditions(viewer, { courseId: document.courseId ?? null }, candidate);
    if (decided === "rejected" && !canDecide) continue;
    if (decided !== "confirmed") {
      if (!mayBeEditions(document, candidate)) continue;
      const other = await getDocument(candidate.slug);
      if (!other) continue;
      const pair = `${versionOf(document)} ${versionOf(other)}`;
      const agreement =
        agreements.get(pair) ??
        textAgreement(
          document.turns.map((turn) => turn.text),
          other.turns.map((turn) => turn.text),
        );
      agreements.set(pair, agreement);
      if (agreement < SAME_RECORD) continue;
    }
    editions.push({
      slug: candidate.slug,
      title: candidate.title,
      archive: candidate.archive,
      status: decided ?? "suggested",
      canDecide,
    });
  }
  return editions;
}
