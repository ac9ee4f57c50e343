import Link from "next/link";
import type { LibraryItem } from "@/lib/library/queries";
import { formatIsoDate } from "@/lib/library/dates";

export function DocumentList({ documents }: { documents: LibraryItem[] }) {
  return (
    <ol className="document-list">
      {documents.map((document) => (
        <li key={document.slug} className="document-card">
          <h2>
            <Link href={`/documents/${document.slug}`}>{document.title}</Link>
          </h2>
          {document.edition && <p className="edition">{document.edition}</p>}
          <p className="meta">
            {document.date ? (
              <time dateTime={document.date}>{formatIsoDate(document.date)}</time>
            ) : (
              <span>Undated</span>
            )}
            {document.archive && <span> · {document.archive}</span>}
            <span> · {document.turnCount} turns</span>
          </p>
          {document.summary && <p className="summary">{firstSentence(document.summary)}</p>}
        </li>
      ))}
    </ol>
  );
}

/** The library shows a one-line summary; the reader shows it whole. */
function firstSentence(text: string): string {
  const match = text.match(/^.{20,}?[.!?](?=\s|$)/s);
  return match ? match[0] : text;
}
