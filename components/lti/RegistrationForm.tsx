"use client";

import { useActionState } from "react";
import { saveRegistrationAction } from "@/app/actions/lti";
import { Field, FormMessages } from "@/components/forms/Field";
import type { FormState } from "@/lib/http/form-state";

export interface RegistrationValues {
  id?: string;
  name: string;
  issuer: string;
  clientId: string;
  deploymentIds: string;
  authLoginUrl: string;
  authTokenUrl: string;
  jwksUrl: string;
  frameOrigins: string;
}

const EMPTY: RegistrationValues = {
  name: "",
  issuer: "",
  clientId: "",
  deploymentIds: "",
  authLoginUrl: "",
  authTokenUrl: "",
  jwksUrl: "",
  frameOrigins: "",
};

/** Add a platform, or edit one (its fields prefilled); ids are prefixed so several forms can share a page. */
export function RegistrationForm({ initial = EMPTY }: { initial?: RegistrationValues }) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveRegistrationAction, {});
  const prefix = initial.id ? `lti-${initial.id}` : "lti-new";
  const value = (name: keyof RegistrationValues) =>
    state.values?.[name] ?? (initial[name] as string | undefined) ?? "";
  const field = (name: keyof RegistrationValues, label: string, hint?: string) => (
    <Field
      id={`${prefix}-${name}`}
      name={name}
      label={label}
      hint={hint}
      required={name !== "frameOrigins"}
      defaultValue={value(name)}
      error={state.fields?.[name]}
      autoComplete="off"
    />
  );
  return (
    <form action={action} className="stack-form lti-registration-form" noValidate>
      {initial.id && <input type="hidden" name="registrationId" value={initial.id} />}
      <FormMessages error={state.error} notice={state.notice} />
      {field("name", "Name", "How Memcon's administrators recognise it, e.g. “University Canvas”.")}
      {field(
        "issuer",
        "Issuer (iss)",
        "Canvas cloud: https://canvas.instructure.com; Moodle: the site's address.",
      )}
      {field(
        "clientId",
        "Client id",
        "The id the platform gave Memcon (Canvas: the developer key's number).",
      )}
      {field("deploymentIds", "Deployment ids", "One or more, separated by spaces or commas.")}
      {field(
        "authLoginUrl",
        "Authentication request URL",
        "The platform's OIDC authorization endpoint.",
      )}
      {field("authTokenUrl", "Access token URL")}
      {field("jwksUrl", "Public key set URL")}
      {field(
        "frameOrigins",
        "Frame origins (optional)",
        "Origins of the platform's pages that show Memcon in a frame, e.g. https://school.instructure.com. The issuer's origin is always allowed.",
      )}
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : initial.id ? "Save registration" : "Register platform"}
      </button>
    </form>
  );
}
