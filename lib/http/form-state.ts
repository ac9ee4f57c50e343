import type { Outcome } from "@/lib/outcome";

/** What a form's server action returns for the form to render: messages and the values to keep. */
export interface FormState {
  error?: string;
  fields?: Record<string, string>;
  values?: Record<string, string>;
  notice?: string;
}

/** The text fields of a submitted form, passwords excluded (never sent back to the page). */
export function keptValues(formData: FormData, ...names: string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of names) {
    const value = formData.get(name);
    if (typeof value === "string") values[name] = value;
  }
  return values;
}

export function failure(
  outcome: Extract<Outcome<unknown>, { ok: false }>,
  values?: Record<string, string>,
): FormState {
  return { error: outcome.error, fields: outcome.fields, values };
}
