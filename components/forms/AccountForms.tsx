"use client";

import { useActionState } from "react";
import { changePasswordAction, signInAction, signUpAction } from "@/app/actions/auth";
import type { FormState } from "@/lib/http/form-state";
import { Field, FormMessages } from "./Field";

const initial: FormState = {};

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState(signInAction, initial);
  return (
    <form action={action} className="stack-form" noValidate>
      <FormMessages error={state.error} />
      <input type="hidden" name="callbackUrl" value={state.values?.callbackUrl ?? callbackUrl} />
      <Field
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={state.fields?.email}
      />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        error={state.fields?.password}
      />
      <button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState(signUpAction, initial);
  return (
    <form action={action} className="stack-form" noValidate>
      <FormMessages error={state.error} />
      <input type="hidden" name="callbackUrl" value={state.values?.callbackUrl ?? callbackUrl} />
      <Field
        name="name"
        label="Name"
        autoComplete="name"
        required
        defaultValue={state.values?.name}
        error={state.fields?.name}
      />
      <Field
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={state.fields?.email}
      />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters; a phrase of a few words works well."
        error={state.fields?.password}
      />
      <button type="submit" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, initial);
  return (
    <form action={action} className="stack-form" noValidate>
      <FormMessages error={state.error} notice={state.notice} />
      <Field
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        error={state.fields?.currentPassword}
      />
      <Field
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        error={state.fields?.newPassword}
      />
      <Field
        name="confirmPassword"
        label="New password again"
        type="password"
        autoComplete="new-password"
        error={state.fields?.confirmPassword}
      />
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Change password"}
      </button>
    </form>
  );
}
