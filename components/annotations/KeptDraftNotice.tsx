"use client";

import type { DraftTarget } from "@/lib/browser/local-drafts";
import type { Draft } from "@/lib/reader/types";
import { KEPT_MESSAGE, type useLocalDraft } from "./useLocalDraft";

/** Where a note editor's draft belongs: its selection, the whole document, or the note edited. */
export function draftTargetOf(draft: Draft): DraftTarget {
  if (draft.mode === "new") return { kind: "new", range: draft.range, quote: draft.quote };
  if (draft.mode === "document") return { kind: "document" };
  return { kind: "edit", annotationId: draft.annotation.id };
}

/** "Not saved yet" with a way to try at once; or a warning when the browser keeps nothing. */
export function KeptDraftNotice({
  draft,
  onSendNow,
}: {
  draft: ReturnType<typeof useLocalDraft>;
  onSendNow: () => void;
}) {
  if (draft.pending)
    return (
      <div className="kept-draft" role="alert">
        <p>{KEPT_MESSAGE}</p>
        <button type="button" className="secondary" onClick={onSendNow} disabled={draft.sending}>
          {draft.sending ? "Sending…" : "Send now"}
        </button>
      </div>
    );
  if (draft.storageFailed)
    return (
      <p className="field-hint">
        This browser does not let Memcon keep a copy of your text: it is lost if the page closes.
      </p>
    );
  return null;
}
