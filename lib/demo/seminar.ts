import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TurnRange } from "@/lib/anchoring";
import { createAnnotation } from "@/lib/annotations/service";
import type { Viewer } from "@/lib/auth/permissions";
import { loadViewer } from "@/lib/auth/load-viewer";
import { setEndorsed, toggleVote } from "@/lib/threads/moderation";
import { createReply } from "@/lib/threads/service";
import { DEMO_COURSE, DEMO_USERS } from "./accounts";
import {
  SEMINAR_NOTES,
  type DemoAuthor,
  type SeminarNote,
  type SeminarReply,
} from "./seminar-notes";

// Loads the demo seminar (./seminar-notes.ts) into the demo course so that a newcomer finds the
// product in use: notes placed on their quotes by the app's own anchoring (createAnnotation
// describes the selection with lib/anchoring, as for a note written in the reader), replies,
// helpful votes and an endorsement, through the same services a person's clicks go through.
//
// Idempotent: each note and reply is saved under an id derived from its key (the client id the
// editor uses against double saves), so a second run finds it and writes nothing. Votes and the
// endorsement are given only with the note they belong to, so taking one back is not undone by
// the next start. A note whose quote is no longer in the document (content/ revised) is skipped
// and reported.

/** "ada" -> ada@memcon.test. */
const emailOf = (author: DemoAuthor) => `${author}@memcon.test`;

/** A client id (20 to 40 lowercase letters and digits) that is the same on every run. */
export function demoId(key: string): string {
  return `demo${createHash("sha256").update(`memcon-demo-seminar:${key}`).digest("hex").slice(0, 28)}`;
}

const body = (paragraphs: readonly string[]) => ({
  type: "doc",
  content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
});

const hoursAgo = (hours: number, now: Date) => new Date(now.getTime() - hours * 3_600_000);

export interface SeminarReport {
  created: { notes: number; replies: number; votes: number; endorsements: number };
  /** Notes not placed, with the reason (a document missing, a quote no longer in it). */
  skipped: string[];
}

interface Context {
  prisma: PrismaClient;
  viewers: Map<DemoAuthor, Viewer>;
  courseId: string;
  groups: Map<string, string>;
  turns: Map<string, { anchor: number; text: string }[] | null>;
  now: Date;
  report: SeminarReport;
}

async function documentTurns(context: Context, slug: string) {
  if (!context.turns.has(slug)) {
    const document = await context.prisma.document.findUnique({
      where: { slug },
      select: {
        turns: { orderBy: { position: "asc" }, select: { anchor: true, text: true } },
      },
    });
    context.turns.set(slug, document?.turns ?? null);
  }
  return context.turns.get(slug)!;
}

/** The selection a reader would make by dragging over the quote: its first occurrence in a turn. */
export function selectionOf(
  turns: readonly { anchor: number; text: string }[],
  quote: string,
): TurnRange | null {
  for (const turn of turns) {
    const at = turn.text.indexOf(quote);
    if (at >= 0)
      return {
        start: { turnAnchor: turn.anchor, offset: at },
        end: { turnAnchor: turn.anchor, offset: at + quote.length },
      };
  }
  return null;
}

function audienceOf(context: Context, note: SeminarNote) {
  if (note.audience === "course")
    return { visibility: "course" as const, courseId: context.courseId };
  if (note.audience === "private") return { visibility: "private" as const };
  const group = DEMO_USERS.find((user) => user.email === emailOf(note.author));
  const groupId = group && "group" in group ? context.groups.get(group.group) : undefined;
  if (!groupId) throw new Error(`Demo seminar: ${note.author} has no reading group.`);
  return { visibility: "group" as const, groupId };
}

