// Escaping text into HTML: the one escaper behind every piece of HTML Memcon writes by hand
// (note bodies, highlights, LTI's auto-submitting forms).

const SPECIAL = /[&<>"']/;

/** Text as HTML, for text content and single- or double-quoted attributes. */
export function escapeHtml(text: string): string {
  // Most of a transcript's strings (labels, ids, words between apostrophes) need nothing: one
  // scan instead of five for them.
  if (!SPECIAL.test(text)) return text;
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
