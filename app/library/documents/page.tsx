import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { UploadForm } from "@/components/uploads/UploadForm";
import { canAddDocument } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db";
import { UPLOAD_LIMITS } from "@/lib/importer/sources";
import { requirePageViewer } from "@/lib/http/page";
import { courseDrafts } from "@/lib/uploads/course-documents";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Add to the public library" };

/** Site admins bring documents into the public library (everyone reads them once published). */
export default async function LibraryDocumentsPage() {
  const viewer = await requirePageViewer("/library/documents");
  if (!canAddDocument(viewer, { courseId: null })) notFound();
  const drafts = await courseDrafts(getPrisma(), viewer, null);
  return (
    <div className="uploads">
      <h1>Add to the public library</h1>
      <p>
        Documents published here are read by everyone, signed in or not. To add a document to one
        course only, use that course’s documents page.
      </p>
      <section aria-labelledby="add-heading" className="panel">
        <h2 id="add-heading">Add a document</h2>
        <UploadForm
          courseId={null}
          reviewBase="/library/documents"
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
                <Link href={`/library/documents/${draft.slug}`}>{draft.title}</Link>{" "}
                <span className="meta">from {draft.sourceName}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
