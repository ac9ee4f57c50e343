// Horizontal stacked bars (annotations and replies) for a few dozen rows, drawn as SVG on the
// server: no chart library and no client JavaScript for a picture this simple. The numbers are
// in the caller's table as well; the SVG carries a text description.

export interface BarRow {
  label: string;
  annotations: number;
  replies: number;
}

const ROW = 22;
const LABEL = 120;
const BAR = 220;

export function BarChart({ rows, description }: { rows: BarRow[]; description: string }) {
  const max = Math.max(1, ...rows.map((row) => row.annotations + row.replies));
  const scale = (value: number) => (value / max) * BAR;
  const height = rows.length * ROW + 24;
  return (
    <figure className="bar-chart">
      <svg
        viewBox={`0 0 ${LABEL + BAR + 40} ${height}`}
        role="img"
        aria-label={description}
        className="bar-chart-svg"
      >
        {rows.map((row, index) => {
          const y = index * ROW;
          const total = row.annotations + row.replies;
          return (
            <g key={`${row.label}-${index}`}>
              <text x={LABEL - 8} y={y + 15} textAnchor="end" className="bar-label">
                {row.label.length > 22 ? `${row.label.slice(0, 21)}…` : row.label}
              </text>
              <rect
                x={LABEL}
                y={y + 3}
                width={scale(row.annotations)}
                height={ROW - 6}
                className="bar-annotations"
              />
              <rect
                x={LABEL + scale(row.annotations)}
                y={y + 3}
                width={scale(row.replies)}
                height={ROW - 6}
                className="bar-replies"
              />
              <text x={LABEL + scale(total) + 6} y={y + 15} className="bar-value">
                {total}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-legend">
        <span>
          <i className="swatch bar-annotations" aria-hidden="true" /> annotations
        </span>
        <span>
          <i className="swatch bar-replies" aria-hidden="true" /> replies
        </span>
      </figcaption>
    </figure>
  );
}
