import { findPerson, groupPeople } from "./people";
import "server-only";
import { z } from "zod";
import type { MaybeViewer } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db";
import { rawRows } from "@/lib/db/raw";
import { Prisma } from "@/lib/generated/prisma/client";
import { readableDocumentsSql, readableDocumentsWhere } from "./scope";
import { matchEntry } from "./collection-matching";

export interface LibraryItem {
  slug: string;
  title: string;
  date: string | null;
  archive: string | null;
  summary: string | null;
  turnCount: number;
  participants: string[];
}

/** The library's filters, as they arrive in the URL: anything malformed is ignored, not fatal. */
export const libraryFiltersSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  collection: z.string().max(120).optional().catch(undefined),
  participant: z.string().max(200).optional().catch(undefined),
  year: z.coerce.number().int().min(1000).max(2999).optional().catch(undefined),
  view: z.enum(["list", "timeline"]).optional().catch(undefined),
});
export type LibraryFilters = z.infer<typeof libraryFiltersSchema>;

const firstValue = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value) || undefined;

export function parseLibraryFilters(
  params: Record<string, string | string[] | undefined>,
): LibraryFilters {
  return libraryFiltersSchema.parse({
    q: firstValue(params.q),
    collection: firstValue(params.collection),
    participant: firstValue(params.participant),
    year: firstValue(params.year),
    view: firstValue(params.view),
  });
}

/**
 * Every document the viewer may read matching the filters (the public library and their courses'
 * documents), oldest first (undated last).
 */
export async function listDocuments(
  viewer: MaybeViewer,
  filters: LibraryFilters = {},
): Promise<LibraryItem[]> {
  const prisma = getPrisma();
  let slugs: string[] | undefined;
  if (filters.collection) {
    const collection = await getCollection(filters.collection, viewer);
    slugs = collection
      ? collection.entries.flatMap((entry) => (entry.document ? [entry.document.slug] : []))
      : [];
  }
  // A person is found under every name the documents use for them ("Kishi", "Nobusuke Kishi").
  const names = filters.participant
    ? (findPerson(await libraryPeople(viewer), filters.participant)?.names ?? [filters.participant])
    : undefined;
  const documents = await prisma.document.findMany({
    where: {
      ...readableDocumentsWhere(viewer),
      ...(slugs ? { slug: { in: slugs } } : {}),
      ...(names ? { participants: { some: { name: { in: names } } } } : {}),
      ...(filters.year
        ? {
            sortDate: {
              gte: new Date(Date.UTC(filters.year, 0, 1)),
              lt: new Date(Date.UTC(filters.year + 1, 0, 1)),
            },
          }
        : {}),
    },
    orderBy: [{ sortDate: { sort: "asc", nulls: "last" } }, { title: "asc" }],
    select: {
      slug: true,
      title: true,
      date: true,
      archive: true,
      summary: true,
      participants: { select: { name: true }, orderBy: { position: "asc" } },
      _count: { select: { turns: true } },
    },
  });
  return documents.map(({ _count, participants, ...document }) => ({
    ...document,
    turnCount: _count.turns,
    participants: participants.map((participant) => participant.name),
  }));
}

/**
 * The people of the documents the viewer may read, each once, from those documents' participants
 * (a course's own document adds its people only for its members).
 */
async function libraryPeople(viewer: MaybeViewer) {
  const participants = await getPrisma().participant.findMany({
    where: { document: readableDocumentsWhere(viewer) },
    distinct: ["name"],
    select: { name: true },
  });
  return groupPeople(participants.map((participant) => participant.name));
}

/** Values the library can be filtered by (from the documents the viewer may read). */
export async function libraryFacets(viewer: MaybeViewer) {
  const prisma = getPrisma();
  const [collections, people, years] = await Promise.all([
    prisma.collection.findMany({ select: { slug: true, title: true }, orderBy: { title: "asc" } }),
    libraryPeople(viewer),
    rawRows<{ year: number }>(
      prisma,
      Prisma.sql`
      SELECT DISTINCT EXTRACT(YEAR FROM d."sortDate")::int AS year FROM "Document" d
      WHERE d."sortDate" IS NOT NULL AND ${readableDocumentsSql(viewer, "d")} ORDER BY year`,
    ),
  ]);
  return {
    collections,
    participants: people.map((person) => person.name),
    years: years.map((row) => row.year),
  };
}

export async function listCollections() {
  return getPrisma().collection.findMany({
    orderBy: { title: "asc" },
    select: { slug: true, title: true, description: true, _count: { select: { entries: true } } },
  });
}

/**
 * A collection with its entries in date order, each linked to its library document if present
 * and readable by the viewer.
 */
export async function getCollection(slug: string, viewer: MaybeViewer) {
  const prisma = getPrisma();
  const collection = await prisma.collection.findUnique({
    where: { slug },
    include: { entries: { orderBy: [{ date: "asc" }, { position: "asc" }] } },
  });
  if (!collection) return null;
  const dates = [...new Set(collection.entries.map((entry) => entry.date))];
  const named = collection.entries.flatMap((entry) =>
    entry.documentSlug ? [entry.documentSlug] : [],
  );
  const candidates = await prisma.document.findMany({
    where: {
      AND: [
        readableDocumentsWhere(viewer),
        { OR: [{ date: { in: dates } }, { slug: { in: named } }] },
      ],
    },
    select: { slug: true, date: true, title: true },
  });
  return {
    ...collection,
    entries: collection.entries.map((entry) => ({
      ...entry,
      document: matchEntry(entry, candidates) ?? null,
    })),
  };
}
