"use server";

import { revalidatePath } from "next/cache";
import {
  createAnnotation,
  deleteAnnotation,
  restoreAnnotation,
  setAnnotationHidden,
  updateAnnotation,
} from "@/lib/annotations/service";
import { getViewer } from "@/lib/auth/viewer";
import { getPrisma } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Outcome } from "@/lib/outcome";
import type { CreateAnnotationInput, UpdateAnnotationInput } from "@/lib/validations/annotation";

// Thin wrappers: who is asking comes from the session, never from the client; the rest is checked
// in lib/annotations/service.ts. Expected refusals come back as messages, not exceptions.

async function run<T>(
  path: string | undefined,
  work: (viewer: NonNullable<Awaited<ReturnType<typeof getViewer>>>) => Promise<Outcome<T>>,
): Promise<Outcome<T>> {
  const viewer = await getViewer();
  if (!viewer) return { ok: false, error: "Sign in to annotate." };
  try {
    const outcome = await work(viewer);
    if (outcome.ok && path) revalidatePath(path);
    return outcome;
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError)
      return { ok: false, error: error.message };
    console.error(error);
    return {
      ok: false,
      error: "Saving failed on the server. Your text is kept in the editor; try again in a moment.",
    };
  }
}

const documentPath = (slug: string) => `/documents/${slug}`;

export async function createAnnotationAction(input: CreateAnnotationInput) {
  return run(documentPath(String(input.documentSlug)), (viewer) =>
    createAnnotation(getPrisma(), viewer, input),
  );
}

export async function updateAnnotationAction(
  slug: string,
  id: string,
  input: UpdateAnnotationInput,
) {
  return run(documentPath(slug), (viewer) =>
    updateAnnotation(getPrisma(), viewer, String(id), input),
  );
}

export async function deleteAnnotationAction(slug: string, id: string): Promise<Outcome<null>> {
  return run(documentPath(slug), async (viewer) => {
    await deleteAnnotation(getPrisma(), viewer, String(id));
    return { ok: true, value: null };
  });
}

export async function restoreAnnotationAction(slug: string, id: string): Promise<Outcome<null>> {
  return run(documentPath(slug), (viewer) => restoreAnnotation(getPrisma(), viewer, String(id)));
}

export async function hideAnnotationAction(
  slug: string,
  id: string,
  hidden: boolean,
): Promise<Outcome<null>> {
  return run(documentPath(slug), async (viewer) => {
    await setAnnotationHidden(getPrisma(), viewer, String(id), Boolean(hidden));
    return { ok: true, value: null };
  });
}
