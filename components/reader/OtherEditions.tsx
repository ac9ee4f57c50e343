import Link from "next/link";
import type { OtherEdition } from "@/lib/editions/other-editions";
import { EditionDecision } from "./EditionDecision";

const MARKS = {
  confirmed: "confirmed by an editor",
  suggested: "suggested: found by date and words, not yet confirmed",
  rejected: "rejected by an editor (shown to editors only)",
};

/**
 * "Other editions in the library", each with a link to read the two side by side, marked as
 * confirmed by an editor or only suggested; editors confirm or reject them here.
 */
export function OtherEditions({ slug, editions }: { slug: string; editions: OtherEdition[] }) {
  if (editions.length === 0) return null;
  return (
    <nav className="other-editions" aria-label="Other editions">
      <span>Other editions in the library:</span>
      <ul>
        {editions.map((edition) => (
          <li key={edition.slug}>
            {edition.status !== "rejected" && (
              <Link href={`/documents/${slug}/editions/${edition.slug}`}>
                Compare with {edition.archive ?? edition.title}
              </Link>
            )}
            {edition.status === "rejected" && <span>{edition.archive ?? edition.title}</span>}{" "}
            <span className={`edition-status edition-status--${edition.status}`}>
              ({MARKS[edition.status]})
            </span>
            {edition.canDecide && (
              <EditionDecision slug={slug} other={edition.slug} status={edition.status} />
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
