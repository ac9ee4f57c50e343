import "server-only";
import type { MaybeViewer } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db";
import { readableDocumentsSql } from "./scope";

// Full-text search over every turn (PostgreSQL `websearch_to_tsquery`, English stemming, ranked
// with ts_rank, snippets from ts_headline). The expression matches the GIN index in the migration.

/** Private-use characters mark highlights in snippets, so no HTML ever comes from the database. */
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";

export interface SearchHit {
  anchor: number;
  kind: string;
  speaker: string | null;
  snippet: string;
  rank: number;
}

export interface SearchResult {
  slug: string;
  title: string;
  date: string | null;
  rank: number;
  hits: SearchHit[];
}

interface Row {
  slug: string;
  title: string;
  date: string | null;
  anchor: number;
  kind: string;
  speaker: string | null;
  snippet: string;
  rank: number;
}

/** Search the turns of the documents the viewer may read. */
export async function searchTranscripts(
  query: string,
  viewer: MaybeViewer,
  { maxHitsPerDocument = 5 } = {},
): Promise<SearchResult[]> {
  const text = query.trim().slice(0, 200);
  if (!text) return [];
  const rows = await getPrisma().$queryRaw<Row[]>`
    WITH q AS (SELECT websearch_to_tsquery('english', ${text}) AS query)
    SELECT d.slug, d.title, d.date, t.anchor, t.kind::text AS kind, p.name AS speaker,
           ts_headline('english', t.text, q.query,
             ${`StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`}
           ) AS snippet,
           ts_rank(to_tsvector('english', t.text), q.query)::float8 AS rank
    FROM "Turn" t
    JOIN "Document" d ON d.id = t."documentId"
    LEFT JOIN "Participant" p ON p.id = t."speakerId"
    CROSS JOIN q
    WHERE to_tsvector('english', t.text) @@ q.query AND ${readableDocumentsSql(viewer, "d")}
    ORDER BY rank DESC, d.slug, t.position
    LIMIT 500`;

  const byDocument = new Map<string, SearchResult>();
  for (const row of rows) {
    const result = byDocument.get(row.slug) ?? {
      slug: row.slug,
      title: row.title,
      date: row.date,
      rank: 0,
      hits: [],
    };
    result.rank += row.rank;
    if (result.hits.length < maxHitsPerDocument) {
      result.hits.push({
        anchor: row.anchor,
        kind: row.kind,
        speaker: row.speaker,
        snippet: row.snippet,
        rank: row.rank,
      });
    }
    byDocument.set(row.slug, result);
  }
  return [...byDocument.values()].sort((a, b) => b.rank - a.rank);
}

/** Split a snippet into plain and highlighted parts for rendering. */
export function snippetParts(snippet: string): { text: string; highlighted: boolean }[] {
  const parts: { text: string; highlighted: boolean }[] = [];
  const pattern = new RegExp(`${MARK_START}([^${MARK_END}]*)${MARK_END}`, "g");
  let last = 0;
  for (const match of snippet.matchAll(pattern)) {
    if (match.index > last)
      parts.push({ text: snippet.slice(last, match.index), highlighted: false });
    parts.push({ text: match[1] ?? "", highlighted: true });
    last = match.index + match[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), highlighted: false });
  return parts;
}
