import { escapeHtml, highlightsHtml } from "@/lib/annotations/highlights";
import type { Span } from "@/lib/annotations/segments";
import type { ReaderDocument, ReaderTurn } from "@/lib/library/document";
import { speakerColour } from "@/lib/library/speaker-colours";
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
export function Transcript({ items }: { items: TranscriptItem[] }) {
  return <TranscriptList html={transcriptHtml(items)} />;
}

/** The transcript's items as the list's inner HTML. */
export const transcriptHtml = (items: TranscriptItem[]) => items.map(itemHtml).join("");

// Attributes are single-quoted (escapeHtml escapes both quotes): the page carries this HTML
// twice, once inside the RSC payload's JSON, where each double quote costs four bytes.
function itemHtml(item: TranscriptItem) {
  if (item.type === "gap")
    return `<li class='turn-gap'><a href='${escapeHtml(item.href)}'>${item.count} turn${item.count === 1 ? "" : "s"} by others</a></li>`;
  const { turn, speaker, context, spans = [], inPassage = false } = item;
  const classes = [
    "turn",
    `turn--${turn.kind}`,
    context ? "turn--context" : "",
    inPassage ? "turn--passage" : "",
  ]
    .filter(Boolean)
    .join(" ");
  const colour = speaker ? speakerColour(speaker.position) : undefined;
  return (
    `<li id='t-${turn.anchor}' class='${escapeHtml(classes)}' tabindex='-1'` +
    (speaker ? ` data-speaker='${escapeHtml(speaker.key)}'` : "") +
    (colour ? ` style='--speaker:${escapeHtml(colour)}'` : "") +
    `>${turnInnerHtml(turn, speaker, spans)}</li>`
  );
}

/** The permalink, the speaker (or kind label) and the utterance with its highlights, as HTML. */
export function turnInnerHtml(turn: ReaderTurn, speaker: Participant | undefined, spans: Span[]) {
  const permalink = `<a href='#t-${turn.anchor}' class='permalink' aria-label='Permalink to turn ${turn.anchor}'>${turn.anchor}</a>`;
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
  }
  const lang = turn.lang ? ` lang='${escapeHtml(turn.lang)}'` : "";
  const text = highlightsHtml(turn.text, spans);
  return `${permalink}<div class='turn-body'>${label}<p class='utterance'${lang}>${text}</p></div>`;
}

/** Dialogue shows the transcript's own label ("Liao"); reported speech names the person. */
export function speakerLabel(kind: string, speaker: Participant): string {
  return kind === "speech" ? (speaker.label ?? speaker.name) : speaker.name;
}
