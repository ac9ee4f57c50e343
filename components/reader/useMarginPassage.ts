"use client";

import { useCallback, useEffect, useRef, useState, type RefObject } from "react";

// The reader's margin controls (Cite, Link) act on "the current passage": the turn under the
// mouse, the tapped or focused turn (j/k, a permalink), or the turns a selection runs over. One
// small button follows it in the margin, rather than one per turn in the transcript's HTML,
// which stays lean for 2,000-turn documents (Transcript.tsx).

const TURN = ".transcript > .turn";

/** One turn (from = to) or a passage from one turn to another, first to last. */
export type Passage = { from: number; to: number };

export const singleTurn = (anchor: number): Passage => ({ from: anchor, to: anchor });

/** "turn 12" or "turns 12–14", for buttons' names and headings. */
export const passageName = ({ from, to }: Passage) =>
  from === to ? `turn ${from}` : `turns ${from}–${to}`;

/** The turn number of the turn holding `node` ("t-12" gives 12), or null. */
export function anchorOf(node: EventTarget | null): number | null {
  const element = node instanceof Element ? node : node instanceof Node ? node.parentElement : null;
  const match = element?.closest<HTMLElement>(TURN)?.id.match(/^t-(\d+)$/);
  return match ? Number(match[1]) : null;
}

/** The turns the reader's selection runs over, first to last, when it is in the transcript. */
export function selectedTurns(): Passage | null {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const from = anchorOf(range.startContainer);
  const to = anchorOf(range.endContainer);
  return from !== null && to !== null ? { from: Math.min(from, to), to: Math.max(from, to) } : null;
}

/**
 * The current passage and where its first turn's margin is, measured against `frame` (the
 * control's own zero-height box, so it holds whatever the page's layout).
 */
export function useMarginPassage(): {
  active: Passage | null;
  place: { top: number; left: number } | null;
  frame: RefObject<HTMLDivElement | null>;
} {
  const [active, setActive] = useState<Passage | null>(null);
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);
  const frame = useRef<HTMLDivElement>(null);

  const measure = useCallback(() => {
    if (active === null || !frame.current) return setPlace(null);
    const turn = document.getElementById(`t-${active.from}`);
    if (!turn) return setActive(null);
    const origin = frame.current.getBoundingClientRect();
    const box = turn.getBoundingClientRect();
    setPlace({ top: box.top - origin.top, left: box.left - origin.left });
  }, [active]);

  useEffect(() => {
    const transcript = document.querySelector(".transcript");
    // Measured when observing starts (a ResizeObserver reports the size it starts with), then
    // whenever the transcript's size changes (turns off screen take their real height only once
    // drawn, content-visibility) and when the window's does.
    const observer = new ResizeObserver(measure);
    if (transcript) observer.observe(transcript);
    window.addEventListener("resize", measure);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", measure);
    };
  }, [measure]);

  useEffect(() => {
    const fromHash = () => {
      const match = location.hash.match(/^#t-(\d+)$/);
      if (match) setActive(singleTurn(Number(match[1])));
    };
    fromHash();
    const onPointerOver = (event: PointerEvent) => {
      // While text is selected, the button stays with the selection on the way to it.
      if (event.pointerType !== "mouse" || selectedTurns()) return;
      const anchor = anchorOf(event.target);
      if (anchor !== null) setActive(singleTurn(anchor));
    };
    // A tap (or click) on a turn, or the focus reaching it (j/k, a permalink), makes it current.
    const onTarget = (event: Event) => {
      const anchor = anchorOf(event.target);
      if (anchor !== null && !selectedTurns()) setActive(singleTurn(anchor));
    };
    const onSelection = () => {
      const passage = selectedTurns();
      if (passage) setActive(passage);
    };
    document.addEventListener("pointerover", onPointerOver);
    document.addEventListener("click", onTarget);
    document.addEventListener("focusin", onTarget);
    document.addEventListener("selectionchange", onSelection);
    window.addEventListener("hashchange", fromHash);
    return () => {
      document.removeEventListener("pointerover", onPointerOver);
      document.removeEventListener("click", onTarget);
      document.removeEventListener("focusin", onTarget);
      document.removeEventListener("selectionchange", onSelection);
      window.removeEventListener("hashchange", fromHash);
    };
  }, []);

  return { active, place, frame };
}
