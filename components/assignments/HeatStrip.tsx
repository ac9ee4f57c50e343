import type { Heat } from "@/lib/assignments/heat";

// The heat strip: one cell per turn of the passage, darker where the class wrote more. A picture
// to read at a glance; the same numbers are in the table below it (and each cell's tooltip).

const STEPS = ["#f4f1ea", "#fde0c5", "#f9b98a", "#ef8a4c", "#d4601f", "#a33d0b", "#6b2300"];

function shade(total: number, max: number): string {
  if (total === 0 || max === 0) return STEPS[0]!;
  return STEPS[Math.min(STEPS.length - 1, Math.ceil((total / max) * (STEPS.length - 1)))]!;
}

function describe(heat: Heat): string {
  const top = [...heat.turns]
    .filter((turn) => turn.total > 0)
    .sort((a, b) => b.total - a.total)
    .slice(0, 3)
    .map((turn) => `turn ${turn.anchor}${turn.speaker ? ` (${turn.speaker})` : ""}: ${turn.total}`);
  return top.length
    ? `Class activity across ${heat.turns.length} turns. Most discussed: ${top.join("; ")}.`
    : `No class activity yet across ${heat.turns.length} turns.`;
}

export function HeatStrip({ heat, documentSlug }: { heat: Heat; documentSlug: string }) {
  const cell = 12;
  const width = Math.max(heat.turns.length, 1) * cell;
  return (
    <figure className="heat-strip">
      <svg
        viewBox={`0 0 ${width} 48`}
        preserveAspectRatio="none"
        role="img"
        aria-label={describe(heat)}
        className="heat-strip-svg"
      >
        {heat.turns.map((turn, index) => (
          <rect
            key={turn.anchor}
            x={index * cell}
            y={0}
            width={cell - 1}
            height={48}
            fill={shade(turn.total, heat.max)}
          >
            <title>
              {`Turn ${turn.anchor}${turn.speaker ? `, ${turn.speaker}` : ""}: ${turn.annotations} annotations, ${turn.replies} replies`}
            </title>
          </rect>
        ))}
      </svg>
      <figcaption>
        <span>Turn {heat.turns[0]?.anchor ?? "–"}</span>
        <span className="heat-legend" aria-hidden="true">
          fewer
          {STEPS.map((colour) => (
            <i key={colour} style={{ background: colour }} />
          ))}
          more
        </span>
        <span>Turn {heat.turns.at(-1)?.anchor ?? "–"}</span>
      </figcaption>
      <details>
        <summary>Activity per turn (table)</summary>
        <table className="data-table">
          <caption className="visually-hidden">Annotations and replies per turn</caption>
          <thead>
            <tr>
              <th scope="col">Turn</th>
              <th scope="col">Speaker</th>
              <th scope="col">Annotations</th>
              <th scope="col">Replies</th>
            </tr>
          </thead>
          <tbody>
            {heat.turns.map((turn) => (
              <tr key={turn.anchor}>
                <th scope="row">
                  <a href={`/documents/${documentSlug}#t-${turn.anchor}`}>{turn.anchor}</a>
                </th>
                <td>{turn.speaker ?? "—"}</td>
                <td>{turn.annotations}</td>
                <td>{turn.replies}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {heat.wholeDocument > 0 && (
          <p className="meta">
            And {heat.wholeDocument} about the whole document rather than a passage.
          </p>
        )}
      </details>
    </figure>
  );
}
