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
export function repaintHighlights(
  spans: Readonly<Record<string, readonly Span[]>>,
  /** Only these turns (anchors); the others are left as they are. */
  only?: ReadonlySet<string>,
) {
  const selection = window.getSelection();
  for (const turn of document.querySelectorAll<HTMLElement>(".transcript > .turn")) {
    if (only && !only.has(turn.id.slice(2))) continue;
    const utterance = turn.querySelector(".utterance");
    if (!utterance) continue;
    const text = utterance.textContent ?? "";
    const wanted = spans[turn.id.slice(2)] ?? [];
    if (shownPieces(utterance) === wantedPieces(text, wanted)) continue;
    // The reader may be selecting words in this very turn: keep the selection across the repaint.
    const kept = selectionIn(utterance, selection);
    utterance.innerHTML = highlightsHtml(text, wanted, apparatusOf(utterance));
    if (kept && selection) restoreSelection(utterance, selection, kept);
  }
}

/** A boundary of the selection inside `root`, as a character offset into its text. */
function offsetOf(root: Element, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null;
  const range = document.createRange();
  range.setStart(root, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

function selectionIn(root: Element, selection: Selection | null) {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const start = offsetOf(root, range.startContainer, range.startOffset);
  const end = offsetOf(root, range.endContainer, range.endOffset);
  // Only a selection wholly inside this turn is rebuilt; one that spans turns keeps its other
  // end, which is enough for the reader to see it and extend it again.
  return start === null || end === null ? null : { start, end };
}

/** The text node and offset at a character offset into `root`. */
function pointAt(root: Element, wanted: number): [Node, number] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0;
  let last: Node = root;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (wanted <= seen + length) return [node, wanted - seen];
    seen += length;
    last = node;
  }
  return [last, last.textContent?.length ?? 0];
}

function restoreSelection(
  root: Element,
  selection: Selection,
  kept: { start: number; end: number },
) {
  const range = document.createRange();
  range.setStart(...pointAt(root, kept.start));
  range.setEnd(...pointAt(root, kept.end));
  selection.removeAllRanges();
  selection.addRange(range);
}
