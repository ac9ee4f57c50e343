import { handle, jsonError } from "@/lib/http/respond";
import { requireApiViewer } from "@/lib/http/api-viewer";
import { loadPanelIndex } from "@/lib/reader/panel";
import { getPrisma } from "@/lib/db";

export const dynamic = "force-dynamic";

/**
 * GET /api/documents/<slug>/index: every note the caller may read on the document, as the reader
 * page's panel index (place, author, tags, audience; no words), and the highlights per turn.
 * The reader asks again when a classmate's change is announced live.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handle(async () => {
    const viewer = await requireApiViewer(request);
    if (viewer instanceof Response) return viewer;
    const answer = await loadPanelIndex(getPrisma(), viewer, (await params).slug);
    if (!answer) return jsonError(404, "No document has that slug.");
    return Response.json(answer, { headers: { "Cache-Control": "private, no-store" } });
  });
}
