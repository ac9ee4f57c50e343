import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { describeSelection } from "@/lib/anchoring";
import {
  canEditAnnotation,
  canHideAnnotation,
  canPostInCourse,
  canReadAnnotation,
  canViewGroup,
  type AnnotationRef,
  type Viewer,
} from "@/lib/auth/permissions";
import { postingGate } from "@/lib/assignments/gate";
import { recordAudit } from "@/lib/audit/log";
import { checkWriteRate } from "@/lib/auth/rate-limit";
import { NotFoundError } from "@/lib/errors";
import { publishChange } from "@/lib/live/channel";
import type { Outcome } from "@/lib/outcome";
import {
  createAnnotationSchema,
  updateAnnotationSchema,
  type CreateAnnotationInput,
  type UpdateAnnotationInput,
} from "@/lib/validations/annotation";
import { parseBody } from "./body";
import type { AnnotationSelector, Visibility } from "./types";

// Annotations: create, read, edit (with history and optimistic concurrency), soft delete and
// undo, instructor hiding. Every function asks lib/auth/permissions; reads filter in SQL and then
// check each row again with canReadAnnotation, so a query mistake cannot leak a private note.

/** How long a deleted annotation can be restored. */
export const UNDO_WINDOW_MS = 10 * 60_000;

const listSelect = {
  id: true,
  documentId: true,
  authorId: true,
  visibility: true,
  courseId: true,
  groupId: true,
  selector: true,
  quote: true,
  firstAnchor: true,
  lastAnchor: true,
  orphaned: true,
  body: true,
  bodyHtml: true,
  bodyText: true,
  tags: true,
  version: true,
  hiddenAt: true,
  deletedAt: true,
  endorsedAt: true,
  lockedAt: true,
  resolvedAt: true,
  scope: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { id: true, name: true } },
  course: { select: { id: true, title: true } },
  group: { select: { id: true, name: true } },
} satisfies Prisma.AnnotationSelect;

export type AnnotationRow = Prisma.AnnotationGetPayload<{ select: typeof listSelect }>;

const withDocument = {
  ...listSelect,
  document: { select: { slug: true, title: true } },
} satisfies Prisma.AnnotationSelect;

export type AnnotationWithDocument = Prisma.AnnotationGetPayload<{ select: typeof withDocument }>;

export function toRef(row: {
  authorId: string;
  visibility: Visibility;
  courseId: string | null;
  groupId: string | null;
  hiddenAt: Date | null;
}): AnnotationRef {
  return {
    authorId: row.authorId,
    visibility: row.visibility,
    courseId: row.courseId,
    groupId: row.groupId,
    hidden: row.hiddenAt !== null,
  };
}

/** SQL filter matching canReadAnnotation (checked again row by row). */
function readableWhere(viewer: Viewer): Prisma.AnnotationWhereInput {
  if (viewer.siteRole === "admin")
    return { OR: [{ authorId: viewer.userId }, { visibility: { not: "private" } }] };
  const courses = [...viewer.courses.keys()];
  const teaching = [...viewer.courses]
    .filter(([, role]) => role === "instructor")
    .map(([id]) => id);
  const groups = [...viewer.groups.keys()];
  return {
    OR: [
      { authorId: viewer.userId },
      { hiddenAt: null, visibility: "public" },
      { hiddenAt: null, visibility: "course", courseId: { in: courses } },
      { hiddenAt: null, visibility: "group", groupId: { in: groups } },
      { visibility: { in: ["course", "group"] }, courseId: { in: teaching } },
    ],
  };
}

/** The annotations of a document the viewer may read, in reading order; deleted ones left out. */
export async function listDocumentAnnotations(
  prisma: PrismaClient,
  viewer: Viewer | null,
  documentId: string,
  /** The reader keeps deleted annotations that have replies, as placeholders; exports do not. */
  { withDeletedThreads = false } = {},
) {
  if (!viewer) return [];
  const rows = await prisma.annotation.findMany({
    where: {
      documentId,
      // A deleted annotation that others answered stays as "annotation deleted", so the
      // discussion remains readable.
      OR: [
        { deletedAt: null },
        ...(withDeletedThreads ? [{ replies: { some: { deletedAt: null } } }] : []),
      ],
      AND: [readableWhere(viewer)],
    },
    orderBy: [{ firstAnchor: "asc" }, { createdAt: "asc" }],
    select: listSelect,
  });
  const gate = await postingGate(prisma, viewer, [documentId]);
  return rows.filter((row) => canReadAnnotation(viewer, toRef(row)) && !gate.hides(row));
}

