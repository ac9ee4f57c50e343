import { jsonError } from "@/lib/http/respond";
import { withApiViewer } from "@/lib/http/api-viewer";
import { loadPanelIndex } from "@/lib/reader/panel";
import { getReadPrisma } from "@/lib/db/read";

import type { IndexAnswer } from "@/lib/reader/types";

export const dynamic = "force-dynamic";

/**
 * GET /api/documents/<slug>/index: every note the caller may read on the document, as the reader
 * page's panel index (place, author, tags, audience; no words), and the highlights per turn.
 * The reader asks again when a classmate's change is announced live.
 */
export const GET = withApiViewer<{ slug: string }>(async ({ viewer, params }) => {
  const answer = await loadPanelIndex(await getReadPrisma(), viewer, params.slug);
  if (!answer) return jsonError(404, "No document has that slug.");
  return Response.json(answer satisfies IndexAnswer, {
    headers: { "Cache-Control": "private, no-store" },
  });
});
