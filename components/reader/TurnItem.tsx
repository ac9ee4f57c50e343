import { escapeHtml } from "@/lib/annotations/body";
import { segmentText, type Span } from "@/lib/annotations/segments";
import type { ReaderDocument, ReaderTurn } from "@/lib/library/document";
import { speakerColour } from "@/lib/library/speaker-colours";

type Participant = ReaderDocument["participants"][number];

const KIND_LABELS: Record<string, string> = {
  heading: "Heading",
  header: "Document furniture",
  note: "Note",
  attachment: "Attachment",
  original: "Original-language text",
};

/**
 * One turn: who spoke (if known) and what was said, with a stable permalink (#t-<anchor>).
 *
 * Performance: the <li> is a React element, but its contents are one pre-rendered HTML string.
 * As elements, each turn cost about ten nodes in the RSC payload (which the page also inlines
 * next to the HTML) plus their server-side rendering; a 2,000-turn transcript made 2.4 MB of
 * payload and most of the render time (bench/README.md). Nothing inside a turn is interactive in
 * React (the workspace and navigator listen on the document), so the markup is the same as before.
 */
export function TurnItem({
  turn,
  speaker,
  context,
  spans = [],
  inPassage = false,
}: {
  turn: ReaderTurn;
  speaker?: Participant;
  context: boolean;
  /** Annotated ranges of this turn's text, rendered as highlights. */
  spans?: Span[];
  /** Part of the passage an assignment asks about (marked in the margin). */
  inPassage?: boolean;
}) {
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
    <li
      id={`t-${turn.anchor}`}
      className={classes}
      tabIndex={-1}
      data-speaker={speaker?.key}
      style={colour ? ({ "--speaker": colour } as React.CSSProperties) : undefined}
      dangerouslySetInnerHTML={{ __html: turnInnerHtml(turn, speaker, spans) }}
    />
  );
}

/** The permalink, the speaker (or kind label) and the utterance with its highlights, as HTML. */
export function turnInnerHtml(turn: ReaderTurn, speaker: Participant | undefined, spans: Span[]) {
  const permalink = `<a href="#t-${turn.anchor}" class="permalink" aria-label="Permalink to turn ${turn.anchor}">${turn.anchor}</a>`;
  let label = "";
  if (speaker) {
    const short = speakerLabel(turn.kind, speaker);
    const full =
      short !== speaker.name
        ? `<span class="speaker-full" role="tooltip">${escapeHtml(speaker.name + (speaker.role ? `, ${speaker.role}` : ""))}</span>`
        : "";
    label = `<p class="speaker"><span class="speaker-label">${escapeHtml(short)}</span>${full}</p>`;
  } else if (KIND_LABELS[turn.kind]) {
    label = `<p class="kind-label">${escapeHtml(KIND_LABELS[turn.kind] + (turn.label ? ` ${turn.label}` : ""))}</p>`;
  } else if (turn.label) {
    label = `<p class="kind-label">${escapeHtml(turn.label)}.</p>`;
  }
  const lang = turn.lang ? ` lang="${escapeHtml(turn.lang)}"` : "";
  const text = spans.length === 0 ? escapeHtml(turn.text) : highlightsHtml(turn.text, spans);
  return `${permalink}<div class="turn-body">${label}<p class="utterance"${lang}>${text}</p></div>`;
}

/** Dialogue shows the transcript's own label ("Liao"); reported speech names the person. */
export function speakerLabel(kind: string, speaker: Participant): string {
  return kind === "speech" ? (speaker.label ?? speaker.name) : speaker.name;
}

/** Overlapping highlights: each piece is shaded by how many notes cover it, and shows the count. */
function highlightsHtml(text: string, spans: Span[]) {
  return segmentText(text, spans)
    .map((segment) => {
      const count = segment.ids.length;
      if (count === 0) return `<span>${escapeHtml(segment.text)}</span>`;
      return (
        `<mark class="hl hl--${Math.min(count, 3)}" data-ids="${escapeHtml(segment.ids.join(" "))}"` +
        (count > 1 ? ` data-count="${count}"` : "") +
        ` title="${count} annotation${count === 1 ? "" : "s"}: see the panel" tabindex="0">` +
        `${escapeHtml(segment.text)}</mark>`
      );
    })
    .join("");
}
