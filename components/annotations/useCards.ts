"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { fetchCards } from "@/lib/reader/fetch-answers";
import type { PanelAnnotation } from "@/lib/reader/types";

/** As many as the server answers at once (MAX_CARDS_PER_REQUEST in lib/limits.ts). */
const BATCH = 100;
const LOAD_PAUSE_MS = 60;

/**
 * The cards of the notes the panel shows, loaded as they come into view and kept. `generation`
 * changes whenever the page's data is refreshed (a note saved, a reply, a classmate's change
 * announced live): every kept card is then stale, stays on screen, and is loaded again when
 * shown. A note that comes back no longer readable is kept as null (nothing to show).
 */
/**
 * A new value each time the page's data changes. `{ stale }`: only those notes changed (a change
 * heard live), so only their cards load again; anything else: every card is stale.
 */
export type CardsGeneration = unknown;

const partial = (generation: unknown): ReadonlySet<string> | null => {
  const stale = (generation as { stale?: unknown } | null)?.stale;
  return stale instanceof Set ? (stale as ReadonlySet<string>) : null;
};

export function useCards(
  documentSlug: string,
  ids: readonly string[],
  generation: CardsGeneration,
) {
  const [cards, setCards] = useState<ReadonlyMap<string, PanelAnnotation | null>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const round = useRef(0);
  const fresh = useRef(new Set<string>());
  const loading = useRef(new Set<string>());

  // Effects run in order: a new generation is marked before the loading effect looks.
  useEffect(() => {
    const stale = partial(generation);
    if (stale) {
      // Answers on their way for other notes are still good; the changed ones load again.
      for (const id of stale) {
        fresh.current.delete(id);
        loading.current.delete(id);
      }
      return;
    }
    round.current += 1;
    fresh.current = new Set();
    loading.current = new Set();
  }, [generation]);

  const wanted = ids.join(",");
  useEffect(() => {
    // A moment's pause, so that scrolling through many turns asks once where it stops.
    const timer = setTimeout(() => {
      const missing = ids.filter((id) => !fresh.current.has(id) && !loading.current.has(id));
      const started = round.current;
      for (let at = 0; at < missing.length; at += BATCH) {
        const batch = missing.slice(at, at + BATCH);
        batch.forEach((id) => loading.current.add(id));
        fetchCards(documentSlug, batch)
          .then((loaded) => {
            // An answer from before the page's data changed: the newer request has it.
            if (round.current !== started) return;
            setError(null);
            setCards((previous) => {
              const next = new Map(previous);
              batch.forEach((id) => next.set(id, null));
              loaded.forEach((card) => next.set(card.id, card));
              return next;
            });
            batch.forEach((id) => fresh.current.add(id));
          })
          .catch((failure: unknown) =>
            setError(failure instanceof Error ? failure.message : String(failure)),
          )
          .finally(() => {
            if (round.current === started) batch.forEach((id) => loading.current.delete(id));
          });
      }
    }, LOAD_PAUSE_MS);
    return () => clearTimeout(timer);
    // `wanted` stands for `ids`; `attempt` is a retry after a failure.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [documentSlug, wanted, generation, attempt]);

  const retry = useCallback(() => {
    setError(null);
    setAttempt((count) => count + 1);
  }, []);
  return { cards, error, retry };
}
