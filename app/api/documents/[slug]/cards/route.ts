import { jsonError } from "@/lib/http/respond";
import { withApiViewer } from "@/lib/http/api-viewer";
import { loadPanelCards } from "@/lib/reader/panel";
import { getReadPrisma } from "@/lib/db/read";
import { cardIdsSchema } from "@/lib/validations/api";

import type { CardsAnswer } from "@/lib/reader/types";

export const dynamic = "force-dynamic";

/**
 * GET /api/documents/<slug>/cards?ids=<id>,<id>: the reader panel's cards (note, discussion,
 * votes, what the caller may do) for the notes it shows. Notes the caller may not read are left
 * out, exactly as if they did not exist.
 */
export const GET = withApiViewer<{ slug: string }>(async ({ request, viewer, params }) => {
  const ids = cardIdsSchema.safeParse(new URL(request.url).searchParams.get("ids") ?? "");
  if (!ids.success) return jsonError(400, ids.error.issues[0]!.message);
  const cards = await loadPanelCards(await getReadPrisma(), viewer, params.slug, ids.data);
  if (!cards) return jsonError(404, "No document has that slug.");
  return Response.json({ cards } satisfies CardsAnswer, {
    headers: { "Cache-Control": "private, no-store" },
  });
});
