"use server";

import { revalidatePath } from "next/cache";
import { asForm, guarded, requireViewer } from "@/lib/http/form-action";
import { getPrisma } from "@/lib/db";
import { decideEditions } from "@/lib/editions/decisions";
import { failure, type FormState } from "@/lib/http/form-state";

const slugOf = (value: FormDataEntryValue | null) =>
  typeof value === "string" && /^[a-z0-9-]{1,200}$/.test(value) ? value : null;

/** An editor confirms, rejects or withdraws a detected pair of editions (lib/editions/decisions.ts). */
export async function decideEditionsAction(_state: FormState, sent: unknown): Promise<FormState> {
  const form = asForm(sent);
  const slug = slugOf(form.get("slug"));
  const other = slugOf(form.get("other"));
  const viewer = await requireViewer(slug ? `/documents/${slug}` : "/");
  return guarded(async () => {
    const outcome = await decideEditions(getPrisma(), viewer, {
      slug: form.get("slug"),
      other: form.get("other"),
      decision: form.get("decision"),
    });
    if (!outcome.ok) return failure(outcome);
    for (const path of [slug, other]) if (path) revalidatePath(`/documents/${path}`);
    if (slug && other) revalidatePath(`/documents/${slug}/editions/${other}`);
    const said = {
      confirmed: "Confirmed as editions of one record.",
      rejected: "No longer suggested.",
      suggested: "Decision withdrawn.",
    };
    return { notice: said[outcome.value.status] };
  });
}
