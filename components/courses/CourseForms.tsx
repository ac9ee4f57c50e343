"use client";

import { useActionState, type ReactNode } from "react";
import { createCourseAction, createGroupAction, joinCourseAction } from "@/app/actions/courses";
import { Field, FormMessages } from "@/components/forms/Field";
import type { FormState } from "@/lib/http/form-state";

const initial: FormState = {};

export function JoinCourseForm({ code }: { code?: string }) {
  const [state, action, pending] = useActionState(joinCourseAction, initial);
  return (
    <form action={action} className="stack-form" noValidate>
      <FormMessages error={state.fields?.code ? undefined : state.error} />
      <Field
        name="code"
        label="Join code"
        hint="Your instructor gives you an 8-character code, like KQ7M-3XPD."
        autoComplete="off"
        autoCapitalize="characters"
        required
        defaultValue={state.values?.code ?? code}
        error={state.fields?.code}
      />
      <button type="submit" disabled={pending}>
        {pending ? "Joining…" : "Join course"}
      </button>
    </form>
  );
}

export function CreateCourseForm() {
  const [state, action, pending] = useActionState(createCourseAction, initial);
  return (
    <form action={action} className="stack-form" noValidate>
      <FormMessages error={state.error} />
      <Field
        name="title"
        label="Course title"
        required
        defaultValue={state.values?.title}
        error={state.fields?.title}
      />
      <Field
        name="term"
        label="Term"
        placeholder="Spring 2027"
        required
        defaultValue={state.values?.term}
        error={state.fields?.term}
      />
      <button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create course"}
      </button>
    </form>
  );
}

export function CreateGroupForm({ courseId }: { courseId: string }) {
  const [state, action, pending] = useActionState(createGroupAction, initial);
  return (
    <form action={action} className="inline-form" noValidate>
      <input type="hidden" name="courseId" value={courseId} />
      <Field
        name="name"
        label="New group"
        required
        defaultValue={state.fields ? state.values?.name : ""}
        error={state.fields?.name}
      />
      <button type="submit" disabled={pending}>
        Add group
      </button>
      <FormMessages error={state.fields ? undefined : state.error} notice={state.notice} />
    </form>
  );
}

/** A small form for one action (hidden inputs + a button), with its outcome announced. */
export function ActionForm({
  action,
  children,
  className = "inline-form",
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  children: ReactNode;
  className?: string;
}) {
  const [state, formAction] = useActionState(action, initial);
  return (
    <form action={formAction} className={className}>
      {children}
      <FormMessages error={state.error} notice={state.notice} />
    </form>
  );
}
