import Link from "next/link";
import type { ReaderDocument } from "@/lib/library/document";
import { formatIsoDate } from "@/lib/library/dates";
import { speakerColour } from "@/lib/library/speaker-colours";

/** Title block and catalogue record of a document, as a historian would cite it. */
export function DocumentHeader({
  document,
  people,
}: {
  document: ReaderDocument;
  /** Participant id -> the person's slug, to link each name to /people/<slug>. */
  people?: ReadonlyMap<string, string>;
}) {
  const fields = Object.entries((document.fields ?? {}) as Record<string, string>);
  return (
    <header className="document-header">
      <p className="eyebrow">{shapeLabel(document.shape)}</p>
      <h1>{document.title}</h1>
      <dl className="record">
        <Row term="Date">
          {document.date ? (
            <time dateTime={document.date}>{formatIsoDate(document.date)}</time>
          ) : (
            <span>Undated (this copy of the source gives no date)</span>
          )}
          {document.time && <span>, {document.time}</span>}
        </Row>
        {document.place && <Row term="Place">{document.place}</Row>}
        {document.participants.length > 0 && (
          <Row term="Participants">
            <ul className="participants">
              {document.participants.map((participant) => (
                <li key={participant.id}>
                  <span
                    className="swatch"
                    style={{ background: speakerColour(participant.position) }}
                    aria-hidden="true"
                  />
                  {people?.has(participant.id) ? (
                    <Link href={`/people/${people.get(participant.id)}`} className="person-link">
                      {participant.name}
                    </Link>
                  ) : (
                    participant.name
                  )}
                  {participant.role && <span className="role">, {participant.role}</span>}
                </li>
              ))}
            </ul>
          </Row>
        )}
        {document.interpreter && <Row term="Interpreter">{document.interpreter}</Row>}
        {document.translator && (
          <Row term="Translator">
            {document.translator} <span className="role">(of the text read here)</span>
          </Row>
        )}
        {document.noteTaker && <Row term="Note-taker">{document.noteTaker}</Row>}
        {document.originalLanguage && (
          <Row term="Original language">{document.originalLanguage}</Row>
        )}
        {document.classification && <Row term="Classification">{document.classification}</Row>}
        {fields.map(([term, value]) => (
          <Row key={term} term={term}>
            {value}
          </Row>
        ))}
        {document.archive && (
          <Row term="Archive">
            {document.archiveUrl ? (
              <a href={document.archiveUrl}>{document.archive}</a>
            ) : (
              document.archive
            )}
          </Row>
        )}
        {document.citation && <Row term="Citation">{document.citation}</Row>}
        {document.sourceNote && <Row term="Source">{document.sourceNote}</Row>}
      </dl>
      {document.summary && <p className="document-summary">{document.summary}</p>}
    </header>
  );
}

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="record-row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function shapeLabel(shape: string): string {
  switch (shape) {
    case "dialogue":
      return "Transcript";
    case "memorandum":
      return "Memorandum of conversation";
    case "cable":
      return "Cable";
    default:
      return "FRUS document";
  }
}
