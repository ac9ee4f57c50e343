"use client";

import { highlightsHtml, type Insert } from "@/lib/annotations/highlights";
import { segmentText, type Span } from "@/lib/annotations/segments";

/** Footnote buttons and page breaks inside an utterance: markup without text (Transcript.tsx). */
const isApparatus = (node: Node): node is HTMLElement =>
  node instanceof HTMLElement && node.classList.contains("apparatus");

/**
 * What an utterance shows: its pieces of plain and highlighted text, in order. A highlight that
 * an apparatus element splits in two counts as one piece.
 */
function shownPieces(utterance: Element): string {
  const pieces: { key: string; length: number }[] = [];
  for (const node of utterance.childNodes) {
    if (isApparatus(node)) continue;
    const key =
      node instanceof HTMLElement && node.matches("mark.hl") ? `m${node.dataset.ids}` : "t";
    const length = node.textContent?.length ?? 0;
    const last = pieces.at(-1);
    if (last?.key === key) last.length += length;
    else pieces.push({ key, length });
  }
  return pieces.map((piece) => `${piece.key}:${piece.length}`).join("|");
}

/** The apparatus elements of an utterance, with the offsets in its text where they stand. */
function apparatusOf(utterance: Element): Insert[] {
  const inserts: Insert[] = [];
  let offset = 0;
  for (const node of utterance.childNodes) {
    if (isApparatus(node)) inserts.push({ at: offset, html: node.outerHTML });
    else offset += node.textContent?.length ?? 0;
  }
  return inserts;
}

function wantedPieces(text: string, spans: readonly Span[]): string {
  return segmentText(text, spans)
    .map((piece) =>
      piece.ids.length > 0
        ? `m${piece.ids.join(" ")}:${piece.text.length}`
        : `t:${piece.text.length}`,
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
      utterance.innerHTML = highlightsHtml(text, wanted, apparatusOf(utterance));
  }
}