/**
 * May the viewer read this annotation now? The permission rules, plus an assignment's "post
 * before you see your classmates'" rule (lib/assignments/gate.ts).
 */
export async function isReadableNow(
  prisma: PrismaClient,
  viewer: Viewer,
  row: Parameters<typeof toRef>[0] & { documentId: string },
) {
  if (!canReadAnnotation(viewer, toRef(row))) return false;
  return !(await postingGate(prisma, viewer, [row.documentId])).hides(row);
}

async function getReadable(prisma: PrismaClient, viewer: Viewer, id: string) {
  const row = await prisma.annotation.findUnique({ where: { id }, select: listSelect });
  if (!row || !(await isReadableNow(prisma, viewer, row)))
    throw new NotFoundError("Annotation not found.");
  return row;
}

/** Check the chosen audience: course and group sharing need membership there. */
async function resolveScope(
  prisma: PrismaClient,
  viewer: Viewer,
  scope: { visibility: Visibility; courseId?: string | null; groupId?: string | null },
): Promise<Outcome<{ visibility: Visibility; courseId: string | null; groupId: string | null }>> {
  const { visibility } = scope;
  if (visibility === "private" || visibility === "public") {
    return {
      ok: true,
      value: {
        visibility,
        courseId:
          scope.courseId && canPostInCourse(viewer, { id: scope.courseId }) ? scope.courseId : null,
        groupId: null,
      },
    };
  }
  if (visibility === "course") {
    if (!scope.courseId || !canPostInCourse(viewer, { id: scope.courseId })) {
      return { ok: false, error: "Choose one of your courses to share this annotation with." };
    }
    return { ok: true, value: { visibility, courseId: scope.courseId, groupId: null } };
  }
  const group = scope.groupId
    ? await prisma.group.findUnique({
        where: { id: scope.groupId },
        select: { id: true, courseId: true },
      })
    : null;
  if (!group || !canViewGroup(viewer, group) || !canPostInCourse(viewer, { id: group.courseId })) {
    return { ok: false, error: "Choose one of your reading groups to share this annotation with." };
  }
  return { ok: true, value: { visibility, courseId: group.courseId, groupId: group.id } };
}

const firstIssue = (error: { issues: { message: string }[] }) =>
  error.issues[0]?.message ?? "Invalid request.";

export async function createAnnotation(
  prisma: PrismaClient,
  viewer: Viewer,
  input: CreateAnnotationInput,
): Promise<Outcome<{ id: string; row: AnnotationWithDocument }>> {
  const parsed = createAnnotationSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: firstIssue(parsed.error) };
  const { clientId } = parsed.data;
  // A retry of a create whose answer was lost: hand back what the first attempt saved.
  const earlier = clientId ? await savedBefore(prisma, viewer, clientId) : null;
  if (earlier) return earlier;
  const tooFast = await checkWriteRate(prisma, "annotation", viewer.userId);
  if (tooFast) return tooFast;

  const document = await prisma.document.findUnique({
    where: { slug: parsed.data.documentSlug },
    select: {
      id: true,
      turns: { select: { anchor: true, text: true }, orderBy: { position: "asc" } },
    },
  });
  if (!document) return { ok: false, error: "That document no longer exists." };
  // A whole-document discussion has no passage: an empty quote and no positions.
  const described =
    parsed.data.scope === "document"
      ? {
          ok: true as const,
          selector: { quote: { exact: "", prefix: "", suffix: "" }, positions: [] },
        }
      : parsed.data.selection
        ? describeSelection(document.turns, parsed.data.selection)
        : { ok: false as const, error: "Select some words of the transcript first." };
  if (!described.ok) return { ok: false, error: described.error };
  const body = parseBody(parsed.data.body);
  if (!body.ok) return { ok: false, error: body.error };
  const scope = await resolveScope(prisma, viewer, parsed.data);
  if (!scope.ok) return scope;

  const selector: AnnotationSelector = described.selector;
  const created = await prisma.annotation
    .create({
      data: {
        id: clientId,
        documentId: document.id,
        authorId: viewer.userId,
        ...scope.value,
        selector: selector as unknown as Prisma.InputJsonValue,
        quote: selector.quote.exact,
        firstAnchor: selector.positions[0]?.turnAnchor ?? 0,
        lastAnchor: selector.positions[selector.positions.length - 1]?.turnAnchor ?? 0,
        scope: parsed.data.scope,
        body: body.doc as Prisma.InputJsonValue,
        bodyHtml: body.html,
        bodyText: body.text,
        tags: parsed.data.tags,
      },
      // The whole record comes back with the insert: a second read could fail after the commit
      // (database restarting) and turn a saved note into a reported failure.
      select: withDocument,
    })
    .catch(async (error: unknown) => {
      // Two attempts with one client id raced: the first one saved it.
      const raced =
        clientId && isUniqueViolation(error) && (await savedBefore(prisma, viewer, clientId));
      if (raced) return raced;
      throw error;
    });
  if ("ok" in created) return created;
  await publishChange(prisma, { documentId: document.id, kind: "annotation", id: created.id });
  return { ok: true, value: { id: created.id, row: created } };
}

