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

/** One turn: who spoke (if known) and what was said, with a stable permalink (#t-<anchor>). */
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
    >
      <a
        href={`#t-${turn.anchor}`}
        className="permalink"
        aria-label={`Permalink to turn ${turn.anchor}`}
      >
        {turn.anchor}
      </a>
      <div className="turn-body">
        {speaker ? (
          <p className="speaker">
            <span className="speaker-label">{speakerLabel(turn.kind, speaker)}</span>
            {speakerLabel(turn.kind, speaker) !== speaker.name && (
              <span className="speaker-full" role="tooltip">
                {speaker.name}
                {speaker.role ? `, ${speaker.role}` : ""}
              </span>
            )}
          </p>
        ) : KIND_LABELS[turn.kind] ? (
          <p className="kind-label">
            {KIND_LABELS[turn.kind]}
            {turn.label ? ` ${turn.label}` : ""}
          </p>
        ) : turn.label ? (
          <p className="kind-label">{turn.label}.</p>
        ) : null}
        <p className="utterance" lang={turn.lang ?? undefined}>
          {spans.length === 0 ? turn.text : <Highlights text={turn.text} spans={spans} />}
        </p>
      </div>
    </li>
  );
}

/** Dialogue shows the transcript's own label ("Liao"); reported speech names the person. */
export function speakerLabel(kind: string, speaker: Participant): string {
  return kind === "speech" ? (speaker.label ?? speaker.name) : speaker.name;
}

/** Overlapping highlights: each piece is shaded by how many notes cover it, and shows the count. */
function Highlights({ text, spans }: { text: string; spans: Span[] }) {
  return segmentText(text, spans).map((segment) =>
    segment.ids.length === 0 ? (
      <span key={segment.start}>{segment.text}</span>
    ) : (
      <mark
        key={segment.start}
        className={`hl hl--${Math.min(segment.ids.length, 3)}`}
        data-ids={segment.ids.join(" ")}
        data-count={segment.ids.length > 1 ? segment.ids.length : undefined}
        title={`${segment.ids.length} annotation${segment.ids.length === 1 ? "" : "s"}: see the panel`}
        tabIndex={0}
      >
        {segment.text}
      </mark>
    ),
  );
}
