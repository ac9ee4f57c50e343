import "server-only";
import type {
  Audience,
  IndexAnswer,
  PanelAnnotation,
  PanelIndexEntry,
  PanelReply,
} from "@/lib/reader/types";
import { postingGate } from "@/lib/assignments/gate";
import { documentBySlug } from "@/lib/library/lookup";
import { repliesFor, type ReplyRow } from "@/lib/threads/service";
import { voteSummary } from "@/lib/threads/votes";
import { rawRows } from "@/lib/db/raw";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import {
  canEditAnnotation,
  canHideAnnotation,
  canModerateThread,
  canResolveThread,
  canVote,
  type Viewer,
} from "@/lib/auth/permissions";
import type { VoteSummary } from "@/lib/threads/votes";
import type { Span } from "@/lib/annotations/segments";
import {
  listDocumentAnnotations,
  listDocumentIndex,
  toRef,
  type AnnotationIndexRow,
  type AnnotationRow,
} from "@/lib/annotations/service";
import type { AnnotationSelector } from "@/lib/anchoring/types";

/**
 * The reader page's share of every readable note: the highlights (spans per turn) and the
 * panel's index. Cards come later, for the notes the panel shows (loadPanelCards).
 */
export function toPanelIndex(rows: AnnotationIndexRow[], viewer: Viewer | null) {
  const spansByTurn = new Map<number, Span[]>();
  const index = rows.map((row): PanelIndexEntry => {
    if (!row.orphaned) {
      for (const position of row.positions) {
        const spans = spansByTurn.get(position.turnAnchor) ?? [];
        spans.push({ id: row.id, start: position.start, end: position.end });
        spansByTurn.set(position.turnAnchor, spans);
      }
    }
    return {
      id: row.id,
      authorName: row.authorName ?? "Someone",
      mine: canEditAnnotation(viewer, toRef(row)) && !row.deletedAt,
      visibility: row.visibility,
      tags: row.deletedAt ? [] : row.tags,
      anchors: row.orphaned ? [] : row.positions.map((position) => position.turnAnchor),
      orphaned: row.orphaned,
      documentLevel: row.scope === "document",
    };
  });
  return { index, spansByTurn };
}

/**
 * The reader's index and highlights again, for a page that heard of a classmate's change: a few
 * hundred kilobytes of JSON instead of the whole page rendered again for every reader of the
 * document (bench/README.md). Null when no document has that slug.
 */
export async function loadPanelIndex(
  prisma: PrismaClient,
  viewer: Viewer,
  documentSlug: string,
): Promise<IndexAnswer | null> {
  const document = await documentBySlug(prisma, documentSlug, viewer);
  if (!document) return null;
  const { index, spansByTurn } = toPanelIndex(
    await listDocumentIndex(prisma, viewer, document.id),
    viewer,
  );
  return { index, spans: Object.fromEntries(spansByTurn) };
}

/**
 * The cards of these notes of a document, for the panel: each one the viewer may read now
 * (same filter and checks as the reader's index), with its discussion and votes. Ids that are
 * not readable (another course's, private, deleted, gated, made up) are simply absent, so the
 * answer says nothing about them. Null when no document has that slug.
 */
export async function loadPanelCards(
  prisma: PrismaClient,
  viewer: Viewer,
  documentSlug: string,
  ids: readonly string[],
): Promise<PanelAnnotation[] | null> {
  const document = await documentBySlug(prisma, documentSlug, viewer);
  if (!document) return null;
  const gate = await postingGate(prisma, viewer, [document]);
  const rows = await listDocumentAnnotations(prisma, viewer, document.id, {
    withDeletedThreads: true,
    gate,
    ids,
  });
  const replies = await repliesFor(
    prisma,
    rows.map((row) => row.id),
  );
  const votes = await voteSummary(
    prisma,
    viewer.userId,
    rows.map((row) => row.id),
    [...replies.values()].flat().map((reply) => reply.id),
  );
  return toPanel(rows, viewer, replies, votes).panel;
}

