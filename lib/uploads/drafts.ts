import { createHash } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import {
  canAddDocument,
  canReadDocument,
  type MaybeViewer,
  type Viewer,
} from "@/lib/auth/permissions";
import { checkWriteRate } from "@/lib/auth/rate-limit";
import { NotFoundError } from "@/lib/errors";
import { ImportError, parseSource, type ParsedDocument } from "@/lib/importer";
import { serializeContent } from "@/lib/importer/content-format";
import { sourceToText, SourceError, type SourceFile, type TeiChoice } from "@/lib/importer/sources";
import { storeDocument } from "@/lib/library/store";
import type { Outcome } from "@/lib/outcome";
import { applyEdits, EditError, type DraftEdit } from "./edits";
import { diffTurns, type RevisionDiff } from "./revision";
import { draftWarnings, type DraftWarning } from "./warnings";

// Documents instructors bring: a source becomes a draft (the importer's reading, kept as a content
// file), the draft is reviewed and corrected, and publishing stores it as a Document of the course
// (lib/library/store.ts, which also re-anchors the annotations of a revised document). Nothing
// but the draft row is written before publishing, and a source that cannot be read writes
// nothing at all. Every function asks canAddDocument; a draft the caller may not review answers
// as if it did not exist.
// Over 300 lines: the life of one draft (create, view, edit, discard, publish) shares its
// loading and refusal rules; lists and promotion live in course-documents.ts.

export interface DraftSource {
  /** The course it is for; null: the public library (site admins). */
  courseId: string | null;
  file?: SourceFile;
  text?: string;
  /** The slug of a published document this corrects (a revision). */
  revises?: string;
}

export type DraftFailure =
  | {
      kind: "refused";
      status: 400 | 404 | 409 | 413 | 422 | 429 | 502;
      message: string;
      retryAfterSeconds?: number;
    }
  | { kind: "choose"; message: string; choices: TeiChoice[] };

export interface DraftView {
  slug: string;
  courseId: string | null;
  sourceName: string;
  /** The published document this draft revises, if any. */
  revises: { slug: string; title: string } | null;
  document: Omit<ParsedDocument, "turns">;
  turns: (ParsedDocument["turns"][number] & { index: number })[];
  warnings: DraftWarning[];
  /** For a revision: what changes against the published text. */
  diff: RevisionDiff | null;
  content: string;
  updatedAt: string;
}

export const refused = (
  status: Extract<DraftFailure, { kind: "refused" }>["status"],
  message: string,
): { ok: false; failure: DraftFailure } => ({
  ok: false,
  failure: { kind: "refused", status, message },
});

type Result<T> = { ok: true; value: T } | { ok: false; failure: DraftFailure };

export const NOT_FOUND = "No draft or document has that slug.";

/** Turn the source into the importer's reading of one document. */
async function readSource(
  source: DraftSource,
): Promise<Result<{ doc: ParsedDocument; name: string }>> {
  let text: string;
  let name: string;
  try {
    if (source.file) {
      const read = await sourceToText(source.file);
      if (!read.ok)
        return {
          ok: false,
          failure: {
            kind: "choose",
            message: `This file holds ${read.choices.length} documents: choose the one to bring.`,
            choices: read.choices,
          },
        };
      text = read.text;
      name = read.fileName;
    } else if (source.text !== undefined) {
      text = source.text;
      name = "pasted text";
    } else return refused(400, "Send a file, the text, or a reference.");
    const parsed = parseSource(text, name);
    if (parsed.type !== "document")
      return refused(422, "This is a collection (a list of documents), not one document.");
    return { ok: true, value: { doc: parsed, name } };
  } catch (error) {
    if (error instanceof SourceError) return refused(error.status, error.message);
    if (error instanceof ImportError)
      return refused(
        422,
        `The importer could not read it: ${error.detail}${error.line ? ` (line ${error.line})` : ""}.`,
      );
    throw error;
  }
}

/** A slug no other document or draft holds (another course may have brought the same text). */
async function freeSlug(prisma: PrismaClient, wanted: string) {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? wanted : `${wanted.slice(0, 76)}-${n}`;
    const [document, draft] = await Promise.all([
      prisma.document.findUnique({ where: { slug }, select: { id: true } }),
      prisma.documentDraft.findUnique({ where: { slug }, select: { id: true } }),
    ]);
    // Never another's draft either: two instructors bringing the same text get two drafts.
    if (!document && !draft) return slug;
  }
}

/** The published document a revision corrects, if the caller may revise it. */
async function revisable(prisma: PrismaClient, viewer: Viewer, slug: string) {
  const document = await prisma.document.findUnique({
    where: { slug },
    select: { id: true, slug: true, courseId: true, title: true },
  });
  if (!document || !canReadDocument(viewer, document) || !canAddDocument(viewer, document))
    return null;
  return document;
}

export async function createDraft(
  prisma: PrismaClient,
  viewer: Viewer,
  source: DraftSource,
): Promise<Result<DraftView>> {
  let courseId = source.courseId;
  let revising: { id: string; slug: string; courseId: string | null } | null = null;
  if (source.revises) {
    revising = await revisable(prisma, viewer, source.revises);
    if (!revising) return refused(404, NOT_FOUND);
    courseId = revising.courseId;
  } else if (courseId !== null) {
    const course = await prisma.course.findUnique({
      where: { id: courseId },
      select: { id: true },
    });
    if (!course || !canAddDocument(viewer, { courseId }))
      return refused(404, "No course has that id.");
  } else if (!canAddDocument(viewer, { courseId: null }))
    return refused(404, "Give the course (courseId) the document is for.");

  const tooFast = await checkWriteRate(prisma, "import", viewer.userId);
  if (tooFast)
    return {
      ok: false,
      failure: {
        kind: "refused",
        status: 429,
        message: tooFast.error,
        retryAfterSeconds: tooFast.retryAfterSeconds,
      },
    };

  const read = await readSource(source);
  if (!read.ok) return read;
  const slug = revising ? revising.slug : await freeSlug(prisma, read.value.doc.slug);
  const doc: ParsedDocument = { ...read.value.doc, slug };
  const data = {
    courseId,
    documentId: revising?.id ?? null,
    content: serializeContent(doc),
    warnings: draftWarnings(doc) as unknown as Prisma.InputJsonValue,
    sourceName: read.value.name.slice(0, 300),
    createdById: viewer.userId,
  };
  await prisma.documentDraft.upsert({ where: { slug }, create: { slug, ...data }, update: data });
  return { ok: true, value: await viewDraft(prisma, viewer, slug) };
}

