"use client";

import { useEffect, useState } from "react";
import type { Visibility } from "@/lib/annotations/types";
import { NoteEditor } from "./LazyNoteEditor";
import type { Audience, Draft } from "@/lib/reader/types";
import { draftTargetOf, KeptDraftNotice } from "./KeptDraftNotice";
import { useLocalDraft } from "./useLocalDraft";

export interface EditorValues {
  body: unknown;
  tags: string[];
  visibility: Visibility;
  courseId: string | null;
  groupId: string | null;
  /** The id the new note is saved under, the same for every attempt (see useLocalDraft). */
  clientId?: string;
}

export function EditorForm({
  draft,
  audience,
  defaultAudience = "private",
  onSave,
  onCancel,
}: {
  draft: Draft;
  audience: Audience;
  /** "private", "course:<id>" or "group:<id>": an assignment presets its course. */
  defaultAudience?: string;
  /** Null when saved, else the refusal; throws UnreachableError when the server did not answer. */
  onSave: (values: EditorValues) => Promise<string | null>;
  onCancel: () => void;
}) {
  const existing = draft.mode === "edit" ? draft.annotation : null;
  // New notes start private, or shared with the course of the assignment being read.
  const initialAudience = existing
    ? audienceKey(existing.visibility, existing.courseId, existing.groupId)
    : defaultAudience;
  // Kept on this device until the server has it (offline, outage, reload).
  const local = useLocalDraft(draftTargetOf(draft));
  const [body, setBody] = useState<unknown>(local.restored?.body ?? existing?.body);
  const [tags, setTags] = useState(local.restored?.tags ?? existing?.tags.join(", ") ?? "");
  const [choice, setChoice] = useState(local.restored?.audience ?? initialAudience);
  const [error, setError] = useState<string | null>(null);
  const saving = local.sending;
  const { keep } = local;
  useEffect(() => keep({ body, tags, audience: choice }), [keep, body, tags, choice]);

  const save = (clientId: string) => {
    const [visibility, id] = choice.split(":") as [Visibility, string | undefined];
    const group =
      visibility === "group" ? audience.groups.find((item) => item.id === id) : undefined;
    return onSave({
      body,
      tags: tags
        .split(",")
        .map((tag) => tag.trim())
        .filter(Boolean),
      visibility,
      courseId: visibility === "course" ? (id ?? null) : null,
      groupId: group?.id ?? null,
      clientId,
    });
  };
  // Automatic retries use the latest text and choices.
  useEffect(() => {
    local.setSave(save);
  });

  async function submit() {
    setError(null);
    const refusal = await local.send(save);
    if (refusal) setError(refusal);
  }

  return (
    <form
      className="editor-form"
      aria-label={existing ? "Edit annotation" : "New annotation"}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3>{existing ? "Edit annotation" : "New annotation"}</h3>
      <blockquote className="quote">
        {existing?.quote ?? (draft.mode === "new" ? draft.quote : "The whole document")}
      </blockquote>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <KeptDraftNotice draft={local} onSendNow={() => void submit()} />
      <NoteEditor
        label="Your note"
        initialContent={local.restored?.body ?? existing?.body}
        onChange={setBody}
        onSubmitShortcut={() => void submit()}
      />
      <div className="form-field">
        <label htmlFor="annotation-tags">Tags</label>
        <p id="annotation-tags-hint" className="field-hint">
          Separate tags with commas.
        </p>
        <input
          id="annotation-tags"
          aria-describedby="annotation-tags-hint"
          value={tags}
          onChange={(event) => setTags(event.target.value)}
          placeholder="bluff, security treaty"
        />
      </div>
      <div className="form-field">
        <label htmlFor="annotation-audience">Who can see it</label>
        <select
          id="annotation-audience"
          value={choice}
          onChange={(event) => setChoice(event.target.value)}
        >
          <option value="private">Only me</option>
          {audience.groups.map((group) => (
            <option key={group.id} value={`group:${group.id}`}>
              Group: {group.name} ({group.courseTitle})
            </option>
          ))}
          {audience.courses.map((course) => (
            <option key={course.id} value={`course:${course.id}`}>
              Course: {course.title}
            </option>
          ))}
          <option value="public">Everyone signed in</option>
        </select>
      </div>
      <div className="form-actions">
        <button type="submit" disabled={saving}>
          {saving ? "Saving…" : "Save"}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            local.discard();
            onCancel();
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}

export function audienceKey(
  visibility: Visibility,
  courseId: string | null,
  groupId: string | null,
): string {
  if (visibility === "course" && courseId) return `course:${courseId}`;
  if (visibility === "group" && groupId) return `group:${groupId}`;
  return visibility;
}
