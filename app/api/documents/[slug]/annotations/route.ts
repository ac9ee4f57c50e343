import { jsonError, jsonWithRows, outcomeError, readJson } from "@/lib/http/respond";
import { importW3C } from "@/lib/annotations/import";
import { withApiViewer } from "@/lib/http/api-viewer";
import { documentExport } from "@/lib/annotations/export/load";
import { documentExportFile, exportResponse } from "@/lib/annotations/export/respond";
import { publicBaseUrl } from "@/lib/annotations/export/site-url";
import { listDocumentAnnotationsJson } from "@/lib/annotations/service";
import { getPrisma } from "@/lib/db";
import { getReadPrisma } from "@/lib/db/read";
import { documentBySlug } from "@/lib/library/lookup";
import { BODY_SIZE_LIMITS } from "@/lib/limits";
import { exportFormatSchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

/** GET /api/documents/<slug>/annotations?format=json|jsonld|csv|md — the ones the caller may read. */
export const GET = withApiViewer<{ slug: string }>(async ({ request, viewer, params }) => {
  const url = new URL(request.url);
  const format = exportFormatSchema.safeParse(url.searchParams.get("format") ?? "json");
  if (!format.success) return jsonError(400, format.error.issues[0]!.message);

  const { slug } = params;
  // The replica when there is one and this caller has not just written (lib/db/read.ts).
  const prisma = await getReadPrisma();
  const document = await documentBySlug(prisma, slug, viewer);
  if (!document) return jsonError(404, "No document has that slug.");
  if (format.data === "json") {
    // Each row arrives as JSON text from PostgreSQL (see listDocumentAnnotationsJson).
    const rows = await listDocumentAnnotationsJson(prisma, viewer, document);
    return jsonWithRows({ document: document.slug, total: rows.length }, rows);
  }
  // The notes with their discussions, speakers and citation, as a file named for what it holds.
  const exported = await documentExport(prisma, viewer, document.slug);
  if (!exported) return jsonError(404, "No document has that slug.");
  return exportResponse(documentExportFile(exported, format.data, publicBaseUrl(request.url)));
});

/** POST W3C Web Annotation JSON-LD: imported as the caller's private notes on this document. */
export const POST = withApiViewer<{ slug: string }>(async ({ request, viewer, params }) => {
  const body = await readJson(request, BODY_SIZE_LIMITS.importBytes);
  if (!body.ok) return body.response;
  const outcome = await importW3C(getPrisma(), viewer, params.slug, body.value);
  if (!outcome.ok)
    return outcome.code
      ? outcomeError(outcome)
      : jsonError(/No document/.test(outcome.error) ? 404 : 422, outcome.error);
  return Response.json(outcome.value, { status: 201 });
});
