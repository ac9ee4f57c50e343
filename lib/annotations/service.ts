import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import {
  CONTEXT_LENGTH,
  describeSelection,
  type DescribeResult,
  type TurnRange,
} from "@/lib/anchoring";
import {
  canEditAnnotation,
  canHideAnnotation,
  canPostInCourse,
  canReadAnnotation,
  canReadDocument,
  canViewGroup,
  type AnnotationRef,
  type Viewer,
} from "@/lib/auth/permissions";
import { postingGate, type PostingGate } from "@/lib/assignments/gate";
import { recordAudit } from "@/lib/audit/log";
import { checkWriteRate } from "@/lib/auth/rate-limit";
import { rawRows } from "@/lib/db/raw";
import { NotFoundError } from "@/lib/errors";
import { documentBySlug } from "@/lib/library/lookup";
import { readableDocumentsSql } from "@/lib/library/scope";
import { publishChange } from "@/lib/live/channel";
import { readablePageIdsSql } from "./readable-page";
import type { Outcome } from "@/lib/outcome";
import {
  createAnnotationSchema,
  updateAnnotationSchema,
  type CreateAnnotationInput,
  type UpdateAnnotationInput,
} from "@/lib/validations/annotation";
import { emptyBody, parseBody } from "./body";
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
  originallyCreatedAt: true,
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

/**
 * SQL filter matching canReadAnnotation (checked again row by row), for the raw list queries
 * (the table alias must be `a`).
 */
function readableSql(viewer: Viewer): Prisma.Sql {
  if (viewer.siteRole === "admin")
    return Prisma.sql`(a."authorId" = ${viewer.userId} OR a."visibility" <> 'private')`;
  const courses = [...viewer.courses.keys()];
  const teaching = [...viewer.courses]
    .filter(([, role]) => role === "instructor")
    .map(([id]) => id);
  const groups = [...viewer.groups.keys()];
  return Prisma.sql`(a."authorId" = ${viewer.userId}
    OR (a."hiddenAt" IS NULL AND (a."visibility" = 'public'
      OR (a."visibility" = 'course' AND a."courseId" = ANY(${courses}::text[]))
      OR (a."visibility" = 'group' AND a."groupId" = ANY(${groups}::text[]))))
    OR (a."visibility" IN ('course', 'group') AND a."courseId" = ANY(${teaching}::text[])))`;
}

/**
 * The one readable-now predicate of every list, total and count: the permission rules and the
 * viewer's "post first" gate, both in SQL (each row is still checked again in code).
 */
function readableNowSql(viewer: Viewer, gate: PostingGate): Prisma.Sql {
  return Prisma.sql`(${readableSql(viewer)} AND NOT ${gate.sql})`;
}

/** `text` as a literal ILIKE substring: `%`, `_` and the escape character match themselves. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

// The columns of listSelect, with the author's, course's and group's names joined in.
const LISTED_COLUMNS = Prisma.sql`a."id", a."documentId", a."authorId",
  a."visibility"::text AS "visibility", a."courseId", a."groupId", a."selector", a."quote",
  a."firstAnchor", a."lastAnchor", a."orphaned", a."body", a."bodyHtml", a."bodyText", a."tags",
  a."version", a."hiddenAt", a."deletedAt", a."endorsedAt", a."lockedAt", a."resolvedAt",
  a."scope"::text AS "scope", a."createdAt", a."updatedAt", a."originallyCreatedAt",
  u."name" AS "authorName", c."title" AS "courseTitle", g."name" AS "groupName"`;
const LISTED_JOINS = Prisma.sql`JOIN "User" u ON u."id" = a."authorId"
  LEFT JOIN "Course" c ON c."id" = a."courseId"
  LEFT JOIN "Group" g ON g."id" = a."groupId"`;

type ListedRow = Omit<AnnotationRow, "author" | "course" | "group"> & {
  authorName: string | null;
  courseTitle: string | null;
  groupName: string | null;
};

/** A LISTED_COLUMNS row in the shape `select: listSelect` gives. */
function fromListed<T extends ListedRow>({ authorName, courseTitle, groupName, ...row }: T) {
  return {
    ...row,
    author: { id: row.authorId, name: authorName },
    course: row.courseId && courseTitle !== null ? { id: row.courseId, title: courseTitle } : null,
    group: row.groupId && groupName !== null ? { id: row.groupId, name: groupName } : null,
  };
}