async function addReplies(
  context: Context,
  annotationId: string,
  parentId: string | null,
  replies: readonly SeminarReply[],
) {
  const { prisma } = context;
  for (const reply of replies) {
    const id = demoId(reply.key);
    if (!(await prisma.reply.findUnique({ where: { id }, select: { id: true } }))) {
      const saved = await createReply(prisma, context.viewers.get(reply.author)!, {
        annotationId,
        parentId,
        body: body(reply.paragraphs),
        clientId: id,
      });
      if (!saved.ok) throw new Error(`Demo seminar reply ${reply.key}: ${saved.error}`);
      // Written over the last day, as a seminar would, rather than all in the second of loading.
      const at = hoursAgo(reply.hoursAgo, context.now);
      await prisma.reply.update({ where: { id }, data: { createdAt: at, updatedAt: at } });
      await prisma.notification.updateMany({ where: { replyId: id }, data: { createdAt: at } });
      context.report.created.replies++;
    }
    await addReplies(context, annotationId, id, reply.answers ?? []);
  }
}

async function addNote(context: Context, note: SeminarNote) {
  const { prisma } = context;
  const id = demoId(note.key);
  if (await prisma.annotation.findUnique({ where: { id }, select: { id: true } })) {
    await addReplies(context, id, null, note.replies ?? []);
    return;
  }
  const turns = await documentTurns(context, note.document);
  if (!turns) {
    context.report.skipped.push(`${note.key}: the document ${note.document} is not loaded`);
    return;
  }
  const selection = note.quote ? selectionOf(turns, note.quote) : null;
  if (note.quote && !selection) {
    context.report.skipped.push(`${note.key}: "${note.quote}" is not in ${note.document}`);
    return;
  }
  const saved = await createAnnotation(prisma, context.viewers.get(note.author)!, {
    clientId: id,
    documentSlug: note.document,
    ...(selection ? { selection } : { scope: "document" }),
    body: body(note.paragraphs),
    tags: note.tags,
    ...audienceOf(context, note),
  });
  if (!saved.ok) throw new Error(`Demo seminar note ${note.key}: ${saved.error}`);
  const at = hoursAgo(note.hoursAgo, context.now);
  await prisma.annotation.update({ where: { id }, data: { createdAt: at, updatedAt: at } });
  context.report.created.notes++;

  await addReplies(context, id, null, note.replies ?? []);
  for (const voter of note.helpful ?? []) {
    await toggleVote(prisma, context.viewers.get(voter)!, { annotationId: id });
    context.report.created.votes++;
  }
  if (note.endorsed) {
    await setEndorsed(prisma, context.viewers.get("instructor")!, { annotationId: id }, true);
    await prisma.notification.updateMany({
      where: { annotationId: id, kind: "endorsement" },
      data: { createdAt: hoursAgo(Math.max(note.hoursAgo - 1, 0), context.now) },
    });
    context.report.created.endorsements++;
  }
}

/**
 * Load what is missing of the demo seminar into the demo course (made by ensureDemoData first).
 * Does nothing when the demo course or its people are not there.
 */
export async function ensureDemoSeminar(
  prisma: PrismaClient,
  { now = new Date(), notes = SEMINAR_NOTES }: { now?: Date; notes?: readonly SeminarNote[] } = {},
): Promise<SeminarReport> {
  const report: SeminarReport = {
    created: { notes: 0, replies: 0, votes: 0, endorsements: 0 },
    skipped: [],
  };
  const course = await prisma.course.findUnique({
    where: { joinCode: DEMO_COURSE.joinCode },
    select: { id: true, groups: { select: { id: true, name: true } } },
  });
  if (!course) return report;
  const viewers = new Map<DemoAuthor, Viewer>();
  for (const author of ["instructor", "ada", "ben", "chen", "dana"] as const) {
    const user = await prisma.user.findUnique({
      where: { email: emailOf(author) },
      select: { id: true },
    });
    const viewer = user && (await loadViewer(prisma, user.id));
    if (!viewer) return report;
    viewers.set(author, viewer);
  }
  const context: Context = {
    prisma,
    viewers,
    courseId: course.id,
    groups: new Map(course.groups.map((group) => [group.name, group.id])),
    turns: new Map(),
    now,
    report,
  };
  for (const note of notes) await addNote(context, note);
  return report;
}
