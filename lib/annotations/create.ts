import { randomUUID } from "node:crypto";
import { rawRows } from "@/lib/db/raw";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import {
  CONTEXT_LENGTH,
  describeSelection,
  type DescribeResult,
  type TurnRange,
} from "@/lib/anchoring";
import type { AnnotationSelector } from "@/lib/anchoring/types";
import type { Viewer } from "@/lib/auth/permissions";
import { documentBySlug } from "@/lib/library/lookup";
import { checkWriteRate } from "@/lib/auth/rate-limit";
import { publishChange } from "@/lib/live/channel";
import type { Outcome } from "@/lib/outcome";
import { emptyBody, parseBody } from "@/lib/richtext/body";
import { createAnnotationSchema, type CreateAnnotationInput } from "@/lib/validations/annotation";
import { firstIssue } from "@/lib/validations/first-issue";
import { fitsCourse, resolveScope } from "./audience";
import { WITH_DOCUMENT_COLUMNS, WITH_DOCUMENT_JOINS, type AnnotationWithDocument } from "./columns";

// Creating a note or a highlight on a passage (or a discussion of the whole document).

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
  // One statement (through the pool, lib/db/raw.ts): the turns from CONTEXT_TURNS before the
  // selection's first turn to CONTEXT_TURNS after its last, with the window's bounds and the
  // document's last position, so the check below knows whether the window reached either end.
  const window = await rawRows<{
    anchor: number;
    text: string;
    from: number;
    to: number;
    last: number;
  }>(
    prisma,
    Prisma.sql`
    WITH ends AS (
      SELECT min("position") - ${CONTEXT_TURNS}::int AS "from",
             max("position") + ${CONTEXT_TURNS}::int AS "to"
      FROM "Turn"
      WHERE "documentId" = ${documentId}
        AND "anchor" = ANY(${[selection.start.turnAnchor, selection.end.turnAnchor]}::int[]))
    SELECT t."anchor", t."text", ends."from", ends."to",
      (SELECT max("position") FROM "Turn" WHERE "documentId" = ${documentId}) AS "last"
    FROM ends JOIN "Turn" t ON t."documentId" = ${documentId}
      AND t."position" BETWEEN ends."from" AND ends."to"
    ORDER BY t."position"`,
  );
  if (window.length > 0) {
    const { from, to, last } = window[0]!;
    const described = describeSelection(window, selection);
    const quote = described.ok ? described.selector.quote : null;
    if (
      quote &&
      (from <= 0 || quote.prefix.length >= CONTEXT_LENGTH) &&
      (to >= last || quote.suffix.length >= CONTEXT_LENGTH)
    )
      return described;
  }
  const turns = await rawRows<{ anchor: number; text: string }>(
    prisma,
    Prisma.sql`SELECT "anchor", "text" FROM "Turn" WHERE "documentId" = ${documentId}
               ORDER BY "position"`,
  );
  return describeSelection(turns, selection);
}

const HIGHLIGHT_REFUSAL =
  "A highlight marks a passage for you alone: only a highlight of a passage, kept to yourself, has no note. Write a note to share it.";
const HIGHLIGHT_BODY = { ok: true as const, doc: emptyBody(), html: "", text: "" };

/**
 * `input` is the request as it came (API body, server action argument): it is parsed here with
 * createAnnotationSchema, so no caller casts it. CreateAnnotationInput names what it should be.
 */
export async function createAnnotation(
  prisma: PrismaClient,
  viewer: Viewer,
  input: CreateAnnotationInput | unknown,
): Promise<Outcome<{ id: string; row: AnnotationWithDocument }>> {
  const parsed = createAnnotationSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: firstIssue(parsed.error) };
  const { clientId } = parsed.data;
  // A retry of a create whose answer was lost: hand back what the first attempt saved.
  const earlier = clientId ? await savedBefore(prisma, viewer, clientId) : null;
  if (earlier) return earlier;
  const tooFast = await checkWriteRate(prisma, "annotation", viewer.userId);
  if (tooFast) return tooFast;

  // Another course's document answers as if it did not exist.
  const document = await documentBySlug(prisma, parsed.data.documentSlug, viewer);
  if (!document) return { ok: false, error: "That document no longer exists." };
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
  const fits = fitsCourse(document, scope.value.courseId);
  if (!fits.ok) return fits;

  const selector: AnnotationSelector = described.selector;
  const { visibility, courseId, groupId } = scope.value;
  // One statement through the pool (lib/db/raw.ts): the insert, and the whole record back with
  // it (a second read could fail after the commit, database restarting, and turn a saved note
  // into a reported failure). Through Prisma this was an insert and four reads, each compiled
  // by its query compiler: most of a create's CPU (bench/README.md, round 4).
  const created = await rawRows<AnnotationWithDocument>(
    prisma,
    Prisma.sql`
    WITH a AS (
      INSERT INTO "Annotation" ("id", "documentId", "authorId", "visibility", "courseId",
        "groupId", "selector", "quote", "firstAnchor", "lastAnchor", "scope", "body",
        "bodyHtml", "bodyText", "tags", "createdAt", "updatedAt")
      VALUES (${clientId ?? newAnnotationId()}, ${document.id}, ${viewer.userId},
        ${visibility}::"Visibility", ${courseId}, ${groupId}, ${JSON.stringify(selector)}::jsonb,
        ${selector.quote.exact}, ${selector.positions[0]?.turnAnchor ?? 0}::int,
        ${selector.positions.at(-1)?.turnAnchor ?? 0}::int,
        ${parsed.data.scope}::"AnnotationScope", ${JSON.stringify(body.doc)}::jsonb,
        ${body.html}, ${body.text}, ${parsed.data.tags}::text[],
        now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
      RETURNING *)
    SELECT ${WITH_DOCUMENT_COLUMNS} FROM a ${WITH_DOCUMENT_JOINS}`,
  ).then(
    ([row]) => row!,
    async (error: unknown) => {
      // Two attempts with one client id raced: the first one saved it.
      const raced =
        clientId && isUniqueViolation(error) && (await savedBefore(prisma, viewer, clientId));
      if (raced) return raced;
      throw error;
    },
  );
  if ("ok" in created) return created;
  await publishChange(prisma, { documentId: document.id, kind: "annotation", id: created.id });
  return { ok: true, value: { id: created.id, row: created } };
}

/**
 * A unique constraint refused the insert: Prisma's P2002, PostgreSQL's 23505 from the pool, or
 * that code inside Prisma's P2010 when a raw statement ran through `$queryRaw`.
 */
export const isUniqueViolation = (error: unknown) => {
  const { code, meta } = (error ?? {}) as { code?: string; meta?: { code?: string } };
  return code === "P2002" || code === "23505" || (code === "P2010" && meta?.code === "23505");
};

/** A new note's id when the browser sent none: the same form as the browser's (local-drafts.ts). */
const newAnnotationId = () => randomUUID().replace(/-/g, "");

/**
 * A create sent again with the same client id (the answer to the first attempt was lost):
 * success with the saved note, never a second copy. Someone else's id is refused.
 */
async function savedBefore(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
): Promise<Outcome<{ id: string; row: AnnotationWithDocument }> | null> {
  const [row] = await rawRows<AnnotationWithDocument>(
    prisma,
    Prisma.sql`SELECT ${WITH_DOCUMENT_COLUMNS} FROM "Annotation" a ${WITH_DOCUMENT_JOINS} WHERE a."id" = ${id}`,
  );
  if (!row) return null;
  return row.authorId === viewer.userId
    ? { ok: true, value: { id, row } }
    : { ok: false, error: "That note id is already taken: reload the page and save again." };
}
