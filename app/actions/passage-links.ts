"use server";

import { revalidatePath } from "next/cache";
import { asForm, formId, guarded, requireViewer } from "@/lib/http/form-action";
import { getViewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { getPrisma } from "@/lib/db";
import { failure, keptValues, type FormState } from "@/lib/http/form-state";
import {
  createPassageLink,
  deletePassageLink,
  linkableTurns,
  reviewPassageLink,
} from "@/lib/links/service";

// Rival records (issue 19): thin wrappers over lib/links/service.ts, which validates the form and
// checks who may read and write. Who is asking comes from the session, never from the form.

const FIELDS = [
  "fromSlug",
  "fromFirst",
  "fromLast",
  "toSlug",
  "toFirst",
  "toLast",
  "note",
  "courseId",
];

/** A slug from a form, for revalidating its page (an unknown one revalidates nothing). */
const slugOf = (value: FormDataEntryValue | null) =>
  typeof value === "string" && /^[a-z0-9-]{1,200}$/.test(value) ? value : null;

function refresh(...slugs: (string | null)[]) {
  for (const slug of slugs) if (slug) revalidatePath(`/documents/${slug}`);
}

export async function createPassageLinkAction(
  _state: FormState,
  sent: unknown,
): Promise<FormState> {
  const form = asForm(sent);
  const from = slugOf(form.get("fromSlug"));
  const viewer = await requireViewer(from ? `/documents/${from}` : "/");
  return guarded(async () => {
    const input = Object.fromEntries(FIELDS.map((name) => [name, form.get(name) ?? undefined]));
    const outcome = await createPassageLink(getPrisma(), viewer, input);
    if (!outcome.ok) return failure(outcome, keptValues(form, ...FIELDS));
    refresh(from, slugOf(form.get("toSlug")));
    return {
      notice:
        outcome.value.status === "proposed"
          ? "Link proposed: your course sees it now, and an instructor will confirm it."
          : "Passages linked.",
    };
  });
}

export async function reviewPassageLinkAction(
  _state: FormState,
  sent: unknown,
): Promise<FormState> {
  const form = asForm(sent);
  const slug = slugOf(form.get("slug"));
  const viewer = await requireViewer(slug ? `/documents/${slug}` : "/");
  return guarded(async () => {
    const outcome = await reviewPassageLink(
      getPrisma(),
      viewer,
      formId(form.get("linkId")),
      form.get("decision"),
    );
    if (!outcome.ok) return failure(outcome);
    refresh(slug);
    return { notice: outcome.value.status === "confirmed" ? "Link confirmed." : "Link rejected." };
  });
}

export async function deletePassageLinkAction(
  _state: FormState,
  sent: unknown,
): Promise<FormState> {
  const form = asForm(sent);
  const slug = slugOf(form.get("slug"));
  const viewer = await requireViewer(slug ? `/documents/${slug}` : "/");
  return guarded(async () => {
    await deletePassageLink(getPrisma(), viewer, formId(form.get("linkId")));
    refresh(slug);
    return { notice: "Link removed." };
  });
}

/** The turns of a document the viewer may read, for the link picker (`slug` in the form). */
export async function linkableTurnsAction(sent: unknown) {
  const form = asForm(sent);
  const slug = slugOf(form.get("slug"));
  const viewer = await getViewer();
  if (!viewer) return { ok: false as const, error: "Sign in to link passages." };
  if (!slug) return { ok: false as const, error: "Choose a document from the list." };
  try {
    return { ok: true as const, value: await linkableTurns(getPrisma(), viewer, slug) };
  } catch (error) {
    if (error instanceof NotFoundError) return { ok: false as const, error: error.message };
    throw error;
  }
}
