import { outcomeError, readJson } from "@/lib/http/respond";
import { withApiViewer } from "@/lib/http/api-viewer";
import { toApiJson, toRecord } from "@/lib/annotations/records";
import { deleteAnnotation, getAnnotation, updateAnnotation } from "@/lib/annotations/service";
import { getPrisma } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = withApiViewer<{ id: string }>(async ({ viewer, params }) => {
  const row = await getAnnotation(getPrisma(), viewer, params.id);
  return Response.json(toApiJson(toRecord(row, row.document)));
});

/** PATCH with { version, body, tags, visibility, courseId, groupId }: 409 when the version is stale. */
export const PATCH = withApiViewer<{ id: string }>(async ({ request, viewer, params }) => {
  const { id } = params;
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const outcome = await updateAnnotation(getPrisma(), viewer, id, body.value);
  if (!outcome.ok) return outcomeError(outcome);
  const row = await getAnnotation(getPrisma(), viewer, id);
  return Response.json(toApiJson(toRecord(row, row.document)));
});

export const DELETE = withApiViewer<{ id: string }>(async ({ viewer, params }) => {
  await deleteAnnotation(getPrisma(), viewer, params.id);
  return new Response(null, { status: 204 });
});
