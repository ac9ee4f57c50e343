import type { MaybeViewer } from "@/lib/auth/permissions";
import { readableDocumentsWhere } from "@/lib/library/scope";
import "server-only";
import { getPrisma } from "@/lib/db";
import { getDocument } from "@/lib/library/document";
import { mayBeEditions, SAME_RECORD, textAgreement } from "./candidates";

export type OtherEdition = { slug: string; title: string; archive: string | null };

/**
 * The library's other editions of a document: candidates by catalogue (same date, or the same
 * numbered document of the same archive), kept when their texts agree (candidates.ts).
 */
export async function otherEditions(
  document: {
    id: string;
    date: string | null;
    archive: string | null;
    fields: unknown;
    turns: readonly { text: string }[];
  },
  viewer: MaybeViewer,
): Promise<OtherEdition[]> {
  const number = (document.fields as { Document?: unknown } | null)?.Document;
  const or = [
    ...(document.date ? [{ date: document.date }] : []),
    ...(typeof number === "string" && document.archive
      ? [{ archive: document.archive, fields: { path: ["Document"], equals: number } }]
      : []),
  ];
  if (or.length === 0) return [];
  const candidates = await getPrisma().document.findMany({
    // Only editions the viewer may read: another course's document is never named.
    where: { id: { not: document.id }, OR: or, ...readableDocumentsWhere(viewer) },
    select: { slug: true, title: true, archive: true, date: true, fields: true },
    orderBy: { slug: "asc" },
    take: 10,
  });
  const texts = document.turns.map((turn) => turn.text);
  const editions: OtherEdition[] = [];
  for (const candidate of candidates) {
    if (!mayBeEditions(document, candidate)) continue;
    const other = await getDocument(candidate.slug);
    if (!other) continue;
    const agreement = textAgreement(
      texts,
      other.turns.map((turn) => turn.text),
    );
    if (agreement >= SAME_RECORD)
      editions.push({ slug: candidate.slug, title: candidate.title, archive: candidate.archive });
  }
  return editions;
}
