import Link from "next/link";
import { snippetParts, type SearchResult } from "@/lib/library/search";
import { formatIsoDate } from "@/lib/library/dates";

export function SearchResults({ query, results }: { query: string; results: SearchResult[] }) {
  return (
    <section aria-labelledby="search-heading" className="search-results">
      <h2 id="search-heading">
        {results.length === 0
          ? `No turns match “${query}”`
          : `${results.length} document${results.length === 1 ? "" : "s"} match “${query}”`}
      </h2>
      <ol>
        {results.map((result) => (
          <li key={result.slug} className="search-result">
            <h3>
              <Link href={`/documents/${result.slug}`}>{result.title}</Link>
            </h3>
            {result.date && <p className="meta">{formatIsoDate(result.date)}</p>}
            <ul className="hits">
              {result.hits.map((hit) => (
                <li key={hit.anchor}>
                  <Link href={`/documents/${result.slug}#t-${hit.anchor}`} className="hit-link">
                    <span className="hit-where">
                      {hit.speaker ?? (hit.kind === "note" ? "Note" : "Turn")} · ¶{hit.anchor}
                    </span>{" "}
                    <span className="hit-snippet">
                      {snippetParts(hit.snippet).map((part, index) =>
                        part.highlighted ? (
                          <mark key={index}>{part.text}</mark>
                        ) : (
                          <span key={index}>{part.text}</span>
                        ),
                      )}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
