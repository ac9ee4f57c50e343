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
}: {
  turn: ReaderTurn;
  speaker?: Participant;
  context: boolean;
}) {
  const classes = ["turn", `turn--${turn.kind}`, context ? "turn--context" : ""]
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
          {turn.text}
        </p>
      </div>
    </li>
  );
}

/** Dialogue shows the transcript's own label ("Liao"); reported speech names the person. */
export function speakerLabel(kind: string, speaker: Participant): string {
  return kind === "speech" ? (speaker.label ?? speaker.name) : speaker.name;
}