/**
 * The WHERE of a document's readable annotations, shared by the full rows and the index.
 *
 * The ids come first, from the covering index on (documentId, createdAt) that holds every column
 * the permission filter reads (an index-only scan), and only those rows are then read by id.
 * Filtering the rows themselves read every note of the document, bodies and all: about twice
 * the time on a large seminar document, where a student may read one note in ten
 * (bench/README.md). The deleted-with-replies test runs per deleted note only (LIMIT 1 keeps
 * the planner from scanning every reply to hash them).
 */
function documentFilter(
  viewer: Viewer,
  gate: PostingGate,
  documentId: string,
  withDeletedThreads: boolean,
  ids: readonly string[] | undefined,
) {
  return Prisma.sql`a."id" = ANY(ARRAY(
    SELECT a."id" FROM "Annotation" a
    WHERE a."documentId" = ${documentId}
      AND (a."deletedAt" IS NULL${
        // A deleted annotation that others answered stays as "annotation deleted", so the
        // discussion remains readable.
        withDeletedThreads
          ? Prisma.sql` OR (SELECT true FROM "Reply" r
              WHERE r."annotationId" = a."id" AND r."deletedAt" IS NULL LIMIT 1)`
          : Prisma.empty
      })
      ${ids ? Prisma.sql`AND a."id" = ANY(${[...ids]}::text[])` : Prisma.empty}
      AND ${readableNowSql(viewer, gate)}))`;
}

interface DocumentListOptions {
  /** The reader keeps deleted annotations that have replies, as placeholders; exports do not. */
  withDeletedThreads?: boolean;
  /** The viewer's "post first" gate on this document, when the caller has it already. */
  gate?: PostingGate;
  /** Only these annotations (the reader's panel loads the cards it shows). */
  ids?: readonly string[];
}

/**
 * The annotations of a document the viewer may read, in reading order; deleted ones left out.
 *
 * One SQL query with joins rather than `findMany` with relations: for a 2,000-turn seminar
 * document (about 1,800 readable notes) Prisma's query compiler, its follow-up queries for
 * authors, courses and groups, and its row mapping cost four times the query itself
 * (bench/README.md). The filter is readableSql's; every row is still checked in code.
 */
export async function listDocumentAnnotations(
  prisma: PrismaClient,
  viewer: Viewer | null,
  documentId: string,
  { withDeletedThreads = false, gate, ids }: DocumentListOptions = {},
): Promise<AnnotationRow[]> {
  if (!viewer || ids?.length === 0) return [];
  const held = gate ?? (await postingGate(prisma, viewer, [documentId]));
  const rows = await rawRows<ListedRow>(
    prisma,
    Prisma.sql`
    SELECT ${LISTED_COLUMNS} FROM "Annotation" a ${LISTED_JOINS}
    WHERE ${documentFilter(viewer, held, documentId, withDeletedThreads, ids)}
    ORDER BY a."firstAnchor" ASC, a."createdAt" ASC`,
  );
  return rows.map(fromListed).filter(readableNow(viewer, held));
}

/**
 * The same annotations as listDocumentAnnotations, each already as the API's JSON (toApiJson's
 * shape, built by PostgreSQL): `GET /api/documents/<slug>/annotations` sends the whole readable
 * list, and parsing 1,800 notes' bodies and selectors into objects only to serialise them again
 * cost the app four times what the query did (bench/README.md). Rows are still checked in code
 * on their permission columns. tests/integration/reader-panel.test.ts holds it equal to the
 * objects' JSON.
 */
