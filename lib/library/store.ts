import { anchorSelector } from "@/lib/anchoring";
import type { AnnotationSelector } from "@/lib/anchoring/types";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { ParsedCollection, ParsedDocument } from "@/lib/importer/types";
import { pagesSpanned } from "@/lib/importer/apparatus";
import { LIST_ELSEWHERE } from "@/lib/importer/tei";
import { asciiWords } from "@/lib/importer/text";
import { participantsThrough } from "./people";
import { cjkBigrams } from "./cjk";
import { isSafeWebUrl } from "@/lib/validations/url";
import { assignAnchors } from "./turn-matching";

export type StoreStatus = "created" | "updated" | "unchanged";

export interface StoreResult {
  slug: string;
  status: StoreStatus;
  turns: number;
  /** Turns that kept their anchor from the previous import. */
  keptAnchors: number;
  /** Annotations that could not be placed on the revised text (shown as orphans). */
  orphanedAnnotations?: number;
  /** Those annotations, with the words they quote, for the import report. */
  orphans?: { id: string; quote: string }[];
}

interface Origin {
  contentPath?: string;
  contentHash: string;
  /** Set for a document published into a course; a re-import never moves a document. */
  courseId?: string | null;
}

/** First day of an ISO date given to day, month or year precision. */
export function sortDateOf(date: string | undefined): Date | null {
  const match = date?.match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/);
  if (!match) return null;
  return new Date(Date.UTC(Number(match[1]), Number(match[2] ?? 1) - 1, Number(match[3] ?? 1)));
}

/**
 * Save one parsed document in a single transaction: either all of it lands or nothing changes.
 * Surviving turns keep their rows and anchors (annotations point at them); others are replaced.
 */
export async function storeDocument(
  prisma: PrismaClient,
  doc: ParsedDocument,
  origin: Origin,
): Promise<StoreResult> {
  return prisma.$transaction(
    async (tx) => {
      const existing = await tx.document.findUnique({
        where: { slug: doc.slug },
        include: { turns: { orderBy: { position: "asc" } }, participants: true },
      });
      if (existing?.contentHash === origin.contentHash) {
        return {
          slug: doc.slug,
          status: "unchanged",
          turns: existing.turns.length,
          keptAnchors: existing.turns.length,
        };
      }

      const fields = {
        title: doc.title,
        date: doc.date ?? null,
        sortDate: sortDateOf(doc.date),
        time: doc.time ?? null,
        place: doc.place ?? null,
        archive: doc.archive ?? null,
        // Every archive source's address passes the one URL rule before it can become a link.
        archiveUrl: isSafeWebUrl(doc.archiveUrl) ? doc.archiveUrl : null,
        citation: doc.citation ?? null,
        summary: doc.summary ?? null,
        translator: doc.translator ?? null,
        interpreter: doc.interpreter ?? null,
        noteTaker: doc.noteTaker ?? null,
        originalLanguage: doc.originalLanguage ?? null,
        classification: doc.classification ?? null,
        sourceNote: doc.sourceNote ?? null,
        footnotes: (doc.footnotes ?? []) as unknown as Prisma.InputJsonValue,
        shape: doc.shape,
        fields: doc.fields,
        contentPath: origin.contentPath ?? null,
        contentHash: origin.contentHash,
      };
      const document = existing
        ? await tx.document.update({ where: { id: existing.id }, data: fields })
        : await tx.document.create({
            data: { slug: doc.slug, courseId: origin.courseId ?? null, ...fields },
          });

      // Participants: keyed by their content id; ones no longer listed are removed.
      const participantIds = new Map<string, string>();
      const participants = await participantsListedElsewhere(tx, doc);
      for (const [position, participant] of participants.entries()) {
        const data = {
          name: participant.name,
          label: participant.label ?? null,
          role: participant.role ?? null,
          position,
        };
        const row = await tx.participant.upsert({
          where: { documentId_key: { documentId: document.id, key: participant.id } },
          create: { documentId: document.id, key: participant.id, ...data },
          update: data,
        });
        participantIds.set(participant.id, row.id);
      }
      await tx.participant.deleteMany({
        where: { documentId: document.id, key: { notIn: participants.map((p) => p.id) } },
      });

      const oldTurns = existing?.turns ?? [];
      const anchors = assignAnchors(oldTurns, doc.turns);
      const oldByAnchor = new Map(oldTurns.map((turn) => [turn.anchor, turn]));
      const kept = new Set(anchors.filter((anchor) => oldByAnchor.has(anchor)));

      await tx.turn.deleteMany({
        where: { documentId: document.id, anchor: { notIn: [...kept] } },
      });
      // Move surviving rows out of the way of the (documentId, position) unique index first.
      await tx.$executeRaw`UPDATE "Turn" SET "position" = -"position" - 1 WHERE "documentId" = ${document.id}`;

      const created = [];
      const pages = pagesSpanned(doc.turns);
      for (const [position, turn] of doc.turns.entries()) {
        const anchor = anchors[position]!;
        const data = {
          position,
          kind: turn.kind,
          text: turn.text,
          label: turn.label ?? null,
          lang: turn.lang ?? null,
          continues: turn.continues ?? false,
          notes: (turn.notes ?? []) as unknown as Prisma.InputJsonValue,
          pageBreaks: (turn.pages ?? []) as unknown as Prisma.InputJsonValue,
          pages: pages[position]!,
          cjkBigrams: cjkBigrams(turn.text),
          speakerId: turn.speaker ? (participantIds.get(turn.speaker) ?? null) : null,
        };
        const previous = oldByAnchor.get(anchor);
        if (previous) await tx.turn.update({ where: { id: previous.id }, data });
        else created.push({ documentId: document.id, anchor, ...data });
      }
      if (created.length) await tx.turn.createMany({ data: created });

      const current = doc.turns.map((turn, position) => ({
        anchor: anchors[position]!,
        text: turn.text,
      }));
      const orphans = existing ? await reanchorAnnotations(tx, document.id, current) : [];

      return {
        slug: doc.slug,
        status: existing ? "updated" : "created",
        turns: doc.turns.length,
        keptAnchors: kept.size,
        orphanedAnnotations: orphans.length,
        orphans,
      };
    },
    { timeout: 60_000 },
  );
}

