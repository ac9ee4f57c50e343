"use server";

import { runAsViewer } from "@/lib/http/run-as-viewer";
import type { Viewer } from "@/lib/auth/permissions";
import {
  createAnnotation,
  deleteAnnotation,
  restoreAnnotation,
  setAnnotationHidden,
  updateAnnotation,
} from "@/lib/annotations/service";
import { getPrisma } from "@/lib/db";
import type { Outcome } from "@/lib/outcome";
import type { CreateAnnotationInput, UpdateAnnotationInput } from "@/lib/validations/annotation";

// Thin wrappers: who is asking comes from the session, never from the client; the rest is checked
// in lib/annotations/service.ts. Expected refusals come back as messages, not exceptions.

const run = <T>(path: string, work: (viewer: Viewer) => Promise<Outcome<T>>) =>
  runAsViewer(path, work, { signedOut: "Sign in to annotate." });

const documentPath = (slug: string) => `/documents/${slug}`;

export async function createAnnotationAction(input: CreateAnnotationInput) {
  return run(documentPath(String(input?.documentSlug)), async (viewer) => {
    const outcome = await createAnnotation(getPrisma(), viewer, input);
    // The browser needs only the id; it reloads the panel through the page.
    return outcome.ok ? { ok: true, value: { id: outcome.value.id } } : outcome;
  });
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