export async function listDocumentAnnotationsJson(
  prisma: PrismaClient,
  viewer: Viewer | null,
  document: { id: string; slug: string },
): Promise<string[]> {
  if (!viewer) return [];
  const held = await postingGate(prisma, viewer, [document.id]);
  const iso = (column: Prisma.Sql) =>
    Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  const rows = await rawRows<{
    documentId: string;
    authorId: string;
    visibility: Visibility;
    courseId: string | null;
    groupId: string | null;
    hiddenAt: Date | null;
    json: string;
  }>(
    prisma,
    Prisma.sql`
    SELECT a."documentId", a."authorId", a."visibility"::text AS "visibility", a."courseId",
      a."groupId", a."hiddenAt",
      json_build_object(
        'id', a."id", 'document', ${document.slug}::text,
        'author', json_build_object('id', a."authorId", 'name', u."name"),
        'visibility', a."visibility",
        'course', CASE WHEN c."id" IS NULL THEN NULL
          ELSE json_build_object('id', c."id", 'title', c."title") END,
        'group', CASE WHEN g."id" IS NULL THEN NULL
          ELSE json_build_object('id', g."id", 'name', g."name") END,
        'target', a."selector", 'orphaned', a."orphaned", 'body', a."body",
        'html', a."bodyHtml", 'text', a."bodyText", 'tags', a."tags",
        'created', ${iso(Prisma.sql`a."createdAt"`)}, 'updated', ${iso(Prisma.sql`a."updatedAt"`)}
      )::text AS "json"
    FROM "Annotation" a ${LISTED_JOINS}
    WHERE ${documentFilter(viewer, held, document.id, false, undefined)}
    ORDER BY a."firstAnchor" ASC, a."createdAt" ASC`,
  );
  return rows.filter(readableNow(viewer, held)).map((row) => row.json);
}

/** What the reader needs of every readable note up front: who, where, shared how, tags. */
export interface AnnotationIndexRow {
  id: string;
  documentId: string;
  authorId: string;
  authorName: string | null;
  visibility: Visibility;
  courseId: string | null;
  groupId: string | null;
  /** The selector's positions (turn anchor, start, end), for the highlights. */
  positions: AnnotationSelector["positions"];
  orphaned: boolean;
  tags: string[];
  hiddenAt: Date | null;
  deletedAt: Date | null;
  scope: "passage" | "document";
}

/**
 * The same annotations as listDocumentAnnotations (same filter, same checks, same order) without
 * their bodies, quotes or discussions: the reader's highlights and the panel's index. The panel
 * loads the cards it shows (lib/annotations/panel.ts): a large seminar document has about 1,800
 * readable notes, and their cards made a third of the reader's page.
 */
export async function listDocumentIndex(
  prisma: PrismaClient,
  viewer: Viewer | null,
  documentId: string,
  { gate }: { gate?: PostingGate } = {},
): Promise<AnnotationIndexRow[]> {
  if (!viewer) return [];
  const held = gate ?? (await postingGate(prisma, viewer, [documentId]));
  const rows = await rawRows<AnnotationIndexRow>(
    prisma,
    Prisma.sql`
    SELECT a."id", a."documentId", a."authorId", u."name" AS "authorName",
      a."visibility"::text AS "visibility", a."courseId", a."groupId",
      a."selector"->'positions' AS "positions", a."orphaned", a."tags", a."hiddenAt",
      a."deletedAt", a."scope"::text AS "scope"
    FROM "Annotation" a JOIN "User" u ON u."id" = a."authorId"
    WHERE ${documentFilter(viewer, held, documentId, true, undefined)}
    ORDER BY a."firstAnchor" ASC, a."createdAt" ASC`,
  );
  return rows.filter(readableNow(viewer, held));
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
  return readableNow(viewer, await postingGate(prisma, viewer, [row.documentId]))(row);
}

/**
 * The check every read applies to each row, whatever its query's filter: the permission rules,
 * then the document's "post first" gate.
 */
function readableNow(viewer: Viewer, gate: PostingGate) {
  return (row: Parameters<typeof toRef>[0] & { documentId: string }) =>
    canReadAnnotation(viewer, toRef(row)) && !gate.hides(row);
}

async function getReadable(prisma: PrismaClient, viewer: Viewer, id: string) {
  const row = await prisma.annotation.findUnique({ where: { id }, select: listSelect });
  if (!row || !(await isReadableNow(prisma, viewer, row)))
    throw new NotFoundError("Annotation not found.");
  return row;
}

