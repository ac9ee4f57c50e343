"use client";

import { useEffect, useRef } from "react";
import { listDrafts } from "@/lib/drafts/local-drafts";
import type { Draft } from "./EditorForm";
import type { PanelAnnotation } from "./types";

/**
 * Once per page load: the most recent note draft this browser keeps for the document (typed,
 * or saved while the server was out of reach) is handed to `reopen` as an editor to open.
 */
export function useRestoredDraft(
  scope: { userId: string; documentSlug: string } | null,
  annotations: PanelAnnotation[],
  reopen: (draft: Draft) => void,
) {
  const done = useRef(false);
  useEffect(() => {
    if (!scope || done.current) return;
    done.current = true;
    for (const { draft } of listDrafts(window.localStorage, scope.userId, scope.documentSlug)) {
      const target = draft.target;
      if (target.kind === "new")
        return reopen({ mode: "new", range: target.range, quote: target.quote });
      if (target.kind === "document") return reopen({ mode: "document" });
      if (target.kind === "edit") {
        const annotation = annotations.find((item) => item.id === target.annotationId);
        if (annotation && annotation.mine) return reopen({ mode: "edit", annotation });
      }
    }
    // Only the first render's list matters; later ones come from saving.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scope]);
}
