"use client";

import { createAnnotationAction, updateAnnotationAction } from "@/app/actions/annotations";
import type { Audience, Draft } from "@/lib/reader/types";
import { EditorForm } from "./EditorForm";
import { UnreachableError } from "./useLocalDraft";

/**
 * The panel's editor on a draft: a new note on a selection, a discussion of the whole document,
 * or an edit. Saving goes through the server actions; a save that got no answer (or failed on the
 * server) throws UnreachableError so the editor keeps the note and retries.
 */
export function DraftEditor({
  draft,
  documentSlug,
  audience,
  defaultAudience,
  onCancel,
  onSaved,
}: {
  draft: Draft;
  documentSlug: string;
  audience: Audience;
  defaultAudience?: string;
  onCancel: () => void;
  /** Saved: what to announce, and the card to focus once it has loaded. */
  onSaved: (message: string, focusId: string | null) => void;
}) {
  return (
    <EditorForm
      key={draftKey(draft)}
      draft={draft}
      audience={audience}
      defaultAudience={defaultAudience}
      onCancel={onCancel}
      onSave={async (values) => {
        const outcome = await (
          draft.mode === "new"
            ? createAnnotationAction({ documentSlug, selection: draft.range, ...values })
            : draft.mode === "document"
              ? createAnnotationAction({ documentSlug, scope: "document", ...values })
              : updateAnnotationAction(documentSlug, draft.annotation.id, {
                  version: draft.annotation.version,
                  ...values,
                })
        ).catch((error: unknown) => {
          throw new UnreachableError(String(error));
        });
        // No answer, or a failure on the server: the editor keeps the note and retries.
        if (!outcome.ok && outcome.code === "unavailable")
          throw new UnreachableError(outcome.error);
        if (!outcome.ok) return outcome.error;
        onSaved(
          draft.mode === "edit" ? "Changes saved." : "Annotation saved.",
          draft.mode === "edit" ? draft.annotation.id : savedId(outcome.value),
        );
        return null;
      }}
    />
  );
}

/** A new editor for a new target: the key changes with what is being written about. */
function draftKey(draft: Draft): string {
  if (draft.mode === "edit") return draft.annotation.id;
  if (draft.mode === "document") return "document";
  return `${draft.range.start.turnAnchor}:${draft.range.start.offset}:${draft.range.end.offset}`;
}

/** The id of a note just created (an update answers without one). */
function savedId(value: unknown): string | null {
  return typeof value === "object" && value !== null && "id" in value
    ? String((value as { id: unknown }).id)
    : null;
}
