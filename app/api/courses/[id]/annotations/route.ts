import { jsonError } from "@/lib/http/respond";
import { withApiViewer } from "@/lib/http/api-viewer";
import { exportFileFormatSchema } from "@/lib/annotations/export/file-name";
import { courseExport } from "@/lib/annotations/export/load";
import { courseExportFile, exportResponse } from "@/lib/annotations/export/respond";
import { publicBaseUrl } from "@/lib/annotations/export/site-url";
import { getReadPrisma } from "@/lib/db/read";

export const dynamic = "force-dynamic";

/**
 * GET /api/courses/<id>/annotations?format=md|csv|jsonld — every note shared in the course, on
 * every document, with its discussion: for the course's instructors (anyone else: 404).
 */
export const GET = withApiViewer<{ id: string }>(async ({ request, viewer, params }) => {
  const format = exportFileFormatSchema.safeParse(
    new URL(request.url).searchParams.get("format") ?? "md",
  );
  if (!format.success) return jsonError(400, format.error.issues[0]!.message);
  const { course, documents } = await courseExport(await getReadPrisma(), viewer, params.id);
  return exportResponse(
    courseExportFile(course, documents, format.data, publicBaseUrl(request.url)),
  );
});
