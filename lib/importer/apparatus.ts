import type { NoteRef, PageBreak, ParsedTurn } from "./types";

// The editors' apparatus inside a paragraph: footnote reference marks ("Aide-Memoire*2*",
// "recognition.1", TEI <note>) and page breaks ("[Page 278]", TEI <pb n="278"/>). They are not
// words anyone said: the parsers mark them in the paragraph's text with sentinels, and
// `extractApparatus` takes them out, keeping where they stood as offsets into the clean text.

/** Private-use characters that never occur in the sources: start and end of a sentinel. */
const OPEN = "\uE000";
const CLOSE = "\uE001";
const SENTINEL = /\uE000([np]):([^\uE001]*)\uE001/g;

/** A footnote's reference mark, as a sentinel to put in the text. */
export const noteSentinel = (label: string) => `${OPEN}n:${label}${CLOSE}`;
/** A page break (the page that begins here), as a sentinel to put in the text. */
export const pageSentinel = (page: string) => `${OPEN}p:${page}${CLOSE}`;

export type { NoteRef, PageBreak };

export interface Apparatus {
  text: string;
  notes: NoteRef[];
  pages: PageBreak[];
}

/**
 * The text without its sentinels, and where they stood. A page break standing between two words
 * takes one of the spaces around it with it, so "Secretary [Page 278] Herter’s" reads "Secretary
 * Herter’s" with page 278 beginning at "Herter’s".
 */
export function extractApparatus(marked: string): Apparatus {
  const notes: NoteRef[] = [];
  const pages: PageBreak[] = [];
  let text = "";
  let last = 0;
  for (const match of marked.matchAll(SENTINEL)) {
    text += marked.slice(last, match.index);
    last = match.index + match[0].length;
    if (match[1] === "n") {
      notes.push({ label: match[2]!, at: text.length });
      continue;
    }
    // Between words: drop the space before the break; at the start: drop the one after.
    if (text.endsWith(" ") && marked[last] === " ") text = text.slice(0, -1);
    else if (text === "" && marked[last] === " ") last += 1;
    pages.push({
      page: match[2]!,
      at: text.length === 0 ? 0 : text.length + (marked[last] === " " ? 1 : 0),
    });
  }
  text += marked.slice(last);
  // A break at the very end of the paragraph belongs to what follows, not to this text.
  const trimmed = text.trim();
  const lead = text.length - text.trimStart().length;
  return {
    text: trimmed,
    notes: notes.map((note) => ({
      ...note,
      at: Math.min(Math.max(0, note.at - lead), trimmed.length),
    })),
    pages: pages
      .map((page) => ({ ...page, at: Math.max(0, page.at - lead) }))
      .filter((page) => page.at < trimmed.length || trimmed.length === 0),
  };
}

/**
 * The apparatus of a paragraph shared out among the turns it was split into (each `start` is the
 * turn's offset in the paragraph). A note goes with the words before its mark; a page break with
 * the words after it.
 */
export function shareApparatus<T extends { start: number; text: string }>(
  parts: readonly T[],
  apparatus: Pick<Apparatus, "notes" | "pages">,
): (T & { notes?: NoteRef[]; pages?: PageBreak[] })[] {
  const notes = parts.map((): NoteRef[] => []);
  const pages = parts.map((): PageBreak[] => []);
  const end = (index: number) => parts[index]!.start + parts[index]!.text.length;
  for (const note of apparatus.notes) {
    // The last part that starts before the mark: the mark follows its words.
    let index = 0;
    while (index + 1 < parts.length && parts[index + 1]!.start < note.at) index += 1;
    const at = Math.min(Math.max(0, note.at - parts[index]!.start), parts[index]!.text.length);
    notes[index]!.push({ label: note.label, at });
  }
  for (const page of apparatus.pages) {
    let index = 0;
    while (index + 1 < parts.length && parts[index + 1]!.start <= page.at) index += 1;
    // A break after a part's last word opens the next part.
    if (index + 1 < parts.length && page.at >= end(index)) index += 1;
    const at = Math.min(Math.max(0, page.at - parts[index]!.start), parts[index]!.text.length);
    pages[index]!.push({ page: page.page, at });
  }
  return parts.map((part, index) => ({
    ...part,
    ...(notes[index]!.length > 0 ? { notes: notes[index]! } : {}),
    ...(pages[index]!.length > 0 ? { pages: pages[index]! } : {}),
  }));
}

/** Copy a part's apparatus onto its turn, leaving absent what is empty. */
export function withApparatus(
  turn: ParsedTurn,
  part: { notes?: NoteRef[]; pages?: PageBreak[] },
): ParsedTurn {
  return {
    ...turn,
    ...(part.notes?.length ? { notes: part.notes } : {}),
    ...(part.pages?.length ? { pages: part.pages } : {}),
  };
}

/**
 * The pages each turn spans, from the page breaks: a turn is on the page in force where it starts
 * and on every page that begins inside it. Text before the first break is on the page before it
 * (FRUS prints "[Page 278]" where page 278 begins, so what precedes is on 277), when pages are
 * numbered; otherwise its page is unknown.
 */
export function pagesSpanned(turns: readonly Pick<ParsedTurn, "pages">[]): string[][] {
  const first = turns.flatMap((turn) => turn.pages ?? [])[0];
  const firstStartsText =
    turns.findIndex((turn) => turn.pages?.length) === 0 && turns[0]!.pages![0]!.at === 0;
  let current: string | undefined =
    first && !firstStartsText && /^\d+$/.test(first.page)
      ? String(Number(first.page) - 1)
      : undefined;
  return turns.map((turn) => {
    const spanned: string[] = [];
    for (const page of turn.pages ?? []) {
      if (page.at === 0) current = page.page;
      else {
        if (current !== undefined && !spanned.includes(current)) spanned.push(current);
        current = page.page;
      }
    }
    if (current !== undefined && !spanned.includes(current)) spanned.push(current);
    return spanned;
  });
}
