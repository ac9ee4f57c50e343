"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  deleteAnnotationAction,
  hideAnnotationAction,
  restoreAnnotationAction,
} from "@/app/actions/annotations";
import type { PanelAnnotation } from "@/lib/reader/types";

/**
 * What a card's buttons do: delete (kept in `deleted` for ten minutes of undo), restore, and an
 * instructor's hide or show. Each says what happened through `say` and refreshes the page.
 */
export function useCardActions(documentSlug: string, say: (message: string) => void) {
  const router = useRouter();
  const [deleted, setDeleted] = useState<PanelAnnotation[]>([]);
  return {
    deleted,
    onDelete: async (annotation: PanelAnnotation) => {
      const outcome = await deleteAnnotationAction(documentSlug, annotation.id);
      if (!outcome.ok) return say(outcome.error);
      setDeleted((list) => [...list, annotation]);
      say("Annotation deleted. You can undo this for 10 minutes.");
      router.refresh();
    },
    onUndo: async (annotation: PanelAnnotation) => {
      const outcome = await restoreAnnotationAction(documentSlug, annotation.id);
      if (!outcome.ok) return say(outcome.error);
      setDeleted((list) => list.filter((item) => item.id !== annotation.id));
      say("Annotation restored.");
      router.refresh();
    },
    onHide: async (annotation: PanelAnnotation) => {
      const outcome = await hideAnnotationAction(documentSlug, annotation.id, !annotation.hidden);
      say(
        outcome.ok
          ? annotation.hidden
            ? "Shown to the class again."
            : "Hidden from the class."
          : outcome.error,
      );
      router.refresh();
    },
  };
}
