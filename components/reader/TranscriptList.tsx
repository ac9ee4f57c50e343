"use client";

import { useEffect, useRef, useState } from "react";

/**
 * The transcript's list, from server-rendered HTML. React would set the whole list's innerHTML
 * again whenever the page refreshes (a note saved, a classmate's note arriving live): every turn
 * would be a new element, and with off-screen turns laid out lazily (content-visibility) the
 * reader would lose their place. So React renders the first HTML only, and later versions
 * replace just the turns that changed.
 */
export function TranscriptList({ html }: { html: string }) {
  const list = useRef<HTMLOListElement>(null);
  const [first] = useState(html);
  const shown = useRef(html);

  useEffect(() => {
    const current = list.current;
    if (!current || html === shown.current) return;
    shown.current = html;
    const next = document.createElement("ol");
    next.innerHTML = html; // the server's own markup: every text in it was escaped there
    replaceChangedItems(current, next);
  }, [html]);

  return (
    <ol
      ref={list}
      className="transcript"
      aria-label="Transcript"
      dangerouslySetInnerHTML={{ __html: first }}
    />
  );
}

/** Same turns (the usual case): swap the items that differ. Otherwise take the new list whole. */
function replaceChangedItems(current: HTMLOListElement, next: HTMLOListElement) {
  const before = [...current.children];
  const after = [...next.children];
  const sameTurns =
    before.length === after.length && before.every((item, index) => item.id === after[index]!.id);
  if (!sameTurns) {
    current.replaceChildren(...after);
    return;
  }
  before.forEach((item, index) => {
    if (!item.isEqualNode(after[index]!)) item.replaceWith(after[index]!);
  });
}
