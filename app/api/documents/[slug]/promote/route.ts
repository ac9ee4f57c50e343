import { handle, outcomeError } from "@/lib/http/respond";
import { requireApiViewer } from "@/lib/http/api-viewer";
import { getPrisma } from "@/lib/db";
import { promoteDocument } from "@/lib/uploads/course-documents";

export const dynamic = "force-dynamic";

/** POST /api/documents/<slug>/promote: a site admin moves a course's document to the public library. */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handle(async () => {
    const viewer = await requireApiViewer(request);
    if (viewer instanceof Response) return viewer;
    const outcome = await promoteDocument(getPrisma(), viewer, (await params).slug);
    if (!outcome.ok) return outcomeError(outcome);
    return Response.json({ promoted: outcome.value });
  });
}
