import { handle, outcomeError, readJson } from "@/lib/http/respond";
import { requireApiViewer } from "@/lib/http/api-viewer";
import { toApiJson, toRecord } from "@/lib/annotations/records";
import { deleteAnnotation, getAnnotation, updateAnnotation } from "@/lib/annotations/service";
import { getPrisma } from "@/lib/db";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Context) {
  return handle(async () => {
    const viewer = await requireApiViewer(request);
    if (viewer instanceof Response) return viewer;
    const row = await getAnnotation(getPrisma(), viewer, (await params).id);
    return Response.json(toApiJson(toRecord(row, row.document)));
  });
}

/** PATCH with { version, body, tags, visibility, courseId, groupId }: 409 when the version is stale. */
export async function PATCH(request: Request, { params }: Context) {
  return handle(async () => {
    const viewer = await requireApiViewer(request);
    if (viewer instanceof Response) return viewer;
    const { id } = await params;
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const outcome = await updateAnnotation(getPrisma(), viewer, id, body.value);
    if (!outcome.ok) return outcomeError(outcome);
    const row = await getAnnotation(getPrisma(), viewer, id);
    return Response.json(toApiJson(toRecord(row, row.document)));
  });
}

export async function DELETE(request: Request, { params }: Context) {
  return handle(async () => {
    const viewer = await requireApiViewer(request);
    if (viewer instanceof Response) return viewer;
    await deleteAnnotation(getPrisma(), viewer, (await params).id);
    return new Response(null, { status: 204 });
  });
}
