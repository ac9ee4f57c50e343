import "server-only";
import type { MaybeViewer } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db";
import { rawRows } from "@/lib/db/raw";
import { Prisma } from "@/lib/generated/prisma/client";
import { cjkRuns, cjkTsQuery } from "./cjk";
import { readableDocumentsSql } from "./scope";

// Full-text search over every turn (PostgreSQL `websearch_to_tsquery`, English stemming, ranked
// with ts_rank, snippets from ts_headline). The expression matches the GIN index in the migration.
// A query in Chinese or Japanese goes through the CJK bigram index instead (cjk.ts says why).

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
  /** How many turns of the document match (hits holds the best few). */
  matches: number;
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
  const cjk = cjkTsQuery(text);
  const rows = cjk ? await searchCjk(text, cjk, viewer) : await searchEnglish(text, viewer);
  return groupByDocument(rows, maxHitsPerDocument);
}

/**
 * Chinese and Japanese: the bigram index finds the candidates, and each CJK run of the query
 * must occur in the turn as written (a bigram phrase could span two runs); other words of the
 * query must occur too, case aside. Ranked by ts_rank over the bigrams; the snippet is cut here.
 */
async function searchCjk(text: string, tsquery: string, viewer: MaybeViewer): Promise<Row[]> {
  const runs = cjkRuns(text);
  const others = text
    .split(/\s+/)
    .map((word) =>
      word.replace(
        /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々〆]+/gu,
        "",
      ),
    )
    .filter((word) => word.length > 0);
  const needles = [...runs, ...others];
  const rows = await rawRows<Row & { text: string }>(
    getPrisma(),
    Prisma.sql`
    WITH q AS (SELECT to_tsquery('simple', ${tsquery}) AS query)
    SELECT d.slug, d.title, d.date, t.anchor, t.kind::text AS kind, p.name AS speaker, t.text,
           '' AS snippet,
           ts_rank(to_tsvector('simple', coalesce(t."cjkBigrams", '')), q.query)::float8 AS rank
    FROM "Turn" t
    JOIN "Document" d ON d.id = t."documentId"
    LEFT JOIN "Participant" p ON p.id = t."speakerId"
    CROSS JOIN q
    WHERE to_tsvector('simple', coalesce(t."cjkBigrams", '')) @@ q.query
      AND ${readableDocumentsSql(viewer, "d")}
    ORDER BY rank DESC, d.slug, t.position
    LIMIT 500`,
  );
  return rows
    .filter((row) =>
      needles.every((needle) => row.text.toLowerCase().includes(needle.toLowerCase())),
    )
    .map(({ text: turnText, ...row }) => ({ ...row, snippet: cjkSnippet(turnText, runs) }));
}

/** Up to 40 characters either side of the first match, every run of the query marked. */
export function cjkSnippet(text: string, runs: readonly string[]): string {
  const first = Math.min(...runs.map((run) => text.indexOf(run)).filter((at) => at >= 0));
  const start = Math.max(0, first - 40);
  const end = Math.min(text.length, first + 80);
  let snippet = text.slice(start, end);
  for (const run of [...runs].sort((a, b) => b.length - a.length))
    snippet = snippet.split(run).join(`${MARK_START}${run}${MARK_END}`);
  return `${start > 0 ? "… " : ""}${snippet}${end < text.length ? " …" : ""}`;
}

/** English (and any alphabetic script): stemmed full-text search with ts_rank and ts_headline. */
async function searchEnglish(text: string, viewer: MaybeViewer): Promise<Row[]> {
  return rawRows<Row>(
    getPrisma(),
    Prisma.sql`
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
    LIMIT 500`,
  );
}

function groupByDocument(rows: readonly Row[], maxHitsPerDocument: number): SearchResult[] {
  const byDocument = new Map<string, SearchResult>();
  for (const row of rows) {
    const result = byDocument.get(row.slug) ?? {
      slug: row.slug,
      title: row.title,
      date: row.date,
      rank: 0,
      matches: 0,
      hits: [],
    };
    result.rank += row.rank;
    result.matches += 1;
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
