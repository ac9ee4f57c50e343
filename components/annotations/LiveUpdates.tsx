"use client";

import { useEffect, useRef, useState } from "react";
import type { LiveChange } from "./live-change";

/**
 * Keeps the discussion current: listens to the document's event stream and calls `onChange` with
 * what changed when a classmate posts, edits or deletes (only notes this reader may read). After
 * a dropped connection the browser reconnects by itself and `onChange(null)` asks the page to
 * catch up with its whole index once.
 */
export function LiveUpdates({
  documentSlug,
  onChange,
}: {
  documentSlug: string;
  /** Apply these changes; null: reload the whole index (after a lost connection). */
  onChange: (changes: LiveChange[] | null) => void;
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
    let heard: LiveChange[] | null = [];
    const refresh = (change?: LiveChange) => {
      if (!change) heard = null;
      else heard?.push(change);
      const now = Date.now();
      if (!pending.current) firstWaiting = now;
      clearTimeout(pending.current);
      const wait = Math.max(0, Math.min(50, firstWaiting + 1000 - now));
      pending.current = setTimeout(() => {
        pending.current = undefined;
        const changes = heard;
        heard = [];
        changed.current(changes);
      }, wait);
    };
    source.addEventListener("ready", () => {
      setState("live");
      if (droppedOnce) refresh();
    });
    source.addEventListener("changed", (event) => {
      let change: Partial<LiveChange> | null = null;
      try {
        change = JSON.parse((event as MessageEvent<string>).data) as Partial<LiveChange>;
      } catch {
        // not a change this page understands: reload the index below
      }
      refresh(
        change && ("upsert" in change || "remove" in change) ? (change as LiveChange) : undefined,
      );
    });
    source.addEventListener("reconnected", () => refresh());
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
