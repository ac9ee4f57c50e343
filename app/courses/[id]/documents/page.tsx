import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PromoteButton } from "@/components/uploads/PromoteButton";
import { UploadForm } from "@/components/uploads/UploadForm";
import { canAddDocument } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db";
import { UPLOAD_LIMITS } from "@/lib/importer/sources";
import { formatIsoDate } from "@/lib/library/dates";
import { requirePageViewer } from "@/lib/http/page";
import { courseDocuments, courseDrafts } from "@/lib/uploads/course-documents";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Course documents" };

type Params = Promise<{ id: string }>;

/** A course's documents for its instructors: bring a new one, review drafts, revise. */
export default async function CourseDocumentsPage({ params }: { params: Params }) {
  const { id } = await params;
  const viewer = await requirePageViewer(`/courses/${id}/documents`);
  const prisma = getPrisma();
  const course = await prisma.course.findUnique({
    where: { id },
    select: { id: true, title: true },
  });
  if (!course || !canAddDocument(viewer, { courseId: course.id })) notFound();
  const admin = canAddDocument(viewer, { courseId: null });
  const [documents, drafts] = await Promise.all([
    courseDocuments(prisma, viewer, course.id),
    courseDrafts(prisma, viewer, course.id),
  ]);
  return (
    <div className="uploads">
      <p className="eyebrow">
        <Link href={`/courses/${course.id}`}>{course.title}</Link>
      </p>
      <h1>Course documents</h1>
      <p>
        Documents you add here are read by this course only. Nothing is shown to students until you
        review the reading and publish it.
      </p>

      <section aria-labelledby="add-heading" className="panel">
        <h2 id="add-heading">Add a document</h2>
        <UploadForm
          courseId={course.id}
          reviewBase={`/courses/${course.id}/documents`}
          limitMb={UPLOAD_LIMITS.fileBytes / 1024 / 1024}
        />
      </section>

      <section aria-labelledby="drafts-heading">
        <h2 id="drafts-heading">Drafts to review ({drafts.length})</h2>
        {drafts.length === 0 ? (
          <p>No drafts.</p>
        ) : (
          <ul className="upload-list">
            {drafts.map((draft) => (
              <li key={draft.slug}>
                <Link href={`/courses/${course.id}/documents/${draft.slug}`}>{draft.title}</Link>{" "}
                <span className="meta">
                  {draft.documentId ? "revision · " : ""}from {draft.sourceName} · saved{" "}
                  {draft.updatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="published-heading">
        <h2 id="published-heading">Published ({documents.length})</h2>
        {documents.length === 0 ? (
          <p>None yet.</p>
        ) : (
          <ul className="upload-list">
            {documents.map((document) => (
              <li key={document.slug}>
                <Link href={`/documents/${document.slug}`}>{document.title}</Link>{" "}
                <span className="meta">
                  {document.date ? `${formatIsoDate(document.date)} · ` : ""}
                  {document._count.turns} turns
                </span>
                <details className="upload-revise">
                  <summary>Upload a corrected version</summary>
                  <UploadForm
                    courseId={course.id}
                    reviewBase={`/courses/${course.id}/documents`}
                    revises={document.slug}
                    limitMb={UPLOAD_LIMITS.fileBytes / 1024 / 1024}
                  />
                </details>
                {admin && <PromoteButton slug={document.slug} />}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
