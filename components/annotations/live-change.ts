import type { Span } from "@/lib/annotations/segments";
import type { LiveChange } from "@/lib/reader/live-change-types";
import type { PanelIndexEntry } from "@/lib/reader/types";

export type { LiveChange };

/** Several changes heard together, folded: the last word on each note wins. */
export function foldChanges(changes: readonly LiveChange[]) {
  const upserts = new Map<string, { entry: PanelIndexEntry; spans: Record<string, Span[]> }>();
  const removed = new Set<string>();
  const cards = new Set<string>();
  for (const change of changes) {
    if ("remove" in change) {
      upserts.delete(change.remove);
      removed.add(change.remove);
      continue;
    }
    const id = change.upsert.entry.id;
    removed.delete(id);
    upserts.set(id, change.upsert);
    if (change.card) cards.add(change.card);
  }
  return { upserts, removed, cards };
}

/**
 * The index with the folded changes applied: replaced entries keep their place, new ones go
 * before the first entry that starts on a later turn (the index is in reading order).
 */
export function patchIndex(
  index: readonly PanelIndexEntry[],
  { upserts, removed }: ReturnType<typeof foldChanges>,
): PanelIndexEntry[] {
  const added = new Set(upserts.keys());
  const next: PanelIndexEntry[] = [];
  for (const entry of index) {
    if (removed.has(entry.id)) continue;
    const replaced = upserts.get(entry.id);
    next.push(replaced ? replaced.entry : entry);
    added.delete(entry.id);
  }
  for (const id of added) {
    const entry = upserts.get(id)!.entry;
    const first = entry.anchors[0];
    const at =
      first === undefined ? -1 : next.findIndex((other) => (other.anchors[0] ?? -1) > first);
    if (at < 0) next.push(entry);
    else next.splice(at, 0, entry);
  }
  return next;
}
