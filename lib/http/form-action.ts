import "server-only";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { FormState } from "@/lib/http/form-state";
import { idSchema } from "@/lib/validations/course";

// Shared steps of the form actions (courses, assignments): who is asking comes from the session
// (a signed-out visitor is sent to sign in, as pages do), ids sent by the page are checked for
// shape (access is checked by the service), and expected refusals become the form's message.

export { requirePageViewer as requireViewer } from "@/lib/http/page";

/** No record has this id: what a missing or malformed id from a form reads as. */
export const NO_SUCH_ID = "-";

/**
 * An id from the form. A missing or malformed one names nothing, so it becomes an id no record
 * has: the service then refuses it inside `guarded`, as "not found", like any unknown id (a
 * throw here, before the action's `guarded`, was a server error).
 */
export function formId(value: FormDataEntryValue | null): string {
  const parsed = idSchema.safeParse(value);
  return parsed.success ? parsed.data : NO_SUCH_ID;
}

/** Expected refusals become form messages; anything else is a real error. */
export async function guarded(work: () => Promise<FormState | void>): Promise<FormState> {
  try {
    return (await work()) ?? {};
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof NotFoundError)
      return { error: error.message };
    throw error;
  }
}

/**
 * The form a server action was sent. Memcon's pages always send FormData, but an action is an
 * endpoint anyone can call with any arguments; anything else reads as an empty form (whose
 * fields then fail validation with the usual messages) instead of a server error.
 */
export function asForm(sent: unknown): FormData {
  return sent instanceof FormData ? sent : new FormData();
}
