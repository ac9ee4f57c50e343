import { outcomeError } from "@/lib/http/respond";
import { withApiViewer } from "@/lib/http/api-viewer";
import { getPrisma } from "@/lib/db";
import { publishDraft } from "@/lib/uploads/drafts";

export const dynamic = "force-dynamic";

/** POST /api/documents/<slug>/publish: the draft becomes the course's document (or its revision). */
export const POST = withApiViewer<{ slug: string }>(async ({ viewer, params }) => {
  const outcome = await publishDraft(getPrisma(), viewer, params.slug);
  if (!outcome.ok) return outcomeError(outcome);
  return Response.json({ published: outcome.value });
});