export const isUniqueViolation = (error: unknown) =>
  (error as { code?: string } | null)?.code === "P2002";

/**
 * A create sent again with the same client id (the answer to the first attempt was lost):
 * success with the saved note, never a second copy. Someone else's id is refused.
 */
async function savedBefore(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
): Promise<Outcome<{ id: string; row: AnnotationWithDocument }> | null> {
  const row = await prisma.annotation.findUnique({ where: { id }, select: withDocument });
  if (!row) return null;
  return row.authorId === viewer.userId
    ? { ok: true, value: { id, row } }
    : { ok: false, error: "That note id is already taken: reload the page and save again." };
}

export async function updateAnnotation(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  input: UpdateAnnotationInput,
): Promise<Outcome<{ version: number }>> {
  const current = await getReadable(prisma, viewer, id);
  if (!canEditAnnotation(viewer, toRef(current)) || current.deletedAt)
    throw new NotFoundError("Annotation not found.");
  const parsed = updateAnnotationSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: firstIssue(parsed.error) };
  const body = parseBody(parsed.data.body);
  if (!body.ok) return { ok: false, error: body.error };
  const scope = await resolveScope(prisma, viewer, parsed.data);
  if (!scope.ok) return scope;

  const outcome = await prisma.$transaction(async (tx) => {
    // Only the version the editor started from may be replaced: a concurrent save wins, and the
    // late one is told instead of silently overwriting it.
    const { count } = await tx.annotation.updateMany({
      where: { id, version: parsed.data.version, deletedAt: null },
      data: {
        ...scope.value,
        body: body.doc as Prisma.InputJsonValue,
        bodyHtml: body.html,
        bodyText: body.text,
        tags: parsed.data.tags,
        version: { increment: 1 },
      },
    });
    if (count === 0) {
      return {
        ok: false as const,
        code: "conflict" as const,
        error: `Someone saved this annotation after you opened it (now version ${current.version}). Your text is still in the editor: copy it, reload, and merge.`,
      };
    }
    await tx.annotationRevision.create({
      data: {
        annotationId: id,
        version: parsed.data.version,
        body: current.body as Prisma.InputJsonValue,
        bodyHtml: current.bodyHtml,
        tags: current.tags,
        visibility: current.visibility,
      },
    });
    return { ok: true as const, value: { version: parsed.data.version + 1 } };
  });
  if (outcome.ok)
    await publishChange(prisma, { documentId: current.documentId, kind: "annotation", id });
  return outcome;
}

export async function deleteAnnotation(prisma: PrismaClient, viewer: Viewer, id: string) {
  const current = await getReadable(prisma, viewer, id);
  if (!canEditAnnotation(viewer, toRef(current))) throw new NotFoundError("Annotation not found.");
  await prisma.annotation.update({ where: { id }, data: { deletedAt: new Date() } });
  await publishChange(prisma, { documentId: current.documentId, kind: "annotation", id });
}

