// A short passage of a longer text for lists (notifications, digests): whitespace collapsed, cut
// at a word boundary, an ellipsis when something was left out. Word boundaries come from
// Intl.Segmenter, so Japanese and Chinese quotes (no spaces) are cut between words too.

const words = new Intl.Segmenter("und", { granularity: "word" });

/** The text whole if it fits in `max` characters, else its longest word-boundary prefix + "…". */
export function excerpt(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  let cut = 0;
  for (const segment of words.segment(flat)) {
    const end = segment.index + segment.segment.length;
    if (end > max - 1) break;
    if (segment.isWordLike) cut = end;
  }
  // One word longer than the whole budget: cut inside it rather than show nothing.
  const head = (cut > 0 ? flat.slice(0, cut) : flat.slice(0, max - 1)).replace(
    /[\s,;:.–—-]+$/u,
    "",
  );
  return `${head}…`;
}
