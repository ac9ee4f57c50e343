import { jsonError } from "@/lib/http/respond";
import { withApiViewer } from "@/lib/http/api-viewer";
import { getPrisma } from "@/lib/db";
import { createDraft } from "@/lib/uploads/drafts";
import { resolveReference } from "@/lib/uploads/reference";
import { readLimitedForm, readUploadForm } from "@/lib/uploads/request";

export const dynamic = "force-dynamic";

/**
 * POST /api/documents (multipart: file | text | reference, courseId, document?, revises?): the
 * importer's reading as a draft, with its turns and warnings (201). Nothing is published; a
 * source that cannot be read stores nothing. A FRUS volume answers 422 with its `documents` to
 * choose from (send the choice as `document`).
 */
export const POST = withApiViewer(
  async ({ request, viewer }) => {
    const body = await readLimitedForm(request);
    if (!body.ok) return jsonError(body.status, body.message);
    const form = await readUploadForm(body.form);
    if (!form.ok) return jsonError(400, form.message);
    let source = form.source;
    if (form.reference) {
      const fetched = await resolveReference(form.reference, form.pick);
      if (!fetched.ok) return jsonError(fetched.status, fetched.message);
      source = { ...source, file: fetched.file };
    }
    const result = await createDraft(getPrisma(), viewer, source);
    if (!result.ok) {
      const failure = result.failure;
      if (failure.kind === "choose")
        return Response.json(
          { error: { status: 422, message: failure.message }, documents: failure.choices },
          { status: 422 },
        );
      return jsonError(
        failure.status,
        failure.message,
        failure.retryAfterSeconds
          ? { "Retry-After": String(failure.retryAfterSeconds) }
          : undefined,
      );
    }
    return Response.json({ draft: result.value }, { status: 201 });
  },
  // A file upload: multipart is accepted from Memcon's own pages (never urlencoded forms).
  { accepts: ["multipart"] },
);
