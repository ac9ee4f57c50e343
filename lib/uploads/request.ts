import { z } from "zod";
import { readAtMost } from "@/lib/http/read-at-most";
import { UPLOAD_LIMITS } from "@/lib/importer/sources";
import type { DraftSource } from "./drafts";

// The form an upload arrives as (the browser's form and the API's multipart body are the same):
// file | text | reference, courseId, and optionally the document to pick from a volume and the
// slug of the published document being corrected.

/** The whole request: one file plus a few short fields. */
export const UPLOAD_BODY_BYTES = UPLOAD_LIMITS.fileBytes + 64 * 1024;

const fields = z.object({
  courseId: z.string().trim().max(40).optional(),
  text: z.string().max(UPLOAD_LIMITS.fileBytes).optional(),
  reference: z.string().trim().max(500).optional(),
  document: z.string().trim().max(80).optional(),
  revises: z.string().trim().max(120).optional(),
});

export type UploadForm =
  | { ok: true; source: DraftSource; reference?: string; pick?: string }
  | { ok: false; message: string };

export async function readUploadForm(form: FormData): Promise<UploadForm> {
  const value = (name: string) => {
    const entry = form.get(name);
    return typeof entry === "string" && entry.trim() !== "" ? entry : undefined;
  };
  const parsed = fields.safeParse({
    courseId: value("courseId"),
    text: value("text"),
    reference: value("reference"),
    document: value("document"),
    revises: value("revises"),
  });
  if (!parsed.success)
    return {
      ok: false,
      message: `${parsed.error.issues[0]!.path.join(".")}: ${parsed.error.issues[0]!.message}`,
    };
  const file = form.get("file");
  const hasFile = file instanceof Blob && file.size > 0;
  const given = [hasFile, parsed.data.text !== undefined, parsed.data.reference !== undefined];
  if (given.filter(Boolean).length !== 1)
    return { ok: false, message: "Send exactly one of: a file, the text, or a reference." };
  const source: DraftSource = {
    courseId: parsed.data.courseId ?? null,
    ...(parsed.data.revises ? { revises: parsed.data.revises } : {}),
  };
  if (hasFile) {
    const name = (file as File).name || "upload";
    source.file = {
      name,
      bytes: new Uint8Array(await file.arrayBuffer()),
      ...(parsed.data.document ? { pick: parsed.data.document } : {}),
    };
  } else if (parsed.data.text !== undefined) source.text = parsed.data.text;
  return {
    ok: true,
    source,
    ...(parsed.data.reference ? { reference: parsed.data.reference } : {}),
    ...(parsed.data.document ? { pick: parsed.data.document } : {}),
  };
}

/**
 * The request's form, reading at most UPLOAD_BODY_BYTES whatever Content-Length says; null when
 * the body is larger, or the reason it is not a form.
 */
export async function readLimitedForm(
  request: Request,
): Promise<{ ok: true; form: FormData } | { ok: false; status: 400 | 413 | 415; message: string }> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data|^application\/x-www-form-urlencoded/i.test(type))
    return { ok: false, status: 415, message: "Send the document as multipart/form-data." };
  const tooLarge = {
    ok: false as const,
    status: 413 as const,
    message: `The upload is larger than ${UPLOAD_LIMITS.fileBytes / 1024 / 1024} MB, the limit per file.`,
  };
  if (Number(request.headers.get("content-length") ?? 0) > UPLOAD_BODY_BYTES) return tooLarge;
  const body = await readAtMost(request.body, UPLOAD_BODY_BYTES);
  if (!body) return tooLarge;
  try {
    const form = await new Response(body, {
      headers: { "content-type": type },
    }).formData();
    return { ok: true, form };
  } catch {
    return {
      ok: false,
      status: 400,
      message: "The form data cannot be read (is the multipart body complete?).",
    };
  }
}
