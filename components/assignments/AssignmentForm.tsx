"use client";

import { useActionState, useState } from "react";
import { createAssignmentAction, updateAssignmentAction } from "@/app/actions/assignments";
import { NoteEditor } from "@/components/annotations/NoteEditor";
import { Field, FormMessages } from "@/components/forms/Field";
import type { FormState } from "@/lib/http/form-state";

export interface AssignmentFormValues {
  title: string;
  documentSlug: string;
  passageFrom: string;
  passageTo: string;
  timeZone: string;
  opensAt: string;
  dueAt: string;
  minAnnotations: string;
  minReplies: string;
  minWords: string;
  hideUntilPosted: boolean;
  groupIds: string[];
  instructions: unknown;
}

interface Props {
  mode: { kind: "create"; courseId: string } | { kind: "edit"; assignmentId: string };
  documents: {
    slug: string;
    title: string;
    date: string | null;
    firstAnchor: number;
    lastAnchor: number;
  }[];
  groups: { id: string; name: string }[];
  timeZones: string[];
  /** A new form starts in the instructor's own zone (the browser's, by cookie). */
  initial: AssignmentFormValues;
}

const empty: FormState = {};

/** Create or edit an assignment: document or passage, instructions, dates, groups and rules. */
export function AssignmentForm({ mode, documents, groups, timeZones, initial }: Props) {
  const [state, action, pending] = useActionState(
    mode.kind === "create" ? createAssignmentAction : updateAssignmentAction,
    empty,
  );
  const [instructions, setInstructions] = useState<unknown>(initial.instructions);
  const [slug, setSlug] = useState(initial.documentSlug);

  // After a refused submit, show what was sent rather than the original values.
  const value = (name: keyof AssignmentFormValues) =>
    state.values?.[name] ?? String(initial[name] ?? "");
  const checkedGroups = state.values ? state.values.groupIds?.split(",") : initial.groupIds;
  const hideChecked = state.values
    ? state.values.hideUntilPosted === "on"
    : initial.hideUntilPosted;
  // React resets a form after its action; a <select> returns to the option it was mounted with,
  // so remount the selects with what was sent (inputs follow their defaultValue by themselves).
  const remount = JSON.stringify(state.values ?? null);
  const selected = documents.find((document) => document.slug === slug);
  const error = (name: string) => state.fields?.[name];

  return (
    <form action={action} className="stack-form assignment-form" noValidate>
      {mode.kind === "create" ? (
        <input type="hidden" name="courseId" value={mode.courseId} />
      ) : (
        <input type="hidden" name="assignmentId" value={mode.assignmentId} />
      )}
      <input type="hidden" name="instructions" value={JSON.stringify(instructions ?? null)} />
      <FormMessages error={state.error} />
      <Field
        name="title"
        label="Title"
        required
        defaultValue={value("title")}
        error={error("title")}
      />

      <fieldset>
        <legend>What to read</legend>
        <div className="form-field">
          <label htmlFor="field-documentSlug">Document</label>
          <select
            key={`document-${remount}`}
            id="field-documentSlug"
            name="documentSlug"
            defaultValue={value("documentSlug")}
            onChange={(event) => setSlug(event.target.value)}
            aria-invalid={error("documentSlug") ? true : undefined}
            aria-describedby={error("documentSlug") ? "field-documentSlug-error" : undefined}
          >
            <option value="">Choose a document…</option>
            {documents.map((document) => (
              <option key={document.slug} value={document.slug}>
                {document.date ? `${document.date} · ` : ""}
                {document.title}
              </option>
            ))}
          </select>
          {error("documentSlug") && (
            <p id="field-documentSlug-error" className="field-error">
              {error("documentSlug")}
            </p>
          )}
        </div>
        {selected && (
          // The whole title, wrapped: the select beside it may be narrower than a long title.
          <p className="field-hint chosen-document">
            <cite>{selected.title}</cite>
            {selected.date ? `, ${selected.date}` : ""}
          </p>
        )}
        <p className="field-hint" id="passage-hint">
          A passage is a range of turns, numbered as in the reader
          {selected ? ` (this document: ${selected.firstAnchor}–${selected.lastAnchor})` : ""}.
          Leave both empty for the whole document.
        </p>
        <div className="field-row">
          <Field
            name="passageFrom"
            label="From turn"
            type="number"
            min={1}
            inputMode="numeric"
            defaultValue={value("passageFrom")}
            error={error("passageFrom")}
            aria-describedby="passage-hint"
          />
          <Field
            name="passageTo"
            label="To turn"
            type="number"
            min={1}
            inputMode="numeric"
            defaultValue={value("passageTo")}
            error={error("passageTo")}
            aria-describedby="passage-hint"
          />
        </div>
      </fieldset>

      <div className="form-field">
        <span className="field-label" id="instructions-label">
          Instructions
        </span>
        <div className="note-editor">
          <NoteEditor
            label="Instructions for students"
            initialContent={initial.instructions}
            onChange={setInstructions}
          />
        </div>
        {error("instructions") && <p className="field-error">{error("instructions")}</p>}
      </div>

      <fieldset>
        <legend>When</legend>
        <div className="form-field">
          <label htmlFor="field-timeZone">Time zone of these dates</label>
          <select
            key={`zone-${remount}`}
            id="field-timeZone"
            name="timeZone"
            defaultValue={value("timeZone")}
          >
            {timeZones.map((name) => (
              <option key={name} value={name}>
                {name.replace(/_/g, " ")}
              </option>
            ))}
          </select>
          {error("timeZone") && <p className="field-error">{error("timeZone")}</p>}
        </div>
        <div className="field-row">
          <Field
            name="opensAt"
            label="Opens"
            type="datetime-local"
            required
            defaultValue={value("opensAt")}
            error={error("opensAt")}
          />
          <Field
            name="dueAt"
            label="Due"
            type="datetime-local"
            required
            defaultValue={value("dueAt")}
            error={error("dueAt")}
          />
        </div>
      </fieldset>

      <fieldset>
        <legend>Rules</legend>
        <div className="field-row">
          <Field
            name="minAnnotations"
            label="Minimum annotations"
            type="number"
            min={0}
            max={50}
            defaultValue={value("minAnnotations")}
            error={error("minAnnotations")}
          />
          <Field
            name="minReplies"
            label="Minimum replies"
            type="number"
            min={0}
            max={50}
            defaultValue={value("minReplies")}
            error={error("minReplies")}
          />
          <Field
            name="minWords"
            label="Minimum words each"
            type="number"
            min={0}
            max={500}
            hint="Shorter notes are shown but not counted."
            defaultValue={value("minWords")}
            error={error("minWords")}
          />
        </div>
        <label className="checkbox">
          <input type="checkbox" name="hideUntilPosted" defaultChecked={hideChecked} />
          Hide classmates’ annotations on this document until a student has posted their own
        </label>
      </fieldset>

      {groups.length > 0 && (
        <fieldset>
          <legend>For whom</legend>
          <p className="field-hint">Leave every group unticked to set it for the whole course.</p>
          {groups.map((group) => (
            <label key={group.id} className="checkbox">
              <input
                type="checkbox"
                name="groupIds"
                value={group.id}
                defaultChecked={checkedGroups?.includes(group.id)}
              />
              {group.name}
            </label>
          ))}
          {error("groupIds") && <p className="field-error">{error("groupIds")}</p>}
        </fieldset>
      )}

      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : mode.kind === "create" ? "Create assignment" : "Save changes"}
      </button>
    </form>
  );
}
