import Link from "next/link";
import { Fragment } from "react";
import type { ComparedRow } from "@/lib/editions/compare";

/**
 * One edition's passage in a row of the side-by-side view: its turn numbers (links to the
 * reader), its words with those the other edition lacks marked, or a note that the other
 * edition has the passage alone.
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
  const first = side.anchors[0]!;
  const last = side.anchors.at(-1)!;
  return (
    <div className="edition-cell">
      <p className="edition-label">
        {label}:{" "}
        <Link href={`/documents/${slug}#t-${first}`} aria-label={`${edition}, turn ${first}`}>
          {first === last ? `turn ${first}` : `turns ${first}–${last}`}
        </Link>
      </p>
      <p className="edition-text">
        {side.parts.map((part, index) =>
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
      </p>
    </div>
  );
}
