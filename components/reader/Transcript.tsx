import { escapeHtml } from "@/lib/format/html";
import { highlightsHtml, type Insert } from "@/lib/annotations/highlights";
import type { Span } from "@/lib/annotations/segments";
import type { ReaderDocument, ReaderTurn } from "@/lib/library/document";
import { speakerColour } from "@/lib/library/speaker-colours";
import { editionNotesHtml } from "@/components/editions/edition-notes-html";
import type { CrossEditionNote } from "@/lib/reader/edition-notes";
import { TranscriptList } from "./TranscriptList";

type Participant = ReaderDocument["participants"][number];

const KIND_LABELS: Record<string, string> = {
  heading: "Heading",
  header: "Document furniture",
  note: "Note",
  attachment: "Attachment",
  original: "Original-language text",
};

/** One item of the transcript: a turn, or (when filtered by speaker) the turns left out. */
export type TranscriptItem =
  | {
      type: "turn";
      turn: ReaderTurn;
      speaker?: Participant;
      /** Shown for context (the turn before a filtered speaker's). */
      context: boolean;
      /** Annotated ranges of this turn's text, rendered as highlights. */
      spans?: Span[];
      /** Part of the passage an assignment asks about (marked in the margin). */
      inPassage?: boolean;
      /** Passages of other records linked to the passage this turn begins (rival records). */
      links?: { id: string; title: string }[];
      /** Notes made on another edition, placed on this turn (read-only). */
      editionNotes?: CrossEditionNote[];
    }
  | { type: "gap"; count: number; from: number; href: string };

/**
 * The transcript: each turn with who spoke (if known) and what was said, with a stable permalink
 * (#t-<anchor>).
 *
 * Performance: the whole list is one pre-rendered HTML string. As React elements, each turn cost
 * nodes in the RSC payload (which the page also inlines next to its HTML) and work in both
 * renders; with a 2,000-turn transcript that was most of the reader's render time, first at ten
 * elements a turn, then still at one (bench/README.md). Nothing inside the transcript is
 * interactive in React (the workspace and the navigator listen on the document); refreshes
 * replace only the turns that changed (TranscriptList).
 */
export function Transcript({
  items,
  footnotes = [],
}: {
  items: TranscriptItem[];
  footnotes?: Footnote[];
}) {
  return (
    <>
      <TranscriptList html={transcriptHtml(items, footnotes)} />
      <FootnoteList footnotes={footnotes} items={items} />
    </>
  );
}

/** A footnote of the document (Document.footnotes). */
export interface Footnote {
  label: string;
  text: string;
}
interface NoteRef {
  label: string;
  at: number;
}
interface PageBreak {
  page: string;
  at: number;
}

/** The transcript's items as the list's inner HTML. */
export const transcriptHtml = (items: TranscriptItem[], footnotes: readonly Footnote[] = []) => {
  const notes = new Map(footnotes.map((note) => [note.label, note.text]));
  const furniture = leadingFurniture(items);
  return (
    furnitureHtml(items.slice(0, furniture)) +
    items
      .slice(furniture)
      .map((item, index) => itemHtml(item, inParagraphGroup(items, index + furniture), notes))
      .join("")
  );
};

/**
 * How many items at the start are the document's header block (classification lines, "Time:",
 * "Translator:", a repeated title among them): the leading run of header and heading turns, up to
 * its last header turn, when it holds two header lines or more. A single header line stays a turn.
 */
function leadingFurniture(items: TranscriptItem[]): number {
  let headers = 0;
  let end = 0;
  for (const [index, item] of items.entries()) {
    if (item.type !== "turn" || !["header", "heading"].includes(item.turn.kind)) break;
    if (item.turn.kind === "header") {
      headers += 1;
      end = index + 1;
    }
  }
  return headers >= 2 ? end : 0;
}

/** Characters the source copy lost, printed as boxes, with the spaces between them. */
const LOST = /□(?:\s*□)*/gu;

/** A furniture line as HTML: each run of boxes named for what it is, the boxes kept in its title. */
export function lostCharactersHtml(text: string): string {
  let html = "";
  let last = 0;
  for (const match of text.matchAll(LOST)) {
    html += escapeHtml(text.slice(last, match.index));
    html += `<span class='lost-characters' title='${escapeHtml(`As printed: ${match[0]}`)}' data-original='${escapeHtml(match[0])}'>[characters lost in the source copy]</span>`;
    last = match.index + match[0].length;
  }
  return html + escapeHtml(text.slice(last));
}

/**
 * The header block folded into one collapsed "Document header": the lines keep their permalinks
 * (ids t-N) but are not turns of the conversation (no speaker, not annotated, skipped by j/k).
 */
