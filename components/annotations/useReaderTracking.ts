"use client";

import { useEffect, useRef, useState } from "react";

const TURNS = ".transcript > .turn";

/** The anchor number of a turn element (`id="t-12"`). */
export const anchorOfTurn = (turn: Element) => Number(turn.id.slice(2));

/** Which turns are on screen, so the panel follows the reading. */
export function useVisibleTurns(refreshKey: unknown): Set<number> {
  const [visible, setVisible] = useState<Set<number>>(new Set());
  useEffect(() => {
    const seen = new Set<number>();
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const anchor = anchorOfTurn(entry.target);
        if (entry.isIntersecting) seen.add(anchor);
        else seen.delete(anchor);
      }
      setVisible(new Set(seen));
    });
    document.querySelectorAll(TURNS).forEach((turn) => observer.observe(turn));
    return () => observer.disconnect();
  }, [refreshKey]);
  return visible;
}

/** The turn a reader last focused or clicked: "Discuss a whole turn" starts there. */
export function useLastTurn() {
  const lastTurn = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const remember = (event: Event) => {
      const turn = (event.target as HTMLElement | null)?.closest?.<HTMLElement>(TURNS);
      if (turn) lastTurn.current = turn;
    };
    document.addEventListener("focusin", remember);
    document.addEventListener("click", remember);
    return () => {
      document.removeEventListener("focusin", remember);
      document.removeEventListener("click", remember);
    };
  }, []);
  return lastTurn;
}

/**
 * Highlights: hovering, focusing or clicking one brings its notes forward in the panel;
 * `onChoose` hears a deliberate click or tap (on a phone it opens the notes' sheet).
 */
export function useHighlightActivation(onChoose: () => void): string[] {
  const [activeIds, setActiveIds] = useState<string[]>([]);
  useEffect(() => {
    function activate(event: Event) {
      const mark = (event.target as HTMLElement | null)?.closest?.<HTMLElement>("mark.hl");
      if (!mark?.dataset.ids) return;
      setActiveIds(mark.dataset.ids.split(" "));
      const selection = window.getSelection();
      if (event.type === "click" && (!selection || selection.isCollapsed)) onChoose();
    }
    document.addEventListener("mouseover", activate);
    document.addEventListener("focusin", activate);
    document.addEventListener("click", activate);
    return () => {
      document.removeEventListener("mouseover", activate);
      document.removeEventListener("focusin", activate);
      document.removeEventListener("click", activate);
    };
  }, [onChoose]);
  return activeIds;
}

export { TURNS as TURN_SELECTOR };