/** Check the chosen audience: course and group sharing need membership there. */
/**
 * A course's own document is read by that course only, so its notes are shared there or not at
 * all: an audience in another course would tell that course's people about it (mentions,
 * notifications).
 */
async function fitsDocument(
  prisma: PrismaClient,
  documentId: string,
  courseId: string | null,
): Promise<Outcome<null>> {
  if (!courseId) return { ok: true, value: null };
  const document = await prisma.document.findUnique({
    where: { id: documentId },
    select: { courseId: true },
  });
  if (document?.courseId && document.courseId !== courseId)
    return {
      ok: false,
      error: "This document belongs to one course: share notes on it with that course only.",
    };
  return { ok: true, value: null };
}

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

/** Turns read either side of a selection: enough for the quote's context in nearly every text. */
const CONTEXT_TURNS = 8;

/**
 * describeSelection over the turns around the selection instead of the whole document (a
 * 2,000-turn transcript is half a megabyte to read for every new note). The result is the same:
 * when the window cannot hold the full context (very short neighbouring turns) or a turn is not
 * found, it runs again over every turn.
 */
async function describeInDocument(
  prisma: PrismaClient,
  documentId: string,
  selection: TurnRange,
): Promise<DescribeResult> {
  const ends = await prisma.turn.findMany({
    where: { documentId, anchor: { in: [selection.start.turnAnchor, selection.end.turnAnchor] } },
    select: { position: true },
  });
  if (ends.length > 0) {
    const positions = ends.map((turn) => turn.position);
    const from = Math.min(...positions) - CONTEXT_TURNS;
    const to = Math.max(...positions) + CONTEXT_TURNS;
    const [window, last] = await Promise.all([
      prisma.turn.findMany({
        where: { documentId, position: { gte: from, lte: to } },
        select: { anchor: true, text: true },
        orderBy: { position: "asc" },
      }),
      prisma.turn.findFirst({
        where: { documentId },
        select: { position: true },
        orderBy: { position: "desc" },
      }),
    ]);
    const described = describeSelection(window, selection);
    const quote = described.ok ? described.selector.quote : null;
    if (
      quote &&
      (from <= 0 || quote.prefix.length >= CONTEXT_LENGTH) &&
      (to >= (last?.position ?? 0) || quote.suffix.length >= CONTEXT_LENGTH)
    )
      return described;
  }
  const turns = await prisma.turn.findMany({
    where: { documentId },
    select: { anchor: true, text: true },
    orderBy: { position: "asc" },
  });
  return describeSelection(turns, selection);
}

const HIGHLIGHT_REFUSAL =
  "A highlight marks a passage for you alone: only a highlight of a passage, kept to yourself, has no note. Write a note to share it.";
const HIGHLIGHT_BODY = { ok: true as const, doc: emptyBody(), html: "", text: "" };

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
    select: { id: true, courseId: true },
  });
  // Another course's document answers as if it did not exist.
  if (!document || !canReadDocument(viewer, document))
    return { ok: false, error: "That document no longer exists." };
  // A whole-document discussion has no passage: an empty quote and no positions.
  const described =
    parsed.data.scope === "document"
      ? {
          ok: true as const,
          selector: { quote: { exact: "", prefix: "", suffix: "" }, positions: [] },
        }
      : parsed.data.selection
        ? await describeInDocument(prisma, document.id, parsed.data.selection)
        : { ok: false as const, error: "Select some words of the transcript first." };
  if (!described.ok) return { ok: false, error: described.error };
  const highlight = parsed.data.motivation === "highlighting";
  if (highlight && (parsed.data.scope === "document" || parsed.data.visibility !== "private"))
    return { ok: false, error: HIGHLIGHT_REFUSAL };
  // A highlight has no note: its body is empty (and only a highlight's body can be).
  const body = highlight ? HIGHLIGHT_BODY : parseBody(parsed.data.body);
  if (!body.ok) return { ok: false, error: body.error };
  const scope = await resolveScope(prisma, viewer, parsed.data);
  if (!scope.ok) return scope;
  const fits = await fitsDocument(prisma, document.id, scope.value.courseId);
  if (!fits.ok) return fits;

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
  const fits = await fitsDocument(prisma, current.documentId, scope.value.courseId);
  if (!fits.ok) return fits;

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
  /** "exact": also count every readable match (a scan of them all; off by default). */
  count?: "exact";
}

