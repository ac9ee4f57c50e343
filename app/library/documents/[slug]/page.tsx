import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DraftReview } from "@/components/uploads/DraftReview";
import { canAddDocument } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { speakerColour } from "@/lib/library/speaker-colours";
import { requirePageViewer } from "@/lib/http/page";
import { viewDraft } from "@/lib/uploads/drafts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Review a document" };

/** The review screen for a draft of the public library (site admins). */
export default async function ReviewLibraryDraftPage({
  params,
}: {
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  const viewer = await requirePageViewer(`/library/documents/${slug}`);
  if (!canAddDocument(viewer, { courseId: null })) notFound();
  let draft;
  try {
    draft = await viewDraft(getPrisma(), viewer, slug);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  // A course's draft is reviewed on its course's page, not here.
  if (draft.courseId !== null) notFound();
  const colours = Object.fromEntries(
    draft.document.participants.map((participant, index) => [participant.id, speakerColour(index)]),
  );
  return (
    <div className="uploads">
      <p className="eyebrow">
        <Link href="/library/documents">Public library · add documents</Link>
      </p>
      <DraftReview
        initial={draft}
        backHref="/library/documents"
        destination="the public library"
        colours={colours}
      />
    </div>
  );
}
