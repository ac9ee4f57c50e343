import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { canManageCourse, type MaybeViewer, type Viewer } from "@/lib/auth/permissions";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { readableDocumentsWhere } from "@/lib/library/scope";
import type { Outcome } from "@/lib/outcome";
import { fieldErrors } from "@/lib/validations/auth";
import {
  canDeletePassageLink,
  canLinkForEveryone,
  canLinkInCourse,
  canReadPassageLink,
  canReviewPassageLink,
  initialStatus,
  type LinkStatus,
} from "./permissions";
import type { DocumentLink } from "./types";
import { passageLinkSchema, reviewSchema } from "./validation";

// Passage links across documents ("this is the same exchange"): made, confirmed, rejected,
// removed and listed, each step asking permissions.ts. A document or course the viewer may not
// read is reported as not found, never as forbidden.

const NO_DOCUMENT = "No such document.";
const NO_LINK = "No such link.";

/** The viewer's courses and the public library, as a filter on links (see canReadPassageLink). */
function readableLinksWhere(viewer: MaybeViewer): Prisma.PassageLinkWhereInput {
  const documents = readableDocumentsWhere(viewer);
  const courses = viewer?.siteRole === "admin" ? undefined : [...(viewer?.courses.keys() ?? [])];
  return {
    fromDocument: documents,
    toDocument: documents,
    OR: [
      { courseId: null, status: "confirmed" },
      { courseId: courses ? { in: courses } : { not: null } },
    ],
  };
}

const linkInclude = {
  fromDocument: { select: { id: true, slug: true, title: true, courseId: true } },
  toDocument: { select: { id: true, slug: true, title: true, courseId: true } },
  course: { select: { id: true, title: true } },
  createdBy: { select: { name: true } },
} satisfies Prisma.PassageLinkInclude;

type LinkRow = Prisma.PassageLinkGetPayload<{ include: typeof linkInclude }>;

const asRef = (link: LinkRow) => ({
  courseId: link.courseId,
  status: link.status as LinkStatus,
  createdById: link.createdById,
  from: link.fromDocument,
  to: link.toDocument,
});

async function readableLink(prisma: PrismaClient, viewer: MaybeViewer, id: string) {
  const link = await prisma.passageLink.findUnique({ where: { id }, include: linkInclude });
  if (!link || !canReadPassageLink(viewer, asRef(link))) throw new NotFoundError(NO_LINK);
  return link;
}

export async function createPassageLink(
  prisma: PrismaClient,
  viewer: Viewer,
  input: Record<string, unknown>,
): Promise<Outcome<{ id: string; status: LinkStatus }>> {
  const parsed = passageLinkSchema.safeParse(input);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    return { ok: false, error: Object.values(fields)[0] ?? "Check the form.", fields };
  }
  const link = parsed.data;
  if (link.courseId === null && !canLinkForEveryone(viewer))
    throw new ForbiddenError(
      "Only editors and instructors link passages for everyone; choose one of your courses.",
    );
  if (link.courseId !== null && !canLinkInCourse(viewer, link.courseId))
    throw new NotFoundError("No such course.");
  const [from, to] = await Promise.all(
    [link.fromSlug, link.toSlug].map((slug) =>
      prisma.document.findFirst({
        where: { slug, ...readableDocumentsWhere(viewer) },
        select: { id: true, courseId: true },
      }),
    ),
  );
  if (!from || !to) throw new NotFoundError(NO_DOCUMENT);
  // A course's link may only join documents that course's members can read: the public
  // library's and the course's own.
  if (link.courseId !== null && [from, to].some((d) => d.courseId && d.courseId !== link.courseId))
    return {
      ok: false,
      error: "A course's link joins the library's documents or the course's own.",
    };
  const missing = await missingTurn(prisma, [
    [from.id, link.fromFirst, link.fromLast, "fromLast"],
    [to.id, link.toFirst, link.toLast, "toLast"],
  ]);
  if (missing)
    return { ok: false, error: missing.message, fields: { [missing.field]: missing.message } };
  const created = await prisma.passageLink.create({
    data: {
      fromDocumentId: from.id,
      fromFirst: link.fromFirst,
      fromLast: link.fromLast,
      toDocumentId: to.id,
      toFirst: link.toFirst,
      toLast: link.toLast,
      note: link.note,
      courseId: link.courseId,
      status: initialStatus(viewer, link.courseId),
      createdById: viewer.userId,
    },
  });
  return { ok: true, value: { id: created.id, status: created.status } };
}

/** The first passage whose first or last turn the document does not have. */
async function missingTurn(
  prisma: PrismaClient,
  passages: [documentId: string, first: number, last: number, field: string][],
) {
  for (const [documentId, first, last, field] of passages) {
    const found = await prisma.turn.count({
      where: { documentId, anchor: { in: [first, last] } },
    });
    if (found < (first === last ? 1 : 2))
      return {
        field,
        message: `That document has no turn ${first === last ? first : `${first} or ${last}`}.`,
      };
  }
  return null;
}

