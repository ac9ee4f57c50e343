"use server";

import { asForm } from "@/lib/http/form-action";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import {
  changePassword,
  openSession,
  signOutEverywhere,
  signUp,
  verifyCredentials,
} from "@/lib/auth/accounts";
import { signIn, signOut } from "@/lib/auth/authjs";
import { clientIp, safeCallbackUrl } from "@/lib/auth/request";
import { sessionCookieName, sessionCookieOptions } from "@/lib/auth/session-cookie";
import { getSessionUser } from "@/lib/auth/viewer";
import { getPrisma } from "@/lib/db";
import { failure, keptValues, type FormState } from "@/lib/http/form-state";

async function startSession(userId: string) {
  const { token, expires } = await openSession(getPrisma(), userId);
  (await cookies()).set(sessionCookieName(), token, { ...sessionCookieOptions(), expires });
}

export async function signInAction(_state: FormState, sent: unknown): Promise<FormState> {
  const formData = asForm(sent);
  const outcome = await verifyCredentials(
    getPrisma(),
    { email: formData.get("email"), password: formData.get("password") },
    await clientIp(),
  );
  if (!outcome.ok) return failure(outcome, keptValues(formData, "email", "callbackUrl"));
  await startSession(outcome.value.userId);
  redirect(safeCallbackUrl(formData.get("callbackUrl"), "/courses"));
}

export async function signUpAction(_state: FormState, sent: unknown): Promise<FormState> {
  const formData = asForm(sent);
  const outcome = await signUp(
    getPrisma(),
    {
      name: formData.get("name"),
      email: formData.get("email"),
      password: formData.get("password"),
    },
    await clientIp(),
  );
  if (!outcome.ok) return failure(outcome, keptValues(formData, "name", "email", "callbackUrl"));
  await startSession(outcome.value.userId);
  redirect(safeCallbackUrl(formData.get("callbackUrl"), "/courses"));
}

export async function changePasswordAction(_state: FormState, sent: unknown): Promise<FormState> {
  const formData = asForm(sent);
  const user = await getSessionUser();
  if (!user) redirect("/signin?callbackUrl=/account");
  const token = (await cookies()).get(sessionCookieName())?.value;
  const outcome = await changePassword(getPrisma(), user.id, token, {
    currentPassword: formData.get("currentPassword"),
    newPassword: formData.get("newPassword"),
    confirmPassword: formData.get("confirmPassword"),
  });
  if (!outcome.ok) return failure(outcome);
  return {
    notice:
      "Your password has been changed. Other devices have been signed out and your API tokens revoked.",
  };
}

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}

/** Ends every session of the user, this one included, and revokes their API tokens. */
export async function signOutEverywhereAction() {
  const user = await getSessionUser();
  if (!user) redirect("/signin?callbackUrl=/account");
  await signOutEverywhere(getPrisma(), user.id);
  (await cookies()).delete(sessionCookieName());
  redirect("/");
}

/** OAuth and magic-link sign-in go through Auth.js itself. */
export async function providerSignInAction(sent: unknown) {
  const formData = asForm(sent);
  const provider = String(formData.get("provider") ?? "");
  const redirectTo = safeCallbackUrl(formData.get("callbackUrl"), "/courses");
  const email = formData.get("email");
  await signIn(provider, { redirectTo, ...(typeof email === "string" ? { email } : {}) });
}
