import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { canEditAnnotation, type Viewer } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { publishChange } from "@/lib/live/channel";
import type { Outcome } from "@/lib/outcome";
import { parseBody } from "@/lib/richtext/body";
import { updateAnnotationSchema, type UpdateAnnotationInput } from "@/lib/validations/annotation";
import { firstIssue } from "@/lib/validations/first-issue";
import { getReadable, toRef } from "./access";
import { fitsDocument, resolveScope } from "./audience";

// Editing a note: optimistic concurrency on its version, the previous state kept as a revision.

export async function updateAnnotation(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  /** The request as it came: parsed here with updateAnnotationSchema. */
  input: UpdateAnnotationInput | unknown,
): Promise<Outcome<{ version: number }>> {
  const current = await getReadable(prisma, viewer, id);
  if (!canEditAnnotation(viewer, toRef(current)) || current.deletedAt)
    throw new NotFoundError("Annotation not found.");
  const parsed = updateAnnotationSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: firstIssue(parsed.error) };
  const body = parseBody(parsed.data.body);
  if (!body.ok) return { ok: false, error: body.error };
  const scope = await resolveScope(prisma, viewer, parsed.data);
  if (!scope.ok) return scope;
  const fits = await fitsDocument(prisma, current.documentId, scope.value.courseId);
  if (!fits.ok) return fits;

  const outcome = await prisma.$transaction(async (tx) => {
    // Only the version the editor started from may be replaced: a concurrent save wins, and the
    // late one is told instead of silently overwriting it.
    const { count } = await tx.annotation.updateMany({
      where: { id, version: parsed.data.version, deletedAt: null },
      data: {
        ...scope.value,
        body: body.doc as Prisma.InputJsonValue,
        bodyHtml: body.html,
        bodyText: body.text,
        tags: parsed.data.tags,
        version: { increment: 1 },
      },
    });
    if (count === 0) {
      return {
        ok: false as const,
        code: "conflict" as const,
        error: `Someone saved this annotation after you opened it (now version ${current.version}). Your text is still in the editor: copy it, reload, and merge.`,
      };
    }
    await tx.annotationRevision.create({
      data: {
        annotationId: id,
        version: parsed.data.version,
        body: current.body as Prisma.InputJsonValue,
        bodyHtml: current.bodyHtml,
        tags: current.tags,
        visibility: current.visibility,
      },
    });
    return { ok: true as const, value: { version: parsed.data.version + 1 } };
  });
  if (outcome.ok)
    await publishChange(prisma, { documentId: current.documentId, kind: "annotation", id });
  return outcome;
}
