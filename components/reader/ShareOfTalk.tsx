import type { SpeakerShare } from "@/lib/library/share-of-talk";
import { speakerColour } from "@/lib/library/speaker-colours";

type Speaker = { id: string; name: string; label: string | null; position: number };

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * Who talks how much: turns and words per speaker, as a table whose last column is a bar of
 * each speaker's share of the words, drawn on the server. The numbers are the table's text, so
 * a screen reader reads the same figures the bars show; the bars themselves are hidden from it.
 */
export function ShareOfTalk({
  shares,
  speakers,
  dialogue,
}: {
  shares: SpeakerShare[];
  speakers: Speaker[];
  dialogue: boolean;
}) {
  if (shares.length < 2) return null;
  const byId = new Map(speakers.map((speaker) => [speaker.id, speaker]));
  return (
    <figure className="share-of-talk">
      <figcaption id="share-of-talk">Share of talk</figcaption>
      <table aria-labelledby="share-of-talk">
        <thead>
          <tr>
            <th scope="col">Speaker</th>
            <th scope="col">Turns</th>
            <th scope="col">Words</th>
            <th scope="col">Share of words</th>
          </tr>
        </thead>
        <tbody>
          {shares.map((share) => {
            const speaker = byId.get(share.speakerId);
            if (!speaker) return null;
            return (
              <tr
                key={share.speakerId}
                style={{ "--speaker": speakerColour(speaker.position) } as React.CSSProperties}
              >
                <th scope="row">{dialogue ? (speaker.label ?? speaker.name) : speaker.name}</th>
                <td>{share.turns}</td>
                <td>{share.words.toLocaleString("en")}</td>
                <td className="share-cell">
                  <span className="share-bar" aria-hidden="true">
                    <span style={{ width: percent(share.wordShare) }} />
                  </span>
                  {percent(share.wordShare)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </figure>
  );
}
