import Link from "next/link";
import { snippetParts, type SearchResult } from "@/lib/library/search";
import { formatIsoDate } from "@/lib/library/dates";

export function SearchResults({ query, results }: { query: string; results: SearchResult[] }) {
  return (
    <section aria-labelledby="search-heading" className="search-results">
      <h2 id="search-heading">{searchHeading(query, results)}</h2>
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
                      {hit.speaker ?? UNSPOKEN[hit.kind] ?? "Narrative"} · ¶{hit.anchor}
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

/** What a hit is when nobody speaks it. */
const UNSPOKEN: Record<string, string> = {
  note: "Note",
  heading: "Heading",
  header: "Document header",
  attachment: "Attachment",
  original: "Original-language text",
};

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

/** "No turns match “x”", "1 turn in 1 document matches “x”", "7 turns in 2 documents match “x”". */
export function searchHeading(query: string, results: readonly SearchResult[]): string {
  if (results.length === 0) return `No turns match “${query}”`;
  const turns = results.reduce((sum, result) => sum + result.matches, 0);
  const verb = turns === 1 ? "matches" : "match";
  return `${plural(turns, "turn")} in ${plural(results.length, "document")} ${verb} “${query}”`;
}
