import { escapeHtml } from "@/lib/format/html";
import { segmentText, type Span } from "./segments";

// The reader's highlights as HTML, shared by the server (the transcript's first render) and the
// browser (repainting after a classmate's change), so both write the same markup.

/**
 * Markup placed between characters of a text without adding to its text content (a footnote's
 * reference button, a page break): `html` is inserted at offset `at`.
 */
export interface Insert {
  at: number;
  html: string;
}

/** One piece of text, highlighted when annotations cover it. */
function pieceHtml(text: string, ids: readonly string[]): string {
  const count = ids.length;
  if (count === 0) return escapeHtml(text);
  return (
    `<mark class='hl hl--${Math.min(count, 3)}' data-ids='${escapeHtml(ids.join(" "))}'` +
    (count > 1 ? ` data-count='${count}'` : "") +
    ` title='${count} annotation${count === 1 ? "" : "s"}' tabindex='0'>` +
    `${escapeHtml(text)}</mark>`
  );
}

/**
 * Overlapping highlights: each piece is shaded by how many notes cover it, and shows the count.
 * Inserts go between the pieces (a highlight around one is split in two), so the text content
 * of the result is exactly `text`.
 */
export function highlightsHtml(
  text: string,
  spans: readonly Span[],
  inserts: readonly Insert[] = [],
): string {
  if (spans.length === 0 && inserts.length === 0) return escapeHtml(text);
  const sorted = [...inserts].sort((a, b) => a.at - b.at);
  let html = "";
  let next = 0;
  for (const segment of segmentText(text, spans)) {
    const end = segment.start + segment.text.length;
    let from = segment.start;
    while (next < sorted.length && sorted[next]!.at < end) {
      const at = Math.max(sorted[next]!.at, segment.start);
      if (at > from) html += pieceHtml(text.slice(from, at), segment.ids);
      html += sorted[next]!.html;
      from = at;
      next += 1;
    }
    if (end > from) html += pieceHtml(text.slice(from, end), segment.ids);
  }
  for (; next < sorted.length; next += 1) html += sorted[next]!.html;
  return html;
}
