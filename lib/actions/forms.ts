import "server-only";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { FormState } from "@/lib/forms";
import { idSchema } from "@/lib/validations/course";

// Shared steps of the form actions (courses, assignments): who is asking comes from the session
// (a signed-out visitor is sent to sign in, as pages do), ids sent by the page are checked for
// shape (access is checked by the service), and expected refusals become the form's message.

export { requirePageViewer as requireViewer } from "@/lib/pages";

/** An id from the form, or "not found" (a malformed id names nothing). */
export function formId(value: FormDataEntryValue | null): string {
  const parsed = idSchema.safeParse(value);
  if (!parsed.success) throw new NotFoundError();
  return parsed.data;
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