async function loadDraft(prisma: PrismaClient, viewer: MaybeViewer, slug: string) {
  const draft = await prisma.documentDraft.findUnique({
    where: { slug },
    include: { document: { select: { slug: true, title: true, id: true } } },
  });
  if (!draft || !canAddDocument(viewer, draft)) throw new NotFoundError(NOT_FOUND);
  return draft;
}

const readContent = (content: string, slug: string) => {
  const parsed = parseSource(content, `${slug}.md`);
  if (parsed.type !== "document") throw new Error("a draft holds one document");
  return parsed;
};

/** The draft as the review screen and the API show it. */
export async function viewDraft(
  prisma: PrismaClient,
  viewer: MaybeViewer,
  slug: string,
): Promise<DraftView> {
  const draft = await loadDraft(prisma, viewer, slug);
  const { turns, ...document } = readContent(draft.content, slug);
  let diff: RevisionDiff | null = null;
  if (draft.documentId) {
    const published = await prisma.turn.findMany({
      where: { documentId: draft.documentId },
      orderBy: { position: "asc" },
      select: { text: true },
    });
    diff = diffTurns(
      published.map((turn) => turn.text),
      turns.map((turn) => turn.text),
    );
  }
  return {
    slug,
    courseId: draft.courseId,
    sourceName: draft.sourceName,
    revises: draft.document ? { slug: draft.document.slug, title: draft.document.title } : null,
    document,
    turns: turns.map((turn, index) => ({ ...turn, index })),
    warnings: draft.warnings as unknown as DraftWarning[],
    diff,
    content: draft.content,
    updatedAt: draft.updatedAt.toISOString(),
  };
}

/** The reviewer's corrections; the result is read back by the importer before it is kept. */
export async function editDraft(
  prisma: PrismaClient,
  viewer: Viewer,
  slug: string,
  edits: readonly DraftEdit[],
): Promise<Outcome<DraftView>> {
  const draft = await loadDraft(prisma, viewer, slug);
  let content: string;
  let edited: ParsedDocument;
  try {
    edited = applyEdits(readContent(draft.content, slug), edits);
    content = serializeContent(edited);
    readContent(content, slug);
  } catch (error) {
    if (error instanceof EditError) return { ok: false, error: error.message };
    if (error instanceof ImportError)
      return { ok: false, error: `That change does not fit the content format: ${error.detail}.` };
    throw error;
  }
  // Warnings about what was fixed go; those still true stay.
  await prisma.documentDraft.update({
    where: { id: draft.id },
    data: { content, warnings: draftWarnings(edited) as unknown as Prisma.InputJsonValue },
  });
  return { ok: true, value: await viewDraft(prisma, viewer, slug) };
}

export async function discardDraft(prisma: PrismaClient, viewer: Viewer, slug: string) {
  const draft = await loadDraft(prisma, viewer, slug);
  await prisma.documentDraft.delete({ where: { id: draft.id } });
}

export interface Published {
  slug: string;
  status: "created" | "updated" | "unchanged";
  turns: number;
  orphanedAnnotations: number;
}

/**
 * Publish: the draft becomes (or revises) a Document of its course, in one transaction
 * (storeDocument); annotations of a revised document are placed again and the authors of those
 * that found no place are told.
 */
export async function publishDraft(
  prisma: PrismaClient,
  viewer: Viewer,
  slug: string,
): Promise<Outcome<Published>> {
  const draft = await loadDraft(prisma, viewer, slug);
  const existing = await prisma.document.findUnique({ where: { slug }, select: { id: true } });
  // A new document's slug taken meanwhile (by another course's publication) is never overwritten.
  if (existing && existing.id !== draft.documentId)
    return {
      ok: false,
      code: "conflict",
      error: "Another document was published under this slug; upload the file again.",
    };
  const doc = readContent(draft.content, slug);
  const placedBefore = draft.documentId
    ? await prisma.annotation.findMany({
        where: { documentId: draft.documentId, orphaned: false, scope: "passage", deletedAt: null },
        select: { id: true },
      })
    : [];
  const stored = await storeDocument(prisma, doc, {
    contentHash: createHash("sha256").update(draft.content).digest("hex"),
    courseId: draft.courseId,
  });
  await prisma.documentDraft.delete({ where: { id: draft.id } });
  const lost = placedBefore.length
    ? await prisma.annotation.findMany({
        where: { id: { in: placedBefore.map((row) => row.id) }, orphaned: true },
        select: { id: true, authorId: true },
      })
    : [];
  if (lost.length)
    await prisma.notification.createMany({
      data: lost.map((row) => ({
        userId: row.authorId,
        kind: "orphaned" as const,
        annotationId: row.id,
        actorId: viewer.userId,
      })),
    });
  return {
    ok: true,
    value: { slug, status: stored.status, turns: stored.turns, orphanedAnnotations: lost.length },
  };
}

/** A course's drafts, for its instructors' documents page. */
