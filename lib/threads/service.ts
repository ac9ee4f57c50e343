import { rawRows } from "@/lib/db/raw";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { parseBody } from "@/lib/richtext/body";
import {
  isReadableNow,
  isUniqueViolation,
  PERMISSION_COLUMNS,
  toRef,
} from "@/lib/annotations/service";
import { canReadAnnotation, canReadDocument, type Viewer } from "@/lib/auth/permissions";
import { checkWriteRate } from "@/lib/auth/rate-limit";
import { NotFoundError } from "@/lib/errors";
import { publishChange } from "@/lib/live/channel";
import type { Outcome } from "@/lib/outcome";
import { clientIdSchema } from "@/lib/validations/annotation";
import { resolveMentions } from "./mentions";

// Discussion threads. A reply's audience is its root annotation's: whoever may read the root may
// read and write its replies, and nobody else, whatever the reply's author could see elsewhere.

/** A reply as the reader shows it. */
export interface ReplyRow {
  id: string;
  annotationId: string;
  parentId: string | null;
  bodyHtml: string;
  deletedAt: Date | null;
  endorsedAt: Date | null;
  createdAt: Date;
  author: { id: string; name: string | null };
}

async function readableRoot(prisma: PrismaClient, viewer: Viewer, annotationId: string) {
  const root = await prisma.annotation.findUnique({
    where: { id: annotationId },
    select: { ...PERMISSION_COLUMNS, lockedAt: true },
  });
  if (!root || root.deletedAt || !(await isReadableNow(prisma, viewer, root)))
    throw new NotFoundError("Annotation not found.");
  return root;
}

/**
 * Replies of annotations the caller has already checked the viewer may read (the reader passes
 * the ids from listDocumentAnnotations), oldest first.
 */
export async function repliesFor(prisma: PrismaClient, readableAnnotationIds: string[]) {
  if (readableAnnotationIds.length === 0) return new Map<string, ReplyRow[]>();
  // One array parameter rather than `annotationId IN (...)` with a parameter per id: for the
  // 1,800 notes of a large seminar document, Prisma's query compiler spent longer on that list
  // than PostgreSQL on the query (bench/README.md).
  const rows = await rawRows<Omit<ReplyRow, "author"> & AuthorColumns>(
    prisma,
    Prisma.sql`
    SELECT r."id", r."annotationId", r."parentId", r."bodyHtml", r."deletedAt", r."endorsedAt",
      r."createdAt", u."id" AS "authorId", u."name" AS "authorName"
    FROM "Reply" r JOIN "User" u ON u."id" = r."authorId"
    WHERE r."annotationId" = ANY(${readableAnnotationIds}::text[])
    ORDER BY r."createdAt" ASC`,
  );
  const byAnnotation = new Map<string, ReplyRow[]>();
  for (const { authorId, authorName, ...row } of rows) {
    const list = byAnnotation.get(row.annotationId) ?? [];
    list.push({ ...row, author: { id: authorId, name: authorName } });
    byAnnotation.set(row.annotationId, list);
  }
  return byAnnotation;
}

type AuthorColumns = { authorId: string; authorName: string | null };

