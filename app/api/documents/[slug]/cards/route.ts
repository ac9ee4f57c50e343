import { handle, jsonError } from "@/lib/http/respond";
import { requireApiViewer } from "@/lib/http/api-viewer";
import { loadPanelCards } from "@/lib/reader/panel";
import { getPrisma } from "@/lib/db";
import { cardIdsSchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

/**
 * GET /api/documents/<slug>/cards?ids=<id>,<id>: the reader panel's cards (note, discussion,
 * votes, what the caller may do) for the notes it shows. Notes the caller may not read are left
 * out, exactly as if they did not exist.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handle(async () => {
    const viewer = await requireApiViewer(request);
    if (viewer instanceof Response) return viewer;
    const ids = cardIdsSchema.safeParse(new URL(request.url).searchParams.get("ids") ?? "");
    if (!ids.success) return jsonError(400, ids.error.issues[0]!.message);
    const cards = await loadPanelCards(getPrisma(), viewer, (await params).slug, ids.data);
    if (!cards) return jsonError(404, "No document has that slug.");
    return Response.json({ cards }, { headers: { "Cache-Control": "private, no-store" } });
  });
}
