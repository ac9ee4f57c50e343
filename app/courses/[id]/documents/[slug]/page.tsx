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

type Params = Promise<{ id: string; slug: string }>;

/** The review screen: the importer's reading turn by turn, corrected, then published. */
export default async function ReviewDraftPage({ params }: { params: Params }) {
  const { id, slug } = await params;
  const viewer = await requirePageViewer(`/courses/${id}/documents/${slug}`);
  const prisma = getPrisma();
  const course = await prisma.course.findUnique({
    where: { id },
    select: { id: true, title: true },
  });
  if (!course || !canAddDocument(viewer, { courseId: course.id })) notFound();
  let draft;
  try {
    draft = await viewDraft(prisma, viewer, slug);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  // A draft of another course, reached through this course's address, does not exist here.
  if (draft.courseId !== course.id) notFound();
  const colours = Object.fromEntries(
    draft.document.participants.map((participant, index) => [participant.id, speakerColour(index)]),
  );
  return (
    <div className="uploads">
      <p className="eyebrow">
        <Link href={`/courses/${course.id}/documents`}>{course.title} · course documents</Link>
      </p>
      <DraftReview
        initial={draft}
        backHref={`/courses/${course.id}/documents`}
        destination={course.title}
        colours={colours}
      />
    </div>
  );
}
