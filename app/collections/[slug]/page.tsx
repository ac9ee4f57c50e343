import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { formatIsoDate } from "@/lib/library/dates";
import { getCollection } from "@/lib/library/queries";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const collection = await getCollection((await params).slug, await getViewer());
  return { title: collection?.title ?? "Collection not found" };
}

export default async function CollectionPage({ params }: { params: Params }) {
  const collection = await getCollection((await params).slug, await getViewer());
  if (!collection) notFound();
  const inLibrary = collection.entries.filter((entry) => entry.document).length;
  return (
    <article className="collection">
      <p className="eyebrow">Collection{collection.archive ? ` · ${collection.archive}` : ""}</p>
      <h1>{collection.title}</h1>
      {collection.description && <p className="document-summary">{collection.description}</p>}
      <p className="meta">{entriesSummary(collection.entries.length, inLibrary)}</p>
      <ol className="collection-entries">
        {collection.entries.map((entry) => (
          <li key={entry.id} className={entry.document ? "entry entry--in-library" : "entry"}>
            <time dateTime={entry.date}>{formatIsoDate(entry.date)}</time>
            <h2>
              {entry.document ? (
                <Link href={`/documents/${entry.document.slug}`}>{entry.title}</Link>
              ) : (
                entry.title
              )}
            </h2>
            {entry.document ? (
              <p className="badge">In the library</p>
            ) : (
              <p className="badge badge--reference">Reference only</p>
            )}
            {entry.summary && <p>{entry.summary}</p>}
          </li>
        ))}
      </ol>
    </article>
  );
}

/** "20 dated entries; none is in the library yet, so all are listed as references." */
function entriesSummary(entries: number, inLibrary: number): string {
  const counted = `${entries} dated ${entries === 1 ? "entry" : "entries"}`;
  if (inLibrary === 0)
    return `${counted}; none is in the library yet, so ${entries === 1 ? "it is" : "all are"} listed as references.`;
  if (inLibrary === entries) return `${counted}, all in the library.`;
  const others = entries - inLibrary;
  return `${counted}: ${inLibrary} in the library (linked), ${others} listed as ${others === 1 ? "a reference" : "references"}.`;
}
