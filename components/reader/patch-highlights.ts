"use client";

import type { Span } from "@/lib/annotations/segments";
import { repaintHighlights } from "./repaint-highlights";

/** The highlights a turn shows now, read back from its marks (each note's span is contiguous). */
function shownSpans(utterance: Element): Span[] {
  const spans = new Map<string, Span>();
  let offset = 0;
  for (const node of utterance.childNodes) {
    if (node instanceof HTMLElement && node.classList.contains("apparatus")) continue;
    const length = node.textContent?.length ?? 0;
    if (node instanceof HTMLElement && node.matches("mark.hl")) {
      for (const id of (node.dataset.ids ?? "").split(" ").filter(Boolean)) {
        const span = spans.get(id);
        if (span) span.end = offset + length;
        else spans.set(id, { id, start: offset, end: offset + length });
      }
    }
    offset += length;
  }
  return [...spans.values()];
}

/**
 * Repaint only the turns a few changed notes touch: the turns where they are shown now and the
 * turns where they belong now. Other notes' highlights in those turns are kept as shown.
 */
export function patchHighlights(
  upserts: ReadonlyMap<string, { spans: Record<string, readonly Span[]> }>,
  removed: ReadonlySet<string>,
) {
  const changed = new Set([...upserts.keys(), ...removed]);
  if (changed.size === 0) return;
  const anchors = new Set<string>();
  for (const id of changed)
    for (const mark of document.querySelectorAll<HTMLElement>(
      `.transcript mark.hl[data-ids~="${CSS.escape(id)}"]`,
    )) {
      const turn = mark.closest<HTMLElement>(".transcript > .turn");
      if (turn) anchors.add(turn.id.slice(2));
    }
  for (const { spans } of upserts.values())
    for (const anchor of Object.keys(spans)) anchors.add(anchor);
  const wanted: Record<string, Span[]> = {};
  for (const anchor of anchors) {
    const utterance = document.getElementById(`t-${anchor}`)?.querySelector(".utterance");
    if (!utterance) continue;
    wanted[anchor] = [
      ...shownSpans(utterance).filter((span) => !changed.has(span.id)),
      ...[...upserts.values()].flatMap(({ spans }) => spans[anchor] ?? []),
    ];
  }
  repaintHighlights(wanted, new Set(Object.keys(wanted)));
}
