import "server-only";
import { revalidatePath } from "next/cache";
import type { Viewer } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/viewer";
import {
  DATABASE_UNAVAILABLE_MESSAGE,
  isDatabaseUnavailable,
  outageSummary,
} from "@/lib/db/unavailable";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Outcome } from "@/lib/outcome";

/**
 * The body of a server action: who is asking comes from the session, never from the client;
 * expected refusals come back as messages, unexpected errors as a sentence (logged, no stack
 * trace to the user); on success the page at `path` is re-rendered.
 */
export async function runAsViewer<T>(
  path: string,
  work: (viewer: Viewer) => Promise<Outcome<T>>,
  { signedOut = "Sign in first." } = {},
): Promise<Outcome<T>> {
  try {
    // Inside the try: loading the session is the first query, and fails first in an outage.
    const viewer = await getViewer();
    if (!viewer) return { ok: false, error: signedOut };
    const outcome = await work(viewer);
    if (outcome.ok) revalidatePath(path);
    return outcome;
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError)
      return { ok: false, error: error.message };
    if (isDatabaseUnavailable(error)) {
      console.error(`[memcon] database unavailable: ${outageSummary(error)}`);
      return { ok: false, error: `${DATABASE_UNAVAILABLE_MESSAGE} Your text is kept.` };
    }
    console.error(error);
    // "unavailable": the editors keep the text and try again by themselves.
    return {
      ok: false,
      code: "unavailable",
      error: "Saving failed on the server. Your text is kept; try again in a moment.",
    };
  }
}
