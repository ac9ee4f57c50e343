import type { LibraryFilters as Filters } from "@/lib/library/queries";

interface Props {
  filters: Filters;
  facets: {
    collections: { slug: string; title: string }[];
    participants: string[];
    years: number[];
  };
}

/** A plain GET form: works without JavaScript, and every filtered view has a shareable URL. */
export function LibraryFilters({ filters, facets }: Props) {
  return (
    <form className="filters" role="search" action="/" method="get">
      <div className="field field--wide">
        <label htmlFor="q">Search the transcripts</label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={filters.q ?? ""}
          placeholder="e.g. military bases"
        />
      </div>
      <div className="field">
        <label htmlFor="collection">Collection</label>
        <select id="collection" name="collection" defaultValue={filters.collection ?? ""}>
          <option value="">All</option>
          {facets.collections.map((collection) => (
            <option key={collection.slug} value={collection.slug}>
              {collection.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="participant">Participant</label>
        <select id="participant" name="participant" defaultValue={filters.participant ?? ""}>
          <option value="">Anyone</option>
          {facets.participants.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="year">Year</label>
        <select id="year" name="year" defaultValue={filters.year?.toString() ?? ""}>
          <option value="">Any</option>
          {facets.years.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </div>
      {filters.view === "timeline" && <input type="hidden" name="view" value="timeline" />}
      <button type="submit">Apply</button>
    </form>
  );
}
