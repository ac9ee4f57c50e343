import { handle, outcomeError } from "@/lib/http/respond";
import { requireApiViewer } from "@/lib/http/api-viewer";
import { getPrisma } from "@/lib/db";
import { publishDraft } from "@/lib/uploads/drafts";

export const dynamic = "force-dynamic";

/** POST /api/documents/<slug>/publish: the draft becomes the course's document (or its revision). */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handle(async () => {
    const viewer = await requireApiViewer(request);
    if (viewer instanceof Response) return viewer;
    const outcome = await publishDraft(getPrisma(), viewer, (await params).slug);
    if (!outcome.ok) return outcomeError(outcome);
    return Response.json({ published: outcome.value });
  });
}
