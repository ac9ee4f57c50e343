"use client";

import { useEffect, useState } from "react";

/** Keys typed into a field or the editor are the writer's, never the reader's shortcuts. */
export function isTyping(target: EventTarget | null): boolean {
  return Boolean(
    (target as HTMLElement | null)?.closest?.(
      "input, textarea, select, [contenteditable='true'], .note-editor",
    ),
  );
}

/**
 * Selecting with the keyboard: "v" on a focused turn puts a caret at its start; Shift+arrows
 * extend it (Ctrl or Alt: by word); Enter or "a" annotates, "h" highlights; Escape leaves. "a"
 * and "h" also act on any selection made otherwise. The adder appears beside a keyboard selection
 * as beside any other; these keys are shortcuts for its buttons.
 */
export function useKeyboardSelection(
  enabled: boolean,
  actions: { annotate: () => void; highlight: () => void },
): boolean {
  const [keyboardMode, setKeyboardMode] = useState(false);
  const { annotate, highlight } = actions;

  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      if (isTyping(event.target)) return;
      const selection = window.getSelection();
      if (keyboardMode && selection) {
        const granularity = event.ctrlKey || event.altKey ? "word" : "character";
        const moves: Record<string, [string, string]> = {
          ArrowRight: ["forward", granularity],
          ArrowLeft: ["backward", granularity],
          ArrowDown: ["forward", "line"],
          ArrowUp: ["backward", "line"],
        };
        const move = moves[event.key];
        if (move) {
          event.preventDefault();
          selection.modify(event.shiftKey ? "extend" : "move", move[0], move[1]);
          return;
        }
        if (event.key === "Escape") return setKeyboardMode(false);
        if (event.key === "Enter") {
          event.preventDefault();
          setKeyboardMode(false);
          return annotate();
        }
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === "v") {
        const turn = (document.activeElement as HTMLElement | null)?.closest(".transcript > .turn");
        const utterance = turn?.querySelector(".utterance");
        const first =
          utterance && document.createTreeWalker(utterance, NodeFilter.SHOW_TEXT).nextNode();
        if (first && selection) {
          event.preventDefault();
          selection.collapse(first, 0);
          setKeyboardMode(true);
        }
        return;
      }
      if ((event.key === "a" || event.key === "h") && selection && !selection.isCollapsed) {
        event.preventDefault();
        setKeyboardMode(false);
        if (event.key === "a") annotate();
        else highlight();
      }
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [enabled, keyboardMode, annotate, highlight]);

  return keyboardMode;
}
