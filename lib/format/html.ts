// Escaping text into HTML: the one escaper behind every piece of HTML Memcon writes by hand
// (note bodies, highlights, LTI's auto-submitting forms).

/** Text as HTML, for text content and single- or double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
