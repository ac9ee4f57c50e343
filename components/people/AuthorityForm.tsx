"use client";

import { useActionState } from "react";
import { setPersonAuthorityAction } from "@/app/actions/people";
import type { FormState } from "@/lib/http/form-state";
import { Field, FormMessages } from "@/components/forms/Field";

/** For editors: link the person to Wikidata (a QID) or another authority record. */
export function AuthorityForm({ slug, current }: { slug: string; current: string | null }) {
  const [state, action, pending] = useActionState<FormState, FormData>(
    setPersonAuthorityAction,
    {},
  );
  return (
    <form action={action} className="stack-form authority-form" noValidate>
      <h3>Authority link</h3>
      <FormMessages error={state.error} notice={state.notice} />
      <input type="hidden" name="slug" value={slug} />
      <Field
        name="authority"
        label="Wikidata id or authority URI"
        hint="Q followed by digits (Q310452), or an https:// address. Leave empty to remove the link."
        defaultValue={state.values?.authority ?? current ?? ""}
        key={state.notice ?? "form"}
        error={state.fields?.authority}
        autoComplete="off"
        spellCheck={false}
      />
      <button type="submit" disabled={pending}>
        Save link
      </button>
    </form>
  );
}
