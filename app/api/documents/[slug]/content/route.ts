import { withApiViewer } from "@/lib/http/api-viewer";
import { getPrisma } from "@/lib/db";
import { viewDraft } from "@/lib/uploads/drafts";

export const dynamic = "force-dynamic";

/**
 * GET /api/documents/<slug>/content: the draft as a content file (content/README.md), to keep a
 * corrected reading in version control and load it elsewhere with `npm run import`.
 */
export const GET = withApiViewer<{ slug: string }>(async ({ viewer, params }) => {
  const draft = await viewDraft(getPrisma(), viewer, params.slug);
  return new Response(draft.content, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${draft.slug}.md"`,
      "Cache-Control": "private, no-store",
    },
  });
});
