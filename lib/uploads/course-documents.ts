import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  canAddDocument,
  canReadDocument,
  type MaybeViewer,
  type Viewer,
} from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import type { Outcome } from "@/lib/outcome";

import { NOT_FOUND } from "./drafts";

// A course's own documents and drafts, and promoting one to the public library.

export async function listDrafts(prisma: PrismaClient, viewer: Viewer, courseId: string | null) {
  if (!canAddDocument(viewer, { courseId })) return [];
  return prisma.documentDraft.findMany({
    where: { courseId },
    orderBy: { updatedAt: "desc" },
    select: { slug: true, sourceName: true, updatedAt: true, documentId: true, content: true },
  });
}

/** A course's published documents, for its members (the course page) and its instructors. */
export async function courseDocuments(prisma: PrismaClient, viewer: MaybeViewer, courseId: string) {
  if (!canReadDocument(viewer, { courseId })) return [];
  return prisma.document.findMany({
    where: { courseId },
    orderBy: [{ sortDate: { sort: "asc", nulls: "last" } }, { title: "asc" }],
    select: { slug: true, title: true, date: true, _count: { select: { turns: true } } },
  });
}

/** The titles of a course's drafts (null: the public library's), read from their content files. */
export async function courseDrafts(prisma: PrismaClient, viewer: Viewer, courseId: string | null) {
  const drafts = await listDrafts(prisma, viewer, courseId);
  return drafts.map(({ content, ...draft }) => {
    const title = /^title: (.*)$/m.exec(content)?.[1] ?? draft.slug;
    return { ...draft, title: title.replace(/^(["'])(.*)\1$/, "$2") };
  });
}

/**
 * A site admin moves a course's document into the public library (its annotations keep their
 * audiences: a note shared with the course stays with the course).
 */
export async function promoteDocument(
  prisma: PrismaClient,
  viewer: Viewer,
  slug: string,
): Promise<Outcome<{ slug: string }>> {
  const document = await prisma.document.findUnique({
    where: { slug },
    select: { id: true, courseId: true },
  });
  if (!document || !canReadDocument(viewer, document)) throw new NotFoundError(NOT_FOUND);
  if (!canAddDocument(viewer, { courseId: null })) throw new NotFoundError(NOT_FOUND);
  if (document.courseId === null)
    return { ok: false, error: "This document is already in the public library." };
  await prisma.document.update({ where: { id: document.id }, data: { courseId: null } });
  return { ok: true, value: { slug } };
}