export async function reviewPassageLink(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  decision: unknown,
): Promise<Outcome<{ status: LinkStatus }>> {
  const parsed = reviewSchema.safeParse(decision);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]!.message };
  const link = await readableLink(prisma, viewer, id);
  if (!canReviewPassageLink(viewer, asRef(link)))
    throw new ForbiddenError("Only the course's instructors confirm or reject proposed links.");
  await prisma.passageLink.update({
    where: { id },
    data: { status: parsed.data, reviewedById: viewer.userId, reviewedAt: new Date() },
  });
  return { ok: true, value: { status: parsed.data } };
}

export async function deletePassageLink(prisma: PrismaClient, viewer: Viewer, id: string) {
  const link = await readableLink(prisma, viewer, id);
  if (!canDeletePassageLink(viewer, asRef(link)))
    throw new ForbiddenError("Only its author or the course's instructors remove a link.");
  await prisma.passageLink.delete({ where: { id } });
}

/** Turns shown of a counterpart passage in the reader's panel (the rest is a link away). */
const SHOWN_TURNS = 30;

/** The links of a document the viewer may see, in the order of this document's turns. */
export async function linksOfDocument(
  prisma: PrismaClient,
  viewer: MaybeViewer,
  documentId: string,
): Promise<DocumentLink[]> {
  const rows = await prisma.passageLink.findMany({
    where: {
      AND: [
        { OR: [{ fromDocumentId: documentId }, { toDocumentId: documentId }] },
        readableLinksWhere(viewer),
      ],
    },
    include: linkInclude,
    orderBy: { createdAt: "asc" },
    take: 500,
  });
  const links: DocumentLink[] = [];
  for (const row of rows) {
    const ref = asRef(row);
    // The SQL filter and the rule must agree; the rule has the last word.
    if (!canReadPassageLink(viewer, ref)) continue;
    const forward = row.fromDocumentId === documentId;
    const other = forward ? row.toDocument : row.fromDocument;
    const [first, last] = forward ? [row.toFirst, row.toLast] : [row.fromFirst, row.fromLast];
    const turns = await prisma.turn.findMany({
      where: { documentId: other.id, anchor: { gte: first, lte: last } },
      orderBy: { position: "asc" },
      take: SHOWN_TURNS,
      select: { anchor: true, text: true, speaker: { select: { name: true } } },
    });
    links.push({
      id: row.id,
      here: forward
        ? { first: row.fromFirst, last: row.fromLast }
        : { first: row.toFirst, last: row.toLast },
      other: {
        slug: other.slug,
        title: other.title,
        first,
        last,
        turns: turns.map((turn) => ({
          anchor: turn.anchor,
          speaker: turn.speaker?.name ?? null,
          text: turn.text,
        })),
      },
      note: row.note,
      status: ref.status,
      course: row.course,
      author: row.createdBy.name,
      canReview: ref.status === "proposed" && canReviewPassageLink(viewer, ref),
      canDelete: viewer !== null && canDeletePassageLink(viewer, ref),
    });
  }
  return links.sort((a, b) => a.here.first - b.here.first);
}

/** Where the viewer may make links: everyone (editors, instructors) and their courses. */
export async function linkTargets(prisma: PrismaClient, viewer: MaybeViewer) {
  if (!viewer) return null;
  const courseIds = [...viewer.courses.keys()];
  const courses = await prisma.course.findMany({
    where: { id: { in: courseIds } },
    select: { id: true, title: true },
    orderBy: { title: "asc" },
  });
  const everyone = canLinkForEveryone(viewer);
  if (!everyone && courses.length === 0) return null;
  return {
    everyone,
    courses: courses.map((course) => ({
      ...course,
      proposes: !canManageCourse(viewer, course),
    })),
  };
}

/** The documents the viewer may read, for the picker of the other record. */
export function linkableDocuments(prisma: PrismaClient, viewer: MaybeViewer) {
  return prisma.document.findMany({
    where: readableDocumentsWhere(viewer),
    select: { slug: true, title: true, date: true },
    orderBy: [{ sortDate: "asc" }, { title: "asc" }],
    take: 1000,
  });
}

/** A readable document's turns, each with its speaker and opening words, for the picker. */
export async function linkableTurns(prisma: PrismaClient, viewer: MaybeViewer, slug: string) {
  const document = await prisma.document.findFirst({
    where: { slug, ...readableDocumentsWhere(viewer) },
    select: { id: true },
  });
  if (!document) throw new NotFoundError(NO_DOCUMENT);
  const turns = await prisma.turn.findMany({
    where: { documentId: document.id, kind: { notIn: ["header"] } },
    orderBy: { position: "asc" },
    select: { anchor: true, text: true, speaker: { select: { name: true } } },
    take: 5000,
  });
  return turns.map((turn) => ({
    anchor: turn.anchor,
    speaker: turn.speaker?.name ?? null,
    opening: turn.text.length > 140 ? `${turn.text.slice(0, 139)}…` : turn.text,
  }));
}
