import { outcomeError } from "@/lib/http/respond";
import { withApiViewer } from "@/lib/http/api-viewer";
import { getPrisma } from "@/lib/db";
import { promoteDocument } from "@/lib/uploads/course-documents";

export const dynamic = "force-dynamic";

/** POST /api/documents/<slug>/promote: a site admin moves a course's document to the public library. */
export const POST = withApiViewer<{ slug: string }>(async ({ viewer, params }) => {
  const outcome = await promoteDocument(getPrisma(), viewer, params.slug);
  if (!outcome.ok) return outcomeError(outcome);
  return Response.json({ promoted: outcome.value });
});
