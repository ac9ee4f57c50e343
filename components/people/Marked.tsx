/** Text with each occurrence of `query` (any case) marked, for a search within a person's turns. */
export function Marked({ text, query }: { text: string; query?: string }) {
  if (!query) return <>{text}</>;
  const parts: React.ReactNode[] = [];
  const lower = text.toLowerCase();
  const wanted = query.toLowerCase();
  let at = 0;
  for (let found = lower.indexOf(wanted); found >= 0; found = lower.indexOf(wanted, at)) {
    parts.push(
      text.slice(at, found),
      <mark key={found}>{text.slice(found, found + query.length)}</mark>,
    );
    at = found + query.length;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

/** The start of a long text, cut at a word: the context before a turn. */
export function shortened(text: string, limit = 240): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), limit / 2))} …`;
}
