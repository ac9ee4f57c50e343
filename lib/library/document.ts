import "server-only";
import { canReadDocument, type MaybeViewer } from "@/lib/auth/permissions";
import { LRUCache } from "lru-cache";
import { cache } from "react";
import { getPrisma } from "@/lib/db";

const participantsAndTurns = (documentId: string) =>
  getPrisma().document.findUniqueOrThrow({
    where: { id: documentId },
    select: {
      participants: { orderBy: { position: "asc" } },
      turns: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          anchor: true,
          kind: true,
          text: true,
          label: true,
          lang: true,
          continues: true,
          notes: true,
          pageBreaks: true,
          pages: true,
          speakerId: true,
        },
      },
    },
  });

type Body = Awaited<ReturnType<typeof participantsAndTurns>>;

/**
 * A document's participants and turns change only when its content file is imported again, which
 * changes its hash and update time. Every reader of a large document would otherwise fetch and
 * parse its 2,000 turns (half a megabyte) on each page view. The 16 most recently read are kept,
 * each checked against the row read on every request, so a re-import (by any process) is seen at
 * once. (The reader's transcript also keeps markup per turn object: components/reader/Transcript.tsx.)
 */
const bodies = new LRUCache<string, { version: string; body: Body }>({ max: 16 });

async function bodyOf(document: { id: string; contentHash: string; updatedAt: Date }) {
  const version = `${document.contentHash} ${document.updatedAt.getTime()}`;
  const kept = bodies.get(document.id);
  if (kept?.version === version) return kept.body;
  const body = await participantsAndTurns(document.id);
  bodies.set(document.id, { version, body });
  return body;
}

/**
 * A document with its participants and turns in reading order, for the reader. Memoised per
 * request: the page's metadata and the page itself both ask.
 */
export const getDocument = cache(async (slug: string) => {
  const document = await getPrisma().document.findUnique({ where: { slug } });
  return document ? { ...document, ...(await bodyOf(document)) } : null;
});

export type ReaderDocument = NonNullable<Awaited<ReturnType<typeof getDocument>>>;
export type ReaderTurn = ReaderDocument["turns"][number];

/**
 * The document if the viewer may read it; null when there is none or it belongs to a course the
 * viewer is not in (pages then answer 404, as if it did not exist).
 */
export async function getReadableDocument(slug: string, viewer: MaybeViewer) {
  const document = await getDocument(slug);
  return document && canReadDocument(viewer, document) ? document : null;
}
