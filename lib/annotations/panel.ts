import "server-only";
import type { PanelAnnotation, Audience, PanelReply } from "@/components/annotations/types";
import type { ReplyRow } from "@/lib/threads/service";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  canEditAnnotation,
  canHideAnnotation,
  canModerateThread,
  canResolveThread,
  canVote,
  type Viewer,
} from "@/lib/auth/permissions";
import type { VoteSummary } from "@/lib/threads/votes";
import type { Span } from "./segments";
import { toRef, type AnnotationRow } from "./service";
import type { AnnotationSelector } from "./types";

/** Rows the viewer may read, shaped for the reader's panel and highlights. */
export function toPanel(
  rows: AnnotationRow[],
  viewer: Viewer | null,
  replies = new Map<string, ReplyRow[]>(),
  votes: VoteSummary = { count: new Map(), mine: new Set() },
) {
  const spansByTurn = new Map<number, Span[]>();
  const panel: PanelAnnotation[] = rows.map((row) => {
    const selector = row.selector as unknown as AnnotationSelector;
    if (!row.orphaned) {
      for (const position of selector.positions) {
        const spans = spansByTurn.get(position.turnAnchor) ?? [];
        spans.push({ id: row.id, start: position.start, end: position.end });
        spansByTurn.set(position.turnAnchor, spans);
      }
    }
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
      tags: row.deletedAt ? [] : row.tags,
      quote: row.quote,
      anchors: row.orphaned ? [] : selector.positions.map((position) => position.turnAnchor),
      orphaned: row.orphaned,
      hidden: row.hiddenAt !== null,
      canHide: canHideAnnotation(viewer, ref),
      version: row.version,
      createdAt: row.createdAt.toISOString(),
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
  return { panel, spansByTurn };
}

/** Whom the viewer can share with: their courses and their reading groups. */
export async function audienceFor(prisma: PrismaClient, viewer: Viewer | null): Promise<Audience> {
  if (!viewer) return { courses: [], groups: [] };
  const [courses, groups] = await Promise.all([
    prisma.course.findMany({
      where: { id: { in: [...viewer.courses.keys()] } },
      select: { id: true, title: true },
      orderBy: { title: "asc" },
    }),
    prisma.group.findMany({
      where: { id: { in: [...viewer.groups.keys()] } },
      select: { id: true, name: true, course: { select: { title: true } } },
      orderBy: { name: "asc" },
    }),
  ]);
  return {
    courses,
    groups: groups.map((group) => ({
      id: group.id,
      name: group.name,
      courseTitle: group.course.title,
    })),
  };
}
