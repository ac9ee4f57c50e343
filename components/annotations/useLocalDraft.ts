"use client";

import { createContext, useCallback, useContext, useEffect, useRef, useState } from "react";
import {
  draftKey,
  hasText,
  newClientId,
  readDraft,
  removeDraft,
  retryDelay,
  writeDraft,
  type DraftTarget,
  type StoredDraft,
} from "@/lib/browser/local-drafts";

// Offline drafts for the note and reply editors: what is typed is kept in localStorage (per user,
// document and place), restored when the editor opens again, and removed only once the server
// has acknowledged the save. A save that cannot reach the server stays pending and is sent again
// when the browser comes back online, on a backoff timer, or with "Send now".

/** Who is writing on which document; absent when signed out (nothing is kept then). */
export const DraftScope = createContext<{ userId: string; documentSlug: string } | null>(null);

/** Thrown by a save whose request never got an answer: the draft stays and is sent later. */
export class UnreachableError extends Error {}

export type DraftFields = Pick<StoredDraft, "body" | "tags" | "audience">;

/** What the save function answers: null when saved, else the server's refusal. */
type Save = (clientId: string) => Promise<string | null>;

export const KEPT_MESSAGE =
  "Not saved yet — kept on this device; will send when the connection is back.";

export function useLocalDraft(target: DraftTarget) {
  const scope = useContext(DraftScope);
  const key = scope ? draftKey(scope.userId, scope.documentSlug, target) : null;
  // Editors mount only in the browser (after a click or a restore), so storage is readable here.
  const [restored] = useState(() =>
    key && typeof window !== "undefined" ? readDraft(window.localStorage, key) : null,
  );
  const [pending, setPending] = useState(Boolean(restored?.pending));
  const [storageFailed, setStorageFailed] = useState(false);
  const [sending, setSending] = useState(false);
  const state = useRef({
    fields: (restored ?? { body: undefined }) as DraftFields,
    clientId: restored?.clientId,
    pending: Boolean(restored?.pending),
    sending: false,
    done: false,
    lastSave: null as Save | null,
    timer: undefined as ReturnType<typeof setTimeout> | undefined,
  });

  const write = useCallback(() => {
    const current = state.current;
    clearTimeout(current.timer);
    if (!key || current.done) return;
    if (!current.pending && !hasText(current.fields.body)) {
      removeDraft(window.localStorage, key);
      return;
    }
    const ok = writeDraft(window.localStorage, key, {
      target,
      ...current.fields,
      clientId: current.clientId,
      pending: current.pending,
      updatedAt: Date.now(),
    });
    setStorageFailed(!ok);
    // The target is fixed for one editor (its key says so).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  /** Remember the latest text; written shortly after typing stops, and on leaving the page. */
  const keep = useCallback(
    (fields: Partial<DraftFields>) => {
      const current = state.current;
      current.fields = { ...current.fields, ...fields };
      clearTimeout(current.timer);
      current.timer = setTimeout(write, 300);
    },
    [write],
  );

  /** The draft is no longer wanted (cancelled by the user). */
  const discard = useCallback(() => {
    state.current.done = true;
    clearTimeout(state.current.timer);
    if (key) removeDraft(window.localStorage, key);
  }, [key]);

  /**
   * Save through `save`, with one client id for every attempt. Returns the server's refusal (the
   * draft stays, not pending), or null: saved (the draft is gone) or kept for a later attempt.
   */
  const send = useCallback(
    async (save: Save): Promise<string | null> => {
      const current = state.current;
      current.lastSave = save;
      if (current.sending || current.done) return null;
      current.sending = true;
      setSending(true);
      current.clientId ??= newClientId();
      current.pending = true;
      write(); // before the request: a reload during it must find the note
      let refusal: string | null;
      try {
        refusal = await save(current.clientId);
      } catch {
        current.sending = false;
        setSending(false);
        setPending(true);
        return null;
      }
      current.sending = false;
      setSending(false);
      current.pending = false;
      setPending(false);
      if (refusal) {
        write();
        return refusal;
      }
      discard();
      return null;
    },
    [write, discard],
  );

  // While pending: try again when the browser says it is back online, and on a backoff timer.
  useEffect(() => {
    if (!pending) return;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout>;
    const retry = () => {
      const save = state.current.lastSave;
      if (save) void send(save);
    };
    const schedule = () => {
      timer = setTimeout(() => {
        retry();
        attempt += 1;
        schedule();
      }, retryDelay(attempt));
    };
    schedule();
    window.addEventListener("online", retry);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("online", retry);
    };
  }, [pending, send]);

  // Leaving the page or closing the editor: write what is still waiting for the timer.
  useEffect(() => {
    const flush = () => {
      if (state.current.timer !== undefined) write();
    };
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, [write]);

  return {
    /** What was kept from an earlier visit (text, tags, audience), or null. */
    restored,
    pending,
    sending,
    storageFailed,
    keep,
    send,
    discard,
    /** For "Send now" and for a restored pending note that has no save function yet. */
    setSave: (save: Save) => (state.current.lastSave = save),
  };
}
