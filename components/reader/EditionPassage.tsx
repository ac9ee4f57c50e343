import Link from "next/link";
import { Fragment } from "react";
import type { ComparedRow } from "@/lib/editions/compare";

/**
 * One edition's paragraph in a row of the side-by-side view: its words with those the other
 * edition lacks marked, each of its turns (statements) opening with its number, a link to that
 * turn in the reader; or a note that the other edition has the passage alone.
 */
export function EditionPassage({
  side,
  edition,
  slug,
  other,
  label,
}: {
  side: ComparedRow["a"];
  edition: string;
  slug: string;
  other: string;
  label: string;
}) {
  if (!side)
    return (
      <div className="edition-cell edition-cell--absent">
        <p className="edition-label">{label}</p>
        <p>Not in this edition: only in {other}.</p>
      </div>
    );
  const first = side.turns[0]!.anchor;
  const last = side.turns.at(-1)!.anchor;
  return (
    <div className="edition-cell">
      <p className="edition-label">
        {label}: {first === last ? `turn ${first}` : `turns ${first}–${last}`}
      </p>
      <p className="edition-text">
        {side.turns.map((turn) => (
          <Fragment key={turn.anchor}>
            <Link
              className="edition-turn"
              href={`/documents/${slug}#t-${turn.anchor}`}
              aria-label={`${edition}, turn ${turn.anchor}`}
            >
              {turn.anchor}
            </Link>{" "}
            {turn.parts.map((part, index) =>
              part.in === "same" ? (
                <span key={index}>{part.text} </span>
              ) : (
                <Fragment key={index}>
                  <mark className="edition-only">
                    <span className="visually-hidden">[only in {edition}: </span>
                    {part.text}
                    <span className="visually-hidden">]</span>
                  </mark>{" "}
                </Fragment>
              ),
            )}
          </Fragment>
        ))}
      </p>
    </div>
  );
}