function furnitureHtml(items: TranscriptItem[]): string {
  if (items.length === 0) return "";
  const lines = items
    .map((item) =>
      item.type === "turn"
        ? `<li id='t-${item.turn.anchor}' class='furniture-line furniture-line--${escapeHtml(item.turn.kind)}'>${lostCharactersHtml(item.turn.text)}</li>`
        : "",
    )
    .join("");
  return `<li id='document-header' class='document-furniture'><details><summary>Document header <span class='furniture-count'>(${items.length} line${items.length === 1 ? "" : "s"} before the conversation)</span></summary><ol class='furniture-lines'>${lines}</ol></details></li>`;
}

/**
 * The footnotes under the text, each with links back to the turns that refer to it. A note whose
 * reference mark the copy lost is listed all the same, and says so.
 */
function FootnoteList({ footnotes, items }: { footnotes: Footnote[]; items: TranscriptItem[] }) {
  if (footnotes.length === 0) return null;
  const referrers = new Map<string, number[]>();
  for (const item of items) {
    if (item.type !== "turn") continue;
    for (const ref of (item.turn.notes ?? []) as unknown as NoteRef[])
      referrers.set(ref.label, [...(referrers.get(ref.label) ?? []), item.turn.anchor]);
  }
  return (
    <section className="footnotes" aria-labelledby="footnotes-title">
      <h2 id="footnotes-title">Notes</h2>
      <ol>
        {footnotes.map((note) => (
          <li key={note.label} id={`note-${note.label}`}>
            <span className="footnote-label">{note.label}</span>
            <span className="footnote-text">{note.text}</span>
            {(referrers.get(note.label) ?? []).map((anchor) => (
              <a
                key={anchor}
                href={`#t-${anchor}`}
                className="footnote-back"
                aria-label={`Back to turn ${anchor}, where note ${note.label} is referenced`}
              >
                ↩ {anchor}
              </a>
            ))}
            {!referrers.has(note.label) && (
              <span className="footnote-unplaced"> (its reference mark is not in this copy)</span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * Whether a turn is part of a source paragraph split where the speaker changes, shown with its
 * neighbours as one paragraph: it continues the turn shown before it, or the turn after continues
 * it. (A speaker filter can leave a continuing turn alone; it is then shown as a paragraph.)
 */
function inParagraphGroup(items: TranscriptItem[], index: number): boolean {
  const item = items[index]!;
  if (item.type !== "turn") return false;
  const before = items[index - 1];
  const after = items[index + 1];
  return (
    (item.turn.continues && before?.type === "turn") ||
    (after?.type === "turn" && after.turn.continues)
  );
}

// A turn without highlights looks the same to every reader until its document is imported again,
// which replaces the turn objects (lib/library/document.ts keeps them per content version): its
// markup is kept per turn object and layout, so a page view builds only the annotated turns'.
const plainTurns = new WeakMap<ReaderTurn, { inline?: string; block?: string }>();

function plainTurnInnerHtml(
  turn: ReaderTurn,
  speaker: Participant | undefined,
  notes: ReadonlyMap<string, string>,
  inline: boolean,
) {
  let kept = plainTurns.get(turn);
  if (!kept) plainTurns.set(turn, (kept = {}));
  return (kept[inline ? "inline" : "block"] ??= turnInnerHtml(turn, speaker, [], notes, inline));
}

// Attributes are single-quoted (escapeHtml escapes both quotes): the page carries this HTML
// twice, once inside the RSC payload's JSON, where each double quote costs four bytes.
function itemHtml(item: TranscriptItem, inline: boolean, notes: ReadonlyMap<string, string>) {
  if (item.type === "gap")
    return `<li class='turn-gap'><a href='${escapeHtml(item.href)}'>${item.count} turn${item.count === 1 ? "" : "s"} by others</a></li>`;
  const {
    turn,
    speaker,
    context,
    spans = [],
    inPassage = false,
    links = [],
    editionNotes = [],
  } = item;
  const classes = [
    "turn",
    `turn--${turn.kind}`,
    context ? "turn--context" : "",
    inPassage ? "turn--passage" : "",
    inline ? "turn--inline" : "",
    inline && turn.continues ? "turn--continues" : "",
  ]
    .filter(Boolean)
    .join(" ");
  const colour = speaker ? speakerColour(speaker.position) : undefined;
  return (
    `<li id='t-${turn.anchor}' class='${escapeHtml(classes)}' tabindex='-1'` +
    (speaker ? ` data-speaker='${escapeHtml(speaker.key)}'` : "") +
    (colour ? ` style='--speaker:${escapeHtml(colour)}'` : "") +
    `>${spans.length === 0 ? plainTurnInnerHtml(turn, speaker, notes, inline) : turnInnerHtml(turn, speaker, spans, notes, inline)}${linkRefsHtml(links)}${editionNotesHtml(editionNotes)}</li>`
  );
}

/** "Also recorded in: <title>", one button per linked record; components/links opens it. */
function linkRefsHtml(links: readonly { id: string; title: string }[]) {
  if (links.length === 0) return "";
  return `<p class='passage-link-refs'>${links
    .map(
      (link) =>
        `<button type='button' class='passage-link-ref' data-link='${escapeHtml(link.id)}' aria-haspopup='dialog'>Also recorded in: ${escapeHtml(link.title)}</button>`,
    )
    .join("")}</p>`;
}

/**
 * The permalink (with the pages the turn spans beneath it), the speaker (or kind label) and the
 * utterance with its highlights and apparatus, as HTML.
 *
 * The utterance's text content is exactly the stored turn text (annotation anchors count its
 * characters): footnote buttons and page breaks inside it are elements without text, their
 * numbers drawn by CSS from data attributes; the notes' popovers sit after the utterance.
 */
export function turnInnerHtml(
  turn: ReaderTurn,
  speaker: Participant | undefined,
  spans: Span[],
  notes: ReadonlyMap<string, string> = new Map(),
  /** Shown inline, as part of a paragraph: a page beginning with it is marked in the text. */
  midParagraph = false,
) {
  const permalink = `<a href='#t-${turn.anchor}' class='permalink' aria-label='Permalink to turn ${turn.anchor}'>${turn.anchor}</a>`;
  const pages = turn.pages ?? [];
  const margin =
    pages.length > 0
      ? `<span class='turn-pages' title='Page${pages.length > 1 ? "s" : ""} of the printed source'>${escapeHtml(pages.length > 1 ? `pp. ${pages[0]}–${pages.at(-1)}` : `p. ${pages[0]}`)}</span>`
      : "";
  let label = "";
  if (speaker) {
    const short = speakerLabel(turn.kind, speaker);
    const full =
      short !== speaker.name
        ? `<span class='speaker-full' role='tooltip'>${escapeHtml(speaker.name + (speaker.role ? `, ${speaker.role}` : ""))}</span>`
        : "";
    label = `<p class='speaker'><span class='speaker-label'>${escapeHtml(short)}</span>${full}</p>`;
  } else if (KIND_LABELS[turn.kind]) {
    label = `<p class='kind-label'>${escapeHtml(KIND_LABELS[turn.kind] + (turn.label ? ` ${turn.label}` : ""))}</p>`;
  } else if (turn.label) {
    label = `<p class='kind-label'>${escapeHtml(turn.label)}.</p>`;
  } else if (midParagraph) {
    // Inside a paragraph of several statements, the memorandum's own narration is marked too.
    label = `<p class='speaker speaker--narrative'><span class='speaker-label'>Narrative</span></p>`;
  }
  const lang = turn.lang ? ` lang='${escapeHtml(turn.lang)}'` : "";
  const refs = (turn.notes ?? []) as unknown as NoteRef[];
  const breaks = (turn.pageBreaks ?? []) as unknown as PageBreak[];
  const popoverId = (ref: NoteRef) => `fn-${turn.anchor}-${ref.label}`;
  const inserts: Insert[] = [
    ...breaks
      .filter((pageBreak) => pageBreak.at > 0 || midParagraph)
      .map((pageBreak) => ({
        at: pageBreak.at,
        html: `<span class='apparatus page-break' role='img' aria-label='Page ${escapeHtml(pageBreak.page)} begins' data-page='${escapeHtml(pageBreak.page)}'></span>`,
      })),
    ...refs.map((ref) => ({
      at: ref.at,
      html: `<button type='button' class='apparatus fn-ref' popovertarget='${escapeHtml(popoverId(ref))}' aria-label='Note ${escapeHtml(ref.label)}' data-label='${escapeHtml(ref.label)}'></button>`,
    })),
  ];
  const text = highlightsHtml(turn.text, spans, inserts);
  const popovers = refs
    .map(
      (ref) =>
        `<div id='${escapeHtml(popoverId(ref))}' popover class='fn-popover' role='note' aria-label='Note ${escapeHtml(ref.label)}'><span class='footnote-label'>${escapeHtml(ref.label)}</span> ${escapeHtml(notes.get(ref.label) ?? "")}</div>`,
    )
    .join("");
  return `${permalink}${margin}<div class='turn-body'>${label}<p class='utterance'${lang}>${text}</p>${popovers}</div>`;
}

/** Dialogue shows the transcript's own label ("Liao"); reported speech names the person. */
export function speakerLabel(kind: string, speaker: Participant): string {
  return kind === "speech" ? (speaker.label ?? speaker.name) : speaker.name;
}
