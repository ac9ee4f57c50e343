"use client";

import { useEffect, useRef, useState } from "react";

/**
 * Keeps the discussion current: listens to the document's event stream and calls `onChange` when
 * a classmate posts, edits or deletes. After a dropped connection the
 * browser reconnects by itself and the page catches up with one reload.
 */
export function LiveUpdates({
  documentSlug,
  onChange,
}: {
  documentSlug: string;
  /** Bring the page's notes up to date (the reader reloads its index, not the whole page). */
  onChange: () => void;
}) {
  const [state, setState] = useState<"connecting" | "live" | "reconnecting">("connecting");
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The latest callback, without reconnecting the stream when it changes.
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const source = new EventSource(`/api/documents/${encodeURIComponent(documentSlug)}/events`);
    let droppedOnce = false;
    // Several changes in quick succession (a reply and its notification) cost one reload, but a
    // steady stream of changes must not postpone it forever: reload at least every second.
    let firstWaiting = 0;
    const refresh = () => {
      const now = Date.now();
      if (!pending.current) firstWaiting = now;
      clearTimeout(pending.current);
      const wait = Math.max(0, Math.min(50, firstWaiting + 1000 - now));
      pending.current = setTimeout(() => {
        pending.current = undefined;
        changed.current();
      }, wait);
    };
    source.addEventListener("ready", () => {
      setState("live");
      if (droppedOnce) refresh();
    });
    source.addEventListener("changed", refresh);
    source.addEventListener("reconnected", refresh);
    source.onerror = () => {
      droppedOnce = true;
      setState("reconnecting");
    };
    return () => {
      clearTimeout(pending.current);
      source.close();
    };
  }, [documentSlug]);

  return (
    <p className={`live-status live-status--${state}`} data-live={state}>
      {state === "live"
        ? "Live: new notes appear as they are posted."
        : state === "reconnecting"
          ? "Reconnecting…"
          : "Connecting…"}
    </p>
  );
}
