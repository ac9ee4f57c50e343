import { handle, jsonError, outcomeError, readJson } from "@/lib/http/respond";
import { importW3C } from "@/lib/annotations/import";
import { requireApiViewer } from "@/lib/http/api-viewer";
import { documentExport } from "@/lib/annotations/export/load";
import { documentExportFile, exportResponse } from "@/lib/annotations/export/respond";
import { publicBaseUrl } from "@/lib/annotations/export/site-url";
import { listDocumentAnnotationsJson } from "@/lib/annotations/service";
import { getPrisma } from "@/lib/db";
import { documentBySlug } from "@/lib/library/lookup";
import { BODY_SIZE_LIMITS } from "@/lib/limits";
import { exportFormatSchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

/** GET /api/documents/<slug>/annotations?format=json|jsonld|csv|md — the ones the caller may read. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handle(async () => {
    const viewer = await requireApiViewer(request);
    if (viewer instanceof Response) return viewer;
    const url = new URL(request.url);
    const format = exportFormatSchema.safeParse(url.searchParams.get("format") ?? "json");
    if (!format.success) return jsonError(400, format.error.issues[0]!.message);

    const { slug } = await params;
    const document = await documentBySlug(getPrisma(), slug, viewer);
    if (!document) return jsonError(404, "No document has that slug.");
    if (format.data === "json") {
      // Each row arrives as JSON text from PostgreSQL (see listDocumentAnnotationsJson).
      const rows = await listDocumentAnnotationsJson(getPrisma(), viewer, document);
      return new Response(
        `{"document":${JSON.stringify(document.slug)},"total":${rows.length},"rows":[${rows.join(",")}]}`,
        { headers: { "Content-Type": "application/json" } },
      );
    }
    // The notes with their discussions, speakers and citation, as a file named for what it holds.
    const exported = await documentExport(getPrisma(), viewer, document.slug);
    if (!exported) return jsonError(404, "No document has that slug.");
    return exportResponse(documentExportFile(exported, format.data, publicBaseUrl(request.url)));
  });
}

/** POST W3C Web Annotation JSON-LD: imported as the caller's private notes on this document. */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handle(async () => {
    const viewer = await requireApiViewer(request);
    if (viewer instanceof Response) return viewer;
    const body = await readJson(request, BODY_SIZE_LIMITS.importBytes);
    if (!body.ok) return body.response;
    const outcome = await importW3C(getPrisma(), viewer, (await params).slug, body.value);
    if (!outcome.ok)
      return outcome.code
        ? outcomeError(outcome)
        : jsonError(/No document/.test(outcome.error) ? 404 : 422, outcome.error);
    return Response.json(outcome.value, { status: 201 });
  });
}