/** Rows the viewer may read, shaped as the panel's cards (highlights come with the index). */
export function toPanel(
  rows: AnnotationRow[],
  viewer: Viewer | null,
  replies = new Map<string, ReplyRow[]>(),
  votes: VoteSummary = { count: new Map(), mine: new Set() },
) {
  const panel: PanelAnnotation[] = rows.map((row) => {
    const selector = row.selector as unknown as AnnotationSelector;
    const ref = toRef(row);
    const mine = canEditAnnotation(viewer, ref) && !row.deletedAt;
    return {
      id: row.id,
      authorName: row.author.name ?? "Someone",
      mine,
      visibility: row.visibility,
      courseId: row.courseId,
      courseTitle: row.course?.title ?? null,
      groupId: row.groupId,
      groupName: row.group?.name ?? null,
      // The editor's JSON only for the viewer's own notes (the only ones they can edit): the
      // card shows bodyHtml, and every other note's JSON was a third of the reader's payload.
      body: mine ? row.body : null,
      // A deleted note's words are gone for everyone; its replies remain.
      bodyHtml: row.deletedAt ? "" : row.bodyHtml,
      // Only a highlight has no words of its own (createAnnotation refuses an empty note).
      highlight: !row.deletedAt && row.bodyText === "",
      tags: row.deletedAt ? [] : row.tags,
      quote: row.quote,
      anchors: row.orphaned ? [] : selector.positions.map((position) => position.turnAnchor),
      orphaned: row.orphaned,
      hidden: row.hiddenAt !== null,
      canHide: canHideAnnotation(viewer, ref),
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      originallyCreatedAt: row.originallyCreatedAt?.toISOString() ?? null,
      replies: (replies.get(row.id) ?? []).map((reply): PanelReply => ({
        id: reply.id,
        parentId: reply.parentId,
        authorName: reply.author.name ?? "Someone",
        mine: viewer?.userId === reply.author.id,
        bodyHtml: reply.deletedAt ? "" : reply.bodyHtml,
        deleted: reply.deletedAt !== null,
        createdAt: reply.createdAt.toISOString(),
        votes: votes.count.get(reply.id) ?? 0,
        voted: votes.mine.has(reply.id),
        canVote: canVote(viewer, ref, reply.author.id),
        endorsed: reply.endorsedAt !== null,
      })),
      votes: votes.count.get(row.id) ?? 0,
      voted: votes.mine.has(row.id),
      canVote: canVote(viewer, ref, row.authorId),
      endorsed: row.endorsedAt !== null,
      locked: row.lockedAt !== null,
      resolved: row.resolvedAt !== null,
      canModerate: canModerateThread(viewer, ref),
      canResolve: canResolveThread(viewer, ref),
      documentLevel: row.scope === "document",
      deleted: row.deletedAt !== null,
    };
  });
  return { panel };
}

/**
 * Whom the viewer can share with: their courses and their reading groups. One statement through
 * the pool (lib/db/raw.ts): the reader asks on every page view.
 */
export async function audienceFor(prisma: PrismaClient, viewer: Viewer | null): Promise<Audience> {
  if (!viewer) return { courses: [], groups: [] };
  const rows = await rawRows<{
    kind: "course" | "group";
    id: string;
    name: string;
    courseTitle: string;
  }>(
    prisma,
    Prisma.sql`SELECT 'course' AS kind, c."id", c."title" AS name, c."title" AS "courseTitle"
                 FROM "Course" c WHERE c."id" = ANY(${[...viewer.courses.keys()]}::text[])
               UNION ALL
               SELECT 'group', g."id", g."name", c."title"
                 FROM "Group" g JOIN "Course" c ON c."id" = g."courseId"
                WHERE g."id" = ANY(${[...viewer.groups.keys()]}::text[])
               ORDER BY 1, 3, 2`,
  );
  return {
    courses: rows
      .filter((row) => row.kind === "course")
      .map(({ id, name }) => ({ id, title: name })),
    groups: rows
      .filter((row) => row.kind === "group")
      .map(({ id, name, courseTitle }) => ({ id, name, courseTitle })),
  };
}
