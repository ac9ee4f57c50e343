import Link from "next/link";
import type { LibraryItem } from "@/lib/library/queries";
import { formatIsoDate } from "@/lib/library/dates";

/** Documents along a vertical time line, grouped by year. */
export function Timeline({ documents }: { documents: LibraryItem[] }) {
  const years = new Map<string, LibraryItem[]>();
  for (const document of documents) {
    const year = document.date?.slice(0, 4) ?? "Undated";
    years.set(year, [...(years.get(year) ?? []), document]);
  }
  return (
    <div className="timeline">
      {[...years].map(([year, items]) => (
        <section key={year} aria-labelledby={`year-${year}`} className="timeline-year">
          <h2 id={`year-${year}`}>{year}</h2>
          <ol>
            {items.map((document) => (
              <li key={document.slug}>
                {document.date && (
                  <time dateTime={document.date}>{formatIsoDate(document.date)}</time>
                )}
                <Link href={`/documents/${document.slug}`}>{document.title}</Link>
                {document.edition && <span className="edition"> · {document.edition}</span>}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
