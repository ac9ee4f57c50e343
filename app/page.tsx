import Link from "next/link";
import { DocumentList } from "@/components/library/DocumentList";
import { LibraryFilters } from "@/components/library/LibraryFilters";
import { SearchResults } from "@/components/library/SearchResults";
import { Timeline } from "@/components/library/Timeline";
import {
  libraryFacets,
  listCollections,
  listDocuments,
  parseLibraryFilters,
} from "@/lib/library/queries";
import { searchTranscripts } from "@/lib/library/search";
import { canAddDocument } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/viewer";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function LibraryPage({ searchParams }: { searchParams: SearchParams }) {
  const filters = parseLibraryFilters(await searchParams);
  // The public library and the documents of the viewer's courses.
  const viewer = await getViewer();
  const [documents, facets, collections, results] = await Promise.all([
    listDocuments(viewer, filters),
    libraryFacets(viewer),
    listCollections(),
    filters.q ? searchTranscripts(filters.q, viewer) : Promise.resolve(null),
  ]);
  const timeline = filters.view === "timeline";
  const viewLink = (view: "list" | "timeline") => {
    const params = new URLSearchParams();
    for (const key of ["collection", "participant", "year"] as const) {
      const value = filters[key];
      if (value) params.set(key, String(value));
    }
    if (view === "timeline") params.set("view", "timeline");
    const query = params.toString();
    return query ? `/?${query}` : "/";
  };

  return (
    <div className="library">
      <h1>Library</h1>
      {canAddDocument(viewer, { courseId: null }) && (
        <p>
          <Link href="/library/documents">Add a document to the public library</Link>
        </p>
      )}
      <LibraryFilters filters={filters} facets={facets} />
      {/* Search results replace the list of documents rather than preceding it. */}
      {results && filters.q ? (
        <SearchResults query={filters.q} results={results} />
      ) : (
        <section aria-labelledby="documents-heading">
          <div className="section-bar">
            <h2 id="documents-heading">
              {documents.length} document{documents.length === 1 ? "" : "s"}
            </h2>
            <nav aria-label="Library view" className="view-switch">
              <Link href={viewLink("list")} aria-current={timeline ? undefined : "page"}>
                List
              </Link>
              <Link href={viewLink("timeline")} aria-current={timeline ? "page" : undefined}>
                Timeline
              </Link>
            </nav>
          </div>
          {documents.length === 0 ? (
            <p>No documents match these filters.</p>
          ) : timeline ? (
            <Timeline documents={documents} />
          ) : (
            <DocumentList documents={documents} />
          )}
        </section>
      )}
      {collections.length > 0 && (
        <section aria-labelledby="collections-heading">
          <h2 id="collections-heading">Collections</h2>
          <ul className="collection-list">
            {collections.map((collection) => (
              <li key={collection.slug}>
                <Link href={`/collections/${collection.slug}`}>{collection.title}</Link>{" "}
                <span className="meta">({collection._count.entries} dated entries)</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
