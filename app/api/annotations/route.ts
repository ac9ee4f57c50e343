import { jsonError, jsonWithRows, outcomeError, readJson } from "@/lib/http/respond";
import { withApiViewer } from "@/lib/http/api-viewer";
import { toApiJson, toRecord } from "@/lib/annotations/records";
import { createAnnotation, searchAnnotationsJson } from "@/lib/annotations/service";
import { getPrisma } from "@/lib/db";
import { getReadPrisma } from "@/lib/db/read";
import { annotationSearchSchema, searchParamsObject } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

/** GET /api/annotations?document=&turn=&author=&tag=&course=&text=&limit=&offset=&count=exact */
export const GET = withApiViewer(async ({ request, viewer }) => {
  const parsed = annotationSearchSchema.safeParse(searchParamsObject(new URL(request.url)));
  if (!parsed.success) return jsonError(400, parsed.error.issues[0]!.message);
  const { total, hasMore, rows } = await searchAnnotationsJson(
    await getReadPrisma(),
    viewer,
    parsed.data,
  );
  // Each row arrives as JSON text from PostgreSQL (see searchAnnotationsJson).
  return jsonWithRows(
    {
      ...(total === undefined ? {} : { total }),
      limit: parsed.data.limit,
      offset: parsed.data.offset,
      hasMore,
    },
    rows,
  );
});

/** POST /api/annotations { documentSlug, selection, body, tags, visibility, courseId, groupId } */
export const POST = withApiViewer(async ({ request, viewer }) => {
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const outcome = await createAnnotation(getPrisma(), viewer, body.value);
  if (!outcome.ok) return outcomeError(outcome);
  const { row } = outcome.value;
  return Response.json(toApiJson(toRecord(row, row.document)), { status: 201 });
});
