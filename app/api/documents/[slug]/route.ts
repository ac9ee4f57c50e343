import { jsonError, outcomeError, readJson } from "@/lib/http/respond";
import { withApiViewer } from "@/lib/http/api-viewer";
import { getPrisma } from "@/lib/db";
import { discardDraft, editDraft, viewDraft } from "@/lib/uploads/drafts";
import { draftEditsSchema } from "@/lib/uploads/edits";

export const dynamic = "force-dynamic";

/** GET /api/documents/<slug>: the draft under review (its reviewers only). */
export const GET = withApiViewer<{ slug: string }>(async ({ viewer, params }) => {
  const draft = await viewDraft(getPrisma(), viewer, params.slug);
  return Response.json({ draft }, { headers: { "Cache-Control": "private, no-store" } });
});

/** PATCH /api/documents/<slug> { edits: [...] }: correct the draft; answers it as it now is. */
export const PATCH = withApiViewer<{ slug: string }>(async ({ request, viewer, params }) => {
  const { slug } = params;
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const parsed = draftEditsSchema.safeParse(body.value);
  // Whoever may not review the draft learns nothing from the shape of their request.
  await viewDraft(getPrisma(), viewer, slug);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return jsonError(400, `${issue.path.join(".") || "body"}: ${issue.message}`);
  }
  const outcome = await editDraft(getPrisma(), viewer, slug, parsed.data.edits);
  if (!outcome.ok) return outcomeError(outcome);
  return Response.json({ draft: outcome.value });
});

/** DELETE /api/documents/<slug>: discard the draft (a published document is not touched). */
export const DELETE = withApiViewer<{ slug: string }>(async ({ viewer, params }) => {
  await discardDraft(getPrisma(), viewer, params.slug);
  return new Response(null, { status: 204 });
});
