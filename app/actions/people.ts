"use server";

import { revalidatePath } from "next/cache";
import { asForm, guarded } from "@/lib/http/form-action";
import { getViewer } from "@/lib/auth/viewer";
import { getPrisma } from "@/lib/db";
import { failure, keptValues, type FormState } from "@/lib/http/form-state";
import { setPersonAuthority } from "@/lib/people/authority-service";

/** An editor links a person (form field `slug`) to an authority record (field `authority`). */
export async function setPersonAuthorityAction(
  _state: FormState,
  sent: unknown,
): Promise<FormState> {
  const formData = asForm(sent);
  const viewer = await getViewer();
  if (!viewer) return { error: "Sign in first." };
  const slug = String(formData.get("slug") ?? "").slice(0, 200);
  return guarded(async () => {
    const outcome = await setPersonAuthority(getPrisma(), viewer, slug, formData.get("authority"));
    if (!outcome.ok) return failure(outcome, keptValues(formData, "authority"));
    revalidatePath(`/people/${outcome.value.slug}`);
    return {
      notice: outcome.value.uri
        ? `Linked to ${outcome.value.uri}.`
        : "The authority link was removed.",
    };
  });
}
