"use client";

import { useActionState } from "react";
import { createTokenAction } from "@/app/actions/tokens";
import type { FormState } from "@/lib/http/form-state";
import { Field, FormMessages } from "./Field";

export function CreateTokenForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(createTokenAction, {});
  return (
    <form action={action} className="stack-form" noValidate>
      <FormMessages error={state.error} />
      {state.notice && (
        <div role="status" className="form-notice">
          <p>Copy this token now; it will not be shown again:</p>
          <code className="token">{state.notice}</code>
        </div>
      )}
      <Field
        name="name"
        label="Token name"
        placeholder="e.g. export script"
        error={state.fields?.name}
      />
      <button type="submit" disabled={pending}>
        Create token
      </button>
    </form>
  );
}
