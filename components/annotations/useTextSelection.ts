"use client";

import { useEffect, useState } from "react";
import type { TurnRange } from "@/lib/anchoring/types";
import { selectionToTurnRange } from "@/lib/browser/dom-selection";

/** A selection of transcript words, kept so that tapping a button cannot lose it. */
export interface TranscriptSelection {
  range: TurnRange;
  quote: string;
  /** The live DOM range: its rectangles follow the page as it scrolls. */
  domRange: Range;
}

/** Wait this long after the last change: touch handles and Shift+arrows change it many times. */
const SETTLE_MS = 120;

/**
 * The reader's current selection inside the transcript, however it was made: a mouse drag (only
 * once the button is released), the phone's selection handles, or the keyboard. Null when nothing
 * in the transcript is selected.
 */
export function useTextSelection(enabled: boolean): [TranscriptSelection | null, () => void] {
  const [selection, setSelection] = useState<TranscriptSelection | null>(null);

  useEffect(() => {
    if (!enabled) return;
    let pointerDown = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (pointerDown) return;
        const current = window.getSelection();
        const range = selectionToTurnRange(current);
        if (!range || !current) {
          // A click in the adder or the panel moves focus, not the transcript's selection.
          if (!current || current.isCollapsed) setSelection(null);
          return;
        }
        setSelection({
          range,
          quote: current.toString(),
          domRange: current.getRangeAt(0).cloneRange(),
        });
      }, SETTLE_MS);
    };
    const down = (event: PointerEvent) => {
      // Only a mouse drag is in progress while the button is held; a finger's selection is made
      // with the system's handles, which report through selectionchange.
      if (event.pointerType === "mouse" && event.button === 0) {
        if ((event.target as Element | null)?.closest?.(".selection-adder")) return;
        pointerDown = true;
        setSelection(null);
      }
    };
    const up = () => {
      if (!pointerDown) return;
      pointerDown = false;
      read();
    };
    document.addEventListener("selectionchange", read);
    document.addEventListener("pointerdown", down);
    document.addEventListener("pointerup", up);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("selectionchange", read);
      document.removeEventListener("pointerdown", down);
      document.removeEventListener("pointerup", up);
    };
  }, [enabled]);

  return [selection, () => setSelection(null)];
}