/**
 * Search every annotation the viewer may read (the API's list endpoint). Raw SQL for the same
 * reason as listDocumentAnnotations. The rows and the total share one WHERE built on the
 * readable-now predicate (permissions and the "post first" gate of every document), so the
 * total counts exactly what the rows may show; `text` matches literally (no wildcards).
 */
export async function searchAnnotations(
  prisma: PrismaClient,
  viewer: Viewer,
  search: AnnotationSearch,
) {
  let documentId: string | undefined;
  if (search.document) {
    // By id, not by joining on the slug: the planner then knows how many notes this document
    // has and walks the newest-first index for a page (about 100 times faster on a large one).
    const document = await documentBySlug(prisma, search.document, viewer);
    if (!document)
      return { total: search.count === "exact" ? 0 : undefined, hasMore: false, rows: [] };
    documentId = document.id;
  }
  const gate = await postingGate(prisma, viewer, documentId ? [documentId] : "all");
  const conditions = [
    Prisma.sql`a."deletedAt" IS NULL`,
    readableNowSql(viewer, gate),
    readableDocumentsSql(viewer, "d"),
  ];
  if (documentId) conditions.push(Prisma.sql`a."documentId" = ${documentId}`);
  if (search.turn !== undefined)
    conditions.push(
      Prisma.sql`a."firstAnchor" <= ${search.turn} AND a."lastAnchor" >= ${search.turn}`,
    );
  if (search.author) conditions.push(Prisma.sql`a."authorId" = ${search.author}`);
  if (search.tag) conditions.push(Prisma.sql`${search.tag.toLowerCase()} = ANY(a."tags")`);
  if (search.course) conditions.push(Prisma.sql`a."courseId" = ${search.course}`);
  if (search.text) {
    const pattern = likeContains(search.text);
    conditions.push(
      Prisma.sql`(a."bodyText" ILIKE ${pattern} ESCAPE '\\' OR a."quote" ILIKE ${pattern} ESCAPE '\\')`,
    );
  }
  // A plain page of one document: per-audience index ranges, merged (lib/annotations/readable-page.ts).
  const filtered = search.turn !== undefined || search.author || search.tag || search.course;
  const page =
    documentId && !filtered && !search.text
      ? readablePageIdsSql(viewer, gate, documentId, search.limit, search.offset)
      : null;
  const where = page ? Prisma.sql`a."id" = ANY(ARRAY(${page}))` : Prisma.join(conditions, " AND ");
  // One row more than the page tells whether another follows; the exact total (a count of every
  // readable match) only when asked for.
  const [listed, counted] = await Promise.all([
    rawRows<ListedRow & { documentSlug: string; documentTitle: string }>(
      prisma,
      Prisma.sql`
      SELECT ${LISTED_COLUMNS}, d."slug" AS "documentSlug", d."title" AS "documentTitle"
      FROM "Annotation" a JOIN "Document" d ON d."id" = a."documentId" ${LISTED_JOINS}
      WHERE ${where}
      ORDER BY a."createdAt" DESC, a."id" DESC
      ${page ? Prisma.empty : Prisma.sql`LIMIT ${search.limit + 1} OFFSET ${search.offset}`}`,
    ),
    search.count === "exact"
      ? rawRows<{ total: number }>(
          prisma,
          Prisma.sql`
          SELECT count(*)::int AS "total"
          FROM "Annotation" a JOIN "Document" d ON d."id" = a."documentId"
          WHERE ${Prisma.join(conditions, " AND ")}`,
        )
      : undefined,
  ]);
  return {
    total: counted ? (counted[0]?.total ?? 0) : undefined,
    hasMore: listed.length > search.limit,
    rows: listed
      .slice(0, search.limit)
      .map(({ documentSlug, documentTitle, ...row }) => ({
        ...fromListed(row),
        document: { slug: documentSlug, title: documentTitle },
      }))
      .filter(readableNow(viewer, gate)),
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
