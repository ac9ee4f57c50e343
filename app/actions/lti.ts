"use server";

import { revalidatePath } from "next/cache";
import { asForm, formId as id, guarded, requireViewer } from "@/lib/http/form-action";
import { canManageInstructors } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { keptValues, type FormState } from "@/lib/http/form-state";
import { rotateKey } from "@/lib/lti/keys";
import {
  deleteRegistration,
  saveRegistration,
  setRegistrationEnabled,
} from "@/lib/lti/registrations";

// Site administrators manage learning-platform registrations and Memcon's LTI keys
// (app/admin/lti/page.tsx). Every action checks the viewer in lib/lti/registrations.ts.

const FIELDS = [
  "name",
  "issuer",
  "clientId",
  "deploymentIds",
  "authLoginUrl",
  "authTokenUrl",
  "jwksUrl",
  "frameOrigins",
];

export async function saveRegistrationAction(_state: FormState, sent: unknown): Promise<FormState> {
  const formData = asForm(sent);
  const viewer = await requireViewer("/admin/lti");
  const registrationId = formData.get("registrationId") ? id(formData.get("registrationId")) : null;
  return guarded(async () => {
    const input = Object.fromEntries(FIELDS.map((field) => [field, formData.get(field) ?? ""]));
    const outcome = await saveRegistration(getPrisma(), viewer, registrationId, input);
    if (!outcome.ok)
      return {
        error: outcome.error,
        fields: outcome.fields,
        values: keptValues(formData, ...FIELDS),
      };
    revalidatePath("/admin/lti");
    return { notice: registrationId ? "Registration saved." : "Platform registered." };
  });
}

export async function setRegistrationEnabledAction(
  _state: FormState,
  sent: unknown,
): Promise<FormState> {
  const formData = asForm(sent);
  const viewer = await requireViewer("/admin/lti");
  return guarded(async () => {
    const enabled = formData.get("enabled") === "true";
    await setRegistrationEnabled(getPrisma(), viewer, id(formData.get("registrationId")), enabled);
    revalidatePath("/admin/lti");
    return { notice: enabled ? "Launches enabled." : "Launches switched off." };
  });
}

export async function deleteRegistrationAction(
  _state: FormState,
  sent: unknown,
): Promise<FormState> {
  const formData = asForm(sent);
  const viewer = await requireViewer("/admin/lti");
  return guarded(async () => {
    await deleteRegistration(getPrisma(), viewer, id(formData.get("registrationId")));
    revalidatePath("/admin/lti");
    return { notice: "Registration removed." };
  });
}

export async function rotateKeyAction(): Promise<FormState> {
  const viewer = await requireViewer("/admin/lti");
  return guarded(async () => {
    if (!canManageInstructors(viewer)) throw new NotFoundError();
    const kid = await rotateKey(getPrisma());
    revalidatePath("/admin/lti");
    return { notice: `New signing key ${kid}; the previous one stays published for a week.` };
  });
}