/**
 * The document's participants, or, when its list only points to another document of the same
 * FRUS volume ("[Here follows the same list as Document 139.]") and the library holds that
 * document, that document's list (the people the text named keep their ids).
 */
async function participantsListedElsewhere(
  tx: Prisma.TransactionClient,
  doc: ParsedDocument,
): Promise<ParsedDocument["participants"]> {
  const number = LIST_ELSEWHERE.exec(doc.fields["Participants"] ?? "")?.[1];
  const volume = /^(.*\/)d\d+$/.exec(doc.archiveUrl ?? "")?.[1];
  if (!number || !volume) return doc.participants;
  const other = await tx.document.findFirst({
    where: { archiveUrl: `${volume}d${number}` },
    select: { participants: { orderBy: { position: "asc" } } },
  });
  if (!other) return doc.participants;
  const listed = other.participants.map((participant) => ({
    name: participant.name,
    ...(participant.role ? { role: participant.role } : {}),
  }));
  return participantsThrough(doc.participants, listed, (person, taken) => {
    const base = asciiWords(person.name).at(-1) ?? "participant";
    let id = base;
    for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
    return id;
  });
}

/**
 * Place every annotation of a revised document again (exact position, then quote, then fuzzy
 * match); the ones that fit nowhere become orphans, kept with their quote, never dropped.
 */
async function reanchorAnnotations(
  tx: Prisma.TransactionClient,
  documentId: string,
  turns: { anchor: number; text: string }[],
): Promise<{ id: string; quote: string }[]> {
  const annotations = await tx.annotation.findMany({
    // Whole-document discussions have no passage to place.
    where: { documentId, scope: "passage" },
    select: { id: true, selector: true, quote: true },
  });
  const orphans: { id: string; quote: string }[] = [];
  for (const annotation of annotations) {
    const selector = annotation.selector as unknown as AnnotationSelector;
    const result = anchorSelector(selector, turns);
    if (result.status === "anchored") {
      const positions = result.positions;
      await tx.annotation.update({
        where: { id: annotation.id },
        data: {
          selector: { ...selector, positions } as unknown as Prisma.InputJsonValue,
          firstAnchor: positions[0]!.turnAnchor,
          lastAnchor: positions[positions.length - 1]!.turnAnchor,
          orphaned: false,
        },
      });
    } else {
      orphans.push({ id: annotation.id, quote: annotation.quote });
      await tx.annotation.update({ where: { id: annotation.id }, data: { orphaned: true } });
    }
  }
  return orphans;
}

/** Save a collection and replace its entries, in one transaction. */
export async function storeCollection(
  prisma: PrismaClient,
  collection: ParsedCollection,
  origin: Origin,
): Promise<{ slug: string; status: StoreStatus; entries: number }> {
  return prisma.$transaction(async (tx) => {
    const existing = await tx.collection.findUnique({ where: { slug: collection.slug } });
    if (existing?.contentHash === origin.contentHash) {
      return { slug: collection.slug, status: "unchanged", entries: collection.entries.length };
    }
    const data = {
      title: collection.title,
      description: collection.description ?? null,
      archive: collection.archive ?? null,
      contentPath: origin.contentPath ?? null,
      contentHash: origin.contentHash,
    };
    const row = await tx.collection.upsert({
      where: { slug: collection.slug },
      create: { slug: collection.slug, ...data },
      update: data,
    });
    await tx.collectionEntry.deleteMany({ where: { collectionId: row.id } });
    await tx.collectionEntry.createMany({
      data: collection.entries.map((entry, position) => ({
        collectionId: row.id,
        position,
        date: entry.date,
        title: entry.title,
        summary: entry.summary ?? null,
        documentSlug: entry.document ?? null,
      })),
    });
    return {
      slug: collection.slug,
      status: existing ? "updated" : "created",
      entries: collection.entries.length,
    };
  });
}
