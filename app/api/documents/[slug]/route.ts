import { handle, jsonError, outcomeError, readJson } from "@/lib/http/respond";
import { requireApiViewer } from "@/lib/http/api-viewer";
import { getPrisma } from "@/lib/db";
import { discardDraft, editDraft, viewDraft } from "@/lib/uploads/drafts";
import { draftEditsSchema } from "@/lib/uploads/edits";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };

/** GET /api/documents/<slug>: the draft under review (its reviewers only). */
export async function GET(request: Request, { params }: Params) {
  return handle(async () => {
    const viewer = await requireApiViewer(request);
    if (viewer instanceof Response) return viewer;
    const draft = await viewDraft(getPrisma(), viewer, (await params).slug);
    return Response.json({ draft }, { headers: { "Cache-Control": "private, no-store" } });
  });
}

/** PATCH /api/documents/<slug> { edits: [...] }: correct the draft; answers it as it now is. */
export async function PATCH(request: Request, { params }: Params) {
  return handle(async () => {
    const viewer = await requireApiViewer(request);
    if (viewer instanceof Response) return viewer;
    const { slug } = await params;
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
}

/** DELETE /api/documents/<slug>: discard the draft (a published document is not touched). */
export async function DELETE(request: Request, { params }: Params) {
  return handle(async () => {
    const viewer = await requireApiViewer(request);
    if (viewer instanceof Response) return viewer;
    await discardDraft(getPrisma(), viewer, (await params).slug);
    return new Response(null, { status: 204 });
  });
}
