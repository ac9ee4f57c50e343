import { handle, jsonError } from "@/lib/http/respond";
import { requireApiViewer } from "@/lib/http/api-viewer";
import { exportFileFormatSchema } from "@/lib/annotations/export/file-name";
import { courseExport } from "@/lib/annotations/export/load";
import { courseExportFile, exportResponse } from "@/lib/annotations/export/respond";
import { publicBaseUrl } from "@/lib/annotations/export/site-url";
import { getPrisma } from "@/lib/db";

export const dynamic = "force-dynamic";

/**
 * GET /api/courses/<id>/annotations?format=md|csv|jsonld — every note shared in the course, on
 * every document, with its discussion: for the course's instructors (anyone else: 404).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const viewer = await requireApiViewer(request);
    if (viewer instanceof Response) return viewer;
    const format = exportFileFormatSchema.safeParse(
      new URL(request.url).searchParams.get("format") ?? "md",
    );
    if (!format.success) return jsonError(400, format.error.issues[0]!.message);
    const { course, documents } = await courseExport(getPrisma(), viewer, (await params).id);
    return exportResponse(
      courseExportFile(course, documents, format.data, publicBaseUrl(request.url)),
    );
  });
}
