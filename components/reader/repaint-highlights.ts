"use client";

import { highlightsHtml } from "@/lib/annotations/highlights";
import { segmentText, type Span } from "@/lib/annotations/segments";

/** What an utterance shows: its pieces of plain and highlighted text, in order. */
function shownPieces(utterance: Element): string {
  return [...utterance.childNodes]
    .map((node) =>
      node instanceof HTMLElement && node.matches("mark.hl")
        ? `m${node.dataset.ids}:${node.textContent?.length ?? 0}`
        : `t${node.textContent?.length ?? 0}`,
    )
    .join("|");
}

function wantedPieces(text: string, spans: readonly Span[]): string {
  return segmentText(text, spans)
    .map((piece) =>
      piece.ids.length > 0
        ? `m${piece.ids.join(" ")}:${piece.text.length}`
        : `t${piece.text.length}`,
    )
    .join("|");
}

/**
 * Bring the transcript's highlights up to date with `spans` (per turn anchor), touching only the
 * turns whose highlights changed: a classmate's new note repaints one turn, and the reader keeps
 * their place, selection and focus everywhere else.
 */
export function repaintHighlights(spans: Readonly<Record<string, readonly Span[]>>) {
  for (const turn of document.querySelectorAll<HTMLElement>(".transcript > .turn")) {
    const utterance = turn.querySelector(".utterance");
    if (!utterance) continue;
    const text = utterance.textContent ?? "";
    const wanted = spans[turn.id.slice(2)] ?? [];
    if (shownPieces(utterance) !== wantedPieces(text, wanted))
      utterance.innerHTML = highlightsHtml(text, wanted);
  }
}
