import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { canManageCourse, type Viewer } from "@/lib/auth/permissions";
import { rawRows } from "@/lib/db/raw";
import { NotFoundError } from "@/lib/errors";
import { toRecord } from "../records";
import { listDocumentAnnotations } from "../service";
import type { AnnotationRecord, ExportDocumentInfo, ReplyRecord, TurnSpeaker } from "../types";

// What an export holds, read with the same checks as the reader: the notes the viewer may read
// (listDocumentAnnotations: the permission filter, each row checked again, the "post first"
// gate), each with its whole discussion (a reply is readable exactly when its note is), the
// speaker of every annotated turn, and the document's citation.

export interface ExportedDocument extends ExportDocumentInfo {
  records: AnnotationRecord[];
}

type DocumentInfoRow = ExportDocumentInfo & { id: string };

async function documentInfo(prisma: PrismaClient, where: Prisma.Sql): Promise<DocumentInfoRow[]> {
  return rawRows<DocumentInfoRow>(
    prisma,
    Prisma.sql`SELECT "id", "slug", "title", "citation", "archive" FROM "Document" WHERE ${where}
      ORDER BY "sortDate" ASC NULLS LAST, "title" ASC`,
  );
}

/** The replies of notes already found readable, oldest first, with their words unless deleted. */
async function repliesOf(prisma: PrismaClient, annotationIds: readonly string[]) {
  const byNote = new Map<string, ReplyRecord[]>();
  if (annotationIds.length === 0) return byNote;
  const rows = await rawRows<{
    id: string;
    annotationId: string;
    parentId: string | null;
    body: unknown;
    bodyHtml: string;
    bodyText: string;
    deletedAt: Date | null;
    endorsedAt: Date | null;
    createdAt: Date;
    authorId: string;
    authorName: string | null;
  }>(
    prisma,
    Prisma.sql`
    SELECT r."id", r."annotationId", r."parentId", r."body", r."bodyHtml", r."bodyText",
      r."deletedAt", r."endorsedAt", r."createdAt", u."id" AS "authorId", u."name" AS "authorName"
    FROM "Reply" r JOIN "User" u ON u."id" = r."authorId"
    WHERE r."annotationId" = ANY(${[...annotationIds]}::text[])
    ORDER BY r."createdAt" ASC, r."id" ASC`,
  );
  for (const row of rows) {
    const deleted = row.deletedAt !== null;
    const reply: ReplyRecord = {
      id: row.id,
      parentId: row.parentId,
      author: { id: row.authorId, name: row.authorName },
      // A deleted reply's words are gone for everyone, as in the reader.
      body: deleted ? null : row.body,
      bodyHtml: deleted ? "" : row.bodyHtml,
      bodyText: deleted ? "" : row.bodyText,
      deleted,
      endorsed: row.endorsedAt !== null,
      createdAt: row.createdAt,
    };
    byNote.set(row.annotationId, [...(byNote.get(row.annotationId) ?? []), reply]);
  }
  return byNote;
}

/** Each annotated turn's speaker (full name), by turn anchor. */
async function speakersOf(prisma: PrismaClient, documentId: string, anchors: readonly number[]) {
  const speakers = new Map<number, string | null>();
  if (anchors.length === 0) return speakers;
  const rows = await rawRows<{ anchor: number; name: string | null }>(
    prisma,
    Prisma.sql`
    SELECT t."anchor", p."name" FROM "Turn" t LEFT JOIN "Participant" p ON p."id" = t."speakerId"
    WHERE t."documentId" = ${documentId} AND t."anchor" = ANY(${[...new Set(anchors)]}::int[])`,
  );
  for (const row of rows) speakers.set(row.anchor, row.name);
  return speakers;
}

/** The readable notes of one document, whole: replies, speakers. `keep` narrows them (a course). */
async function documentRecords(
  prisma: PrismaClient,
  viewer: Viewer,
  document: DocumentInfoRow,
  keep: (record: AnnotationRecord) => boolean = () => true,
): Promise<ExportedDocument> {
  const rows = await listDocumentAnnotations(prisma, viewer, document.id);
  const records = rows.map((row) => toRecord(row, document)).filter(keep);
  const anchors = records.flatMap((record) =>
    record.orphaned ? [] : record.selector.positions.map((position) => position.turnAnchor),
  );
  const [replies, speakers] = await Promise.all([
    repliesOf(
      prisma,
      records.map((record) => record.id),
    ),
    speakersOf(prisma, document.id, anchors),
  ]);
  for (const record of records) {
    record.replies = replies.get(record.id) ?? [];
    record.speakers = record.orphaned
      ? []
      : record.selector.positions.map((position): TurnSpeaker => ({
          turnAnchor: position.turnAnchor,
          speaker: speakers.get(position.turnAnchor) ?? null,
        }));
  }
  const { slug, title, citation, archive } = document;
  return { slug, title, citation, archive, records };
}

/** A document's export for this viewer, or null when no document has that slug. */
export async function documentExport(
  prisma: PrismaClient,
  viewer: Viewer,
  slug: string,
): Promise<ExportedDocument | null> {
  const [document] = await documentInfo(prisma, Prisma.sql`"slug" = ${slug}`);
  return document ? documentRecords(prisma, viewer, document) : null;
}

/**
 * Every note shared in a course (with the course or one of its groups, as the instructors read
 * them; private notes stay private), grouped by document in date order, for its instructors.
 * Anyone else is told the course does not exist, as everywhere else.
 */
export async function courseExport(
  prisma: PrismaClient,
  viewer: Viewer,
  courseId: string,
): Promise<{ course: { id: string; title: string }; documents: ExportedDocument[] }> {
  if (!canManageCourse(viewer, { id: courseId })) throw new NotFoundError("Course not found.");
  const course = await prisma.course.findUnique({
    where: { id: courseId },
    select: { id: true, title: true },
  });
  if (!course) throw new NotFoundError("Course not found.");
  const documents = await documentInfo(
    prisma,
    Prisma.sql`"id" IN (SELECT DISTINCT "documentId" FROM "Annotation"
      WHERE "courseId" = ${courseId} AND "deletedAt" IS NULL)`,
  );
  const exported: ExportedDocument[] = [];
  for (const document of documents) {
    const part = await documentRecords(
      prisma,
      viewer,
      document,
      (record) => record.course?.id === courseId,
    );
    if (part.records.length > 0) exported.push(part);
  }
  return { course, documents: exported };
}