export async function createReply(
  prisma: PrismaClient,
  viewer: Viewer,
  input: { annotationId: string; parentId?: string | null; body: unknown; clientId?: unknown },
): Promise<Outcome<{ id: string }>> {
  const clientId = clientIdSchema.safeParse(input.clientId);
  if (!clientId.success) return { ok: false, error: clientId.error.issues[0]!.message };
  const earlier = clientId.data ? await replySavedBefore(prisma, viewer, clientId.data) : null;
  if (earlier) return earlier;
  const root = await readableRoot(prisma, viewer, String(input.annotationId));
  if (root.lockedAt)
    return { ok: false, error: "An instructor has locked this discussion: no new replies." };
  const tooFast = await checkWriteRate(prisma, "reply", viewer.userId);
  if (tooFast) return tooFast;
  const parent = input.parentId
    ? await prisma.reply.findUnique({
        where: { id: String(input.parentId) },
        select: { id: true, annotationId: true, authorId: true },
      })
    : null;
  if (input.parentId && (!parent || parent.annotationId !== root.id)) {
    return {
      ok: false,
      error: "The reply you answered is not in this thread any more. Reload and try again.",
    };
  }
  const body = parseBody(input.body);
  if (!body.ok) return { ok: false, error: body.error };
  const mentioned = await resolveMentions(prisma, root.id, body.text);

  const saved = await prisma
    .$transaction(async (tx) => {
      const reply = await tx.reply.create({
        data: {
          id: clientId.data,
          annotationId: root.id,
          parentId: parent?.id ?? null,
          authorId: viewer.userId,
          body: body.doc as Prisma.InputJsonValue,
          bodyHtml: body.html,
          bodyText: body.text,
        },
        select: { id: true },
      });
      // Tell the annotation's author and the author of the reply answered, and whoever is
      // mentioned (if they may read the thread), never oneself, and each person once.
      const repliedTo = [root.authorId, parent?.authorId].filter(
        (id): id is string => !!id && id !== viewer.userId,
      );
      const notices = new Map<string, "reply" | "mention">(repliedTo.map((id) => [id, "reply"]));
      for (const id of mentioned)
        if (id !== viewer.userId && !notices.has(id)) notices.set(id, "mention");
      if (notices.size) {
        await tx.notification.createMany({
          data: [...notices].map(([userId, kind]) => ({
            userId,
            kind,
            annotationId: root.id,
            replyId: reply.id,
            actorId: viewer.userId,
          })),
        });
      }
      return { ok: true as const, value: reply };
    })
    .catch(async (error: unknown) => {
      // Two attempts with one client id raced: the first one saved it (and told everyone).
      const raced =
        clientId.data &&
        isUniqueViolation(error) &&
        (await replySavedBefore(prisma, viewer, clientId.data));
      if (raced) return { raced };
      throw error;
    });
  if ("raced" in saved) return saved.raced;
  await publishChange(prisma, { documentId: root.documentId, kind: "reply", id: saved.value.id });
  return saved;
}

/** A reply sent again with the same client id: the saved one, never a second copy. */
async function replySavedBefore(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
): Promise<Outcome<{ id: string }> | null> {
  const row = await prisma.reply.findUnique({ where: { id }, select: { authorId: true } });
  if (!row) return null;
  return row.authorId === viewer.userId
    ? { ok: true, value: { id } }
    : { ok: false, error: "That reply id is already taken: reload the page and send again." };
}

/** Authors delete their replies; the thread keeps a "reply deleted" placeholder. */
export async function deleteReply(prisma: PrismaClient, viewer: Viewer, replyId: string) {
  const reply = await prisma.reply.findUnique({
    where: { id: replyId },
    select: { authorId: true, annotation: { select: { documentId: true } } },
  });
  if (!reply || reply.authorId !== viewer.userId) throw new NotFoundError("Reply not found.");
  await prisma.reply.update({ where: { id: replyId }, data: { deletedAt: new Date() } });
  await publishChange(prisma, {
    documentId: reply.annotation.documentId,
    kind: "reply",
    id: replyId,
  });
}

/** The viewer's notifications about annotations they may still read, newest first. */
export async function listNotifications(prisma: PrismaClient, viewer: Viewer, take = 50) {
  const rows = await prisma.notification.findMany({
    where: { userId: viewer.userId },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      kind: true,
      readAt: true,
      createdAt: true,
      actor: { select: { name: true } },
      annotation: {
        select: {
          ...PERMISSION_COLUMNS,
          quote: true,
          firstAnchor: true,
          document: { select: { slug: true, title: true, courseId: true } },
        },
      },
    },
  });
  return rows.filter(
    (row) =>
      !row.annotation.deletedAt &&
      canReadAnnotation(viewer, toRef(row.annotation)) &&
      // A note on a course's own document says nothing to someone outside that course.
      canReadDocument(viewer, row.annotation.document),
  );
}

export async function unreadCount(prisma: PrismaClient, viewer: Viewer): Promise<number> {
  return prisma.notification.count({ where: { userId: viewer.userId, readAt: null } });
}

export async function markAllRead(prisma: PrismaClient, viewer: Viewer) {
  await prisma.notification.updateMany({
    where: { userId: viewer.userId, readAt: null },
    data: { readAt: new Date() },
  });
}
