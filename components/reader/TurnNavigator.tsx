"use client";

import { useEffect } from "react";

/** j / k move the focus to the next / previous turn, as in mail readers; the URL follows. */
export function TurnNavigator() {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key !== "j" && event.key !== "k") return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable='true']")) return;
      const turns = Array.from(document.querySelectorAll<HTMLElement>(".transcript > .turn"));
      if (turns.length === 0) return;
      const current = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>(".turn");
      let index = current
        ? turns.indexOf(current)
        : firstVisible(turns) - (event.key === "j" ? 1 : 0);
      index += event.key === "j" ? 1 : -1;
      const next = turns[Math.max(0, Math.min(turns.length - 1, index))];
      if (!next) return;
      event.preventDefault();
      next.focus({ preventScroll: true });
      next.scrollIntoView({ block: "nearest" });
      history.replaceState(null, "", `#${next.id}`);
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
  return null;
}

function firstVisible(turns: HTMLElement[]): number {
  const index = turns.findIndex((turn) => turn.getBoundingClientRect().bottom > 0);
  return index === -1 ? 0 : index;
}
