import Link from "next/link";
import type { OtherEdition } from "@/lib/editions/other-editions";

/** "Other editions in the library", each with a link to read the two side by side. */
export function OtherEditions({ slug, editions }: { slug: string; editions: OtherEdition[] }) {
  if (editions.length === 0) return null;
  return (
    <nav className="other-editions" aria-label="Other editions">
      <span>Other editions in the library:</span>
      <ul>
        {editions.map((edition) => (
          <li key={edition.slug}>
            <Link href={`/documents/${slug}/editions/${edition.slug}`}>
              Compare with {edition.archive ?? edition.title}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