/** Undo a delete within UNDO_WINDOW_MS. */
export async function restoreAnnotation(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  now = new Date(),
): Promise<Outcome<null>> {
  const row = await prisma.annotation.findUnique({
    where: { id },
    select: { authorId: true, deletedAt: true, documentId: true },
  });
  if (!row || row.authorId !== viewer.userId) throw new NotFoundError("Annotation not found.");
  if (!row.deletedAt) return { ok: true, value: null };
  if (now.getTime() - row.deletedAt.getTime() > UNDO_WINDOW_MS) {
    return {
      ok: false,
      error: "This annotation was deleted more than 10 minutes ago and can no longer be restored.",
    };
  }
  await prisma.annotation.update({ where: { id }, data: { deletedAt: null } });
  await publishChange(prisma, { documentId: row.documentId, kind: "annotation", id });
  return { ok: true, value: null };
}

export async function setAnnotationHidden(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  hidden: boolean,
) {
  const current = await getReadable(prisma, viewer, id);
  if (!canHideAnnotation(viewer, toRef(current))) throw new NotFoundError("Annotation not found.");
  await prisma.$transaction(async (tx) => {
    await tx.annotation.update({
      where: { id },
      data: hidden
        ? { hiddenAt: new Date(), hiddenById: viewer.userId }
        : { hiddenAt: null, hiddenById: null },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      courseId: current.courseId,
      action: hidden ? "annotation.hide" : "annotation.show",
      targetType: "annotation",
      targetId: id,
      summary: `${hidden ? "Hid" : "Showed again"} ${current.author.name ?? "a member"}'s annotation on “${current.quote.slice(0, 80)}”`,
    });
  });
  await publishChange(prisma, { documentId: current.documentId, kind: "annotation", id });
}

export async function annotationHistory(prisma: PrismaClient, viewer: Viewer, id: string) {
  const current = await getReadable(prisma, viewer, id);
  if (!canEditAnnotation(viewer, toRef(current))) throw new NotFoundError("Annotation not found.");
  return prisma.annotationRevision.findMany({
    where: { annotationId: id },
    orderBy: { version: "desc" },
  });
}

export interface AnnotationSearch {
  document?: string;
  turn?: number;
  author?: string;
  tag?: string;
  course?: string;
  text?: string;
  limit: number;
  offset: number;
}

/** Search every annotation the viewer may read (the API's list endpoint). */
export async function searchAnnotations(
  prisma: PrismaClient,
  viewer: Viewer,
  search: AnnotationSearch,
) {
  const where: Prisma.AnnotationWhereInput = {
    AND: [
      { deletedAt: null },
      readableWhere(viewer),
      search.document ? { document: { slug: search.document } } : {},
      search.turn !== undefined
        ? { firstAnchor: { lte: search.turn }, lastAnchor: { gte: search.turn } }
        : {},
      search.author ? { authorId: search.author } : {},
      search.tag ? { tags: { has: search.tag.toLowerCase() } } : {},
      search.course ? { courseId: search.course } : {},
      search.text
        ? {
            OR: [
              { bodyText: { contains: search.text, mode: "insensitive" } },
              { quote: { contains: search.text, mode: "insensitive" } },
            ],
          }
        : {},
    ],
  };
  const [rows, total] = await Promise.all([
    prisma.annotation.findMany({
      where,
      orderBy: [{ createdAt: "desc" }],
      take: search.limit,
      skip: search.offset,
      select: withDocument,
    }),
    prisma.annotation.count({ where }),
  ]);
  const gate = await postingGate(
    prisma,
    viewer,
    rows.map((row) => row.documentId),
  );
  return {
    total,
    rows: rows.filter((row) => canReadAnnotation(viewer, toRef(row)) && !gate.hides(row)),
  };
}

/** One annotation the viewer may read, with its document. */
export async function getAnnotation(prisma: PrismaClient, viewer: Viewer, id: string) {
  const row = await prisma.annotation.findUnique({
    where: { id },
    select: withDocument,
  });
  if (!row || row.deletedAt || !(await isReadableNow(prisma, viewer, row)))
    throw new NotFoundError("Annotation not found.");
  return row;
}
