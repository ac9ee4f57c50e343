// Browser-side: turn a DOM selection inside the transcript into turn anchors and text offsets,
// the form the server's anchoring module understands. Offsets count the characters of a turn's
// `.utterance` text, whatever highlight marks split it into. Browser-only (lib/browser/): it
// reads the DOM, so server code never imports this folder.

import type { TurnPoint } from "@/lib/anchoring/types";

function turnOf(node: Node): HTMLElement | null {
  const element = node instanceof Element ? node : node.parentElement;
  return element?.closest<HTMLElement>(".transcript > .turn") ?? null;
}

function anchorOf(turn: HTMLElement): number {
  return Number(turn.id.replace(/^t-/, ""));
}

/** Characters of the turn's utterance before (node, offset); clamped to the utterance. */
function offsetIn(turn: HTMLElement, node: Node, offset: number, edge: "start" | "end"): number {
  const utterance = turn.querySelector<HTMLElement>(".utterance");
  if (!utterance) return 0;
  const length = utterance.textContent?.length ?? 0;
  if (!utterance.contains(node)) {
    // A boundary on the speaker label or margin: before the text, or after it.
    const position = utterance.compareDocumentPosition(node);
    const before = position & Node.DOCUMENT_POSITION_PRECEDING;
    return before ? 0 : edge === "end" ? length : length;
  }
  const range = document.createRange();
  range.setStart(utterance, 0);
  range.setEnd(node, offset);
  return Math.min(range.toString().length, length);
}

/** The selection as turn points, or null when it is empty or outside the transcript. */
export function selectionToTurnRange(
  selection: Selection | null,
): { start: TurnPoint; end: TurnPoint } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const startTurn = turnOf(range.startContainer);
  const endTurn = turnOf(range.endContainer);
  if (!startTurn || !endTurn) return null;
  const start = {
    turnAnchor: anchorOf(startTurn),
    offset: offsetIn(startTurn, range.startContainer, range.startOffset, "start"),
  };
  const end = {
    turnAnchor: anchorOf(endTurn),
    offset: offsetIn(endTurn, range.endContainer, range.endOffset, "end"),
  };
  if (startTurn === endTurn && start.offset === end.offset) return null;
  return { start, end };
}
