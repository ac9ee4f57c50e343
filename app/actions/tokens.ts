"use server";

import { asForm } from "@/lib/http/form-action";
import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { getSessionUser } from "@/lib/auth/viewer";
import { getPrisma } from "@/lib/db";
import type { FormState } from "@/lib/http/form-state";

export async function createTokenAction(_state: FormState, sent: unknown): Promise<FormState> {
  const formData = asForm(sent);
  const user = await getSessionUser();
  if (!user) return { error: "Sign in first." };
  const name = String(formData.get("name") ?? "").trim();
  if (!name)
    return {
      error: "Name the token after the script that will use it.",
      fields: { name: "Name the token." },
    };
  const created = await createApiToken(getPrisma(), user.id, name);
  revalidatePath("/account");
  // Shown once: only its hash is kept.
  return { notice: created.token };
}

export async function revokeTokenAction(_state: FormState, sent: unknown): Promise<FormState> {
  const formData = asForm(sent);
  const user = await getSessionUser();
  if (!user) return { error: "Sign in first." };
  await revokeApiToken(getPrisma(), user.id, String(formData.get("id") ?? ""));
  revalidatePath("/account");
  return { notice: "Token revoked." };
}
