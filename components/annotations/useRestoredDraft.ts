"use client";

import { useEffect, useRef } from "react";
import { listDrafts } from "@/lib/browser/local-drafts";
import type { Draft } from "@/lib/reader/types";
import type { PanelIndexEntry } from "@/lib/reader/types";
import { fetchCards } from "@/lib/reader/fetch-answers";

/**
 * Once per page load: the most recent note draft this browser keeps for the document (typed,
 * or saved while the server was out of reach) is handed to `reopen` as an editor to open.
 */
export function useRestoredDraft(
  scope: { userId: string; documentSlug: string } | null,
  index: PanelIndexEntry[],
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
      if (
        target.kind === "edit" &&
        index.some((item) => item.id === target.annotationId && item.mine)
      ) {
        // The editor needs the note's card (its text and version), which the panel loads.
        void fetchCards(scope.documentSlug, [target.annotationId])
          .then(([annotation]) => {
            if (annotation?.mine) reopen({ mode: "edit", annotation });
          })
          .catch(() => {}); // unreachable: the draft stays kept for the next visit
        return;
      }
    }
    // Only the first render's list matters; later ones come from saving.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scope]);
}
