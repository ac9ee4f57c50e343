import Link from "next/link";
import { listDocuments } from "@/lib/library/queries";

export const dynamic = "force-dynamic";

export default async function LibraryPage() {
  const documents = await listDocuments();
  return (
    <section aria-labelledby="library-heading">
      <h1 id="library-heading">Library</h1>
      {documents.length === 0 ? (
        <p>No documents yet. Add files to content/ and restart, or run npm run import.</p>
      ) : (
        <ol className="document-list">
          {documents.map((document) => (
            <li key={document.slug} className="document-card">
              <h2>
                <Link href={`/documents/${document.slug}`}>{document.title}</Link>
              </h2>
              <p className="meta">
                {document.date && <time dateTime={document.date}>{document.date}</time>}
                {document.archive && <span> · {document.archive}</span>}
                <span> · {document.turnCount} turns</span>
              </p>
              {document.summary && <p className="summary">{document.summary}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
