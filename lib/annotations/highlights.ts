import { segmentText, type Span } from "./segments";

// The reader's highlights as HTML, shared by the server (the transcript's first render) and the
// browser (repainting after a classmate's change), so both write the same markup.

/** Text as HTML, for text content and single- or double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Overlapping highlights: each piece is shaded by how many notes cover it, and shows the count. */
export function highlightsHtml(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return escapeHtml(text);
  return segmentText(text, spans)
    .map((segment) => {
      const count = segment.ids.length;
      if (count === 0) return escapeHtml(segment.text);
      return (
        `<mark class='hl hl--${Math.min(count, 3)}' data-ids='${escapeHtml(segment.ids.join(" "))}'` +
        (count > 1 ? ` data-count='${count}'` : "") +
        ` title='${count} annotation${count === 1 ? "" : "s"}' tabindex='0'>` +
        `${escapeHtml(segment.text)}</mark>`
      );
    })
    .join("");
}
