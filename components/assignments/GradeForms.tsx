"use client";

import { useActionState } from "react";
import { extendAssignmentAction, gradeAction } from "@/app/actions/assignments";
import { Field, FormMessages } from "@/components/forms/Field";
import type { FormState } from "@/lib/http/form-state";

const empty: FormState = {};

export function GradeForm(props: {
  assignmentId: string;
  userId: string;
  quality: number | null;
  completion: boolean | null;
  comment: string;
}) {
  const [state, action, pending] = useActionState(gradeAction, empty);
  return (
    <form action={action} className="stack-form" noValidate>
      <input type="hidden" name="assignmentId" value={props.assignmentId} />
      <input type="hidden" name="userId" value={props.userId} />
      <FormMessages error={state.error} notice={state.notice} />
      <div className="form-field">
        <label htmlFor="grade-completion">Completion</label>
        <select
          id="grade-completion"
          name="completion"
          defaultValue={
            props.completion === null ? "auto" : props.completion ? "complete" : "incomplete"
          }
        >
          <option value="auto">As the rules say</option>
          <option value="complete">Complete</option>
          <option value="incomplete">Incomplete</option>
        </select>
      </div>
      <div className="form-field">
        <label htmlFor="grade-quality">Quality</label>
        <select
          id="grade-quality"
          name="quality"
          defaultValue={state.values?.quality ?? props.quality?.toString() ?? ""}
          aria-invalid={state.fields?.quality ? true : undefined}
        >
          <option value="">Not graded</option>
          <option value="0">0 – missing or off-topic</option>
          <option value="1">1 – summary without analysis</option>
          <option value="2">2 – reads the passage closely</option>
          <option value="3">3 – argues from the evidence</option>
        </select>
        {state.fields?.quality && <p className="field-error">{state.fields.quality}</p>}
      </div>
      <div className="form-field">
        <label htmlFor="grade-comment">Comment to the student</label>
        <textarea
          id="grade-comment"
          name="comment"
          rows={4}
          maxLength={2000}
          defaultValue={state.values?.comment ?? props.comment}
        />
        {state.fields?.comment && <p className="field-error">{state.fields.comment}</p>}
      </div>
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save grade"}
      </button>
    </form>
  );
}

export function ExtensionForm(props: {
  assignmentId: string;
  userId: string;
  timeZone: string;
  dueAt: string;
}) {
  const [state, action, pending] = useActionState(extendAssignmentAction, empty);
  return (
    <form action={action} className="stack-form" noValidate>
      <input type="hidden" name="assignmentId" value={props.assignmentId} />
      <input type="hidden" name="userId" value={props.userId} />
      <input type="hidden" name="timeZone" value={props.timeZone} />
      <FormMessages error={state.error} notice={state.notice} />
      <Field
        name="dueAt"
        label="Due for this student"
        type="datetime-local"
        hint={`In ${props.timeZone.replace(/_/g, " ")}. Empty: the assignment's due date.`}
        defaultValue={state.values?.dueAt ?? props.dueAt}
      />
      <button type="submit" disabled={pending} className="secondary">
        {pending ? "Saving…" : "Save extension"}
      </button>
    </form>
  );
}
