import "server-only";
import type { MaybeViewer } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db";
import { linkableDocuments, linksOfDocument, linkTargets } from "./service";

/**
 * What the reader needs of passage links: the document's links the viewer may see, the
 * "Also recorded in" buttons by the turn each passage begins with, and (for those who may
 * link) where they may share a link and the documents they may link to.
 */
export async function readerLinks(viewer: MaybeViewer, documentId: string) {
  const prisma = getPrisma();
  const [links, targets] = await Promise.all([
    linksOfDocument(prisma, viewer, documentId),
    linkTargets(prisma, viewer),
  ]);
  const refs = new Map<number, { id: string; title: string }[]>();
  for (const link of links) {
    if (link.status === "rejected") continue;
    refs.set(link.here.first, [
      ...(refs.get(link.here.first) ?? []),
      { id: link.id, title: link.other.title },
    ]);
  }
  const documents = targets ? await linkableDocuments(prisma, viewer) : [];
  return { links, refs, targets, documents };
}
