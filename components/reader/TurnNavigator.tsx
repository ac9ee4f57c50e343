"use client";

import { useEffect } from "react";

/**
 * j / k move the focus to the next / previous turn, as in mail readers; the URL follows.
 * Also brings a permalinked turn (#t-12) into view once the page is laid out: turns off screen are
 * not rendered (content-visibility), so the browser's own jump to the anchor can land short.
 */
export function TurnNavigator() {
  useEffect(() => {
    function revealTarget() {
      const id = decodeURIComponent(location.hash.slice(1));
      const target = id.startsWith("t-") ? document.getElementById(id) : null;
      if (target) requestAnimationFrame(() => target.scrollIntoView({ block: "start" }));
    }
    revealTarget();
    window.addEventListener("hashchange", revealTarget);
    return () => window.removeEventListener("hashchange", revealTarget);
  }, []);

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
