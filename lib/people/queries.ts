import "server-only";
import { LRUCache } from "lru-cache";
import { z } from "zod";
import type { MaybeViewer } from "@/lib/auth/permissions";
import { rawRows } from "@/lib/db/raw";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { editionLabel } from "@/lib/library/edition-label";
import { readableDocumentsKey, readableDocumentsWhere } from "@/lib/library/scope";
import { buildPeople, type Person } from "./people";

// People across the documents a viewer may read. Every row comes through readableDocumentsWhere:
// a person named only in a course's own document is not listed for anyone outside the course,
// and counts, dates, names and turns count only the documents the viewer may read.

/**
 * What the people of the library are made from changes only when a document is imported, edited,
 * moved or removed (each write sets its update time; a removal changes the count) or an authority
 * record is set or cleared. One small statement: the reader links every speaker's name to a person
 * on each page view, and grouping the whole corpus's participants (with their turn counts) for
 * that took more of a large document's render than anything else (bench/README.md, round 4).
 */
async function libraryStamp(prisma: PrismaClient): Promise<string> {
  const [row] = await rawRows<Record<string, unknown>>(
    prisma,
    Prisma.sql`SELECT (SELECT count(*)::int FROM "Document") AS documents,
                      (SELECT max("updatedAt") FROM "Document") AS "documentsAt",
                      (SELECT count(*)::int FROM "PersonAuthority") AS authorities,
                      (SELECT max("updatedAt") FROM "PersonAuthority") AS "authoritiesAt"`,
  );
  return Object.values(row ?? {})
    .map((value) => (value instanceof Date ? value.getTime() : String(value)))
    .join(" ");
}

// Per scope, with the stamp it was built at; each value is shared by every request of that scope
// and never changed by a caller.
const built = new LRUCache<string, { stamp: string; value: Promise<unknown> }>({ max: 200 });

async function perLibrary<T>(
  name: string,
  prisma: PrismaClient,
  viewer: MaybeViewer,
  build: () => Promise<T>,
): Promise<T> {
  const stamp = await libraryStamp(prisma);
  const key = `${name} ${readableDocumentsKey(viewer)}`;
  const kept = built.get(key);
  if (kept?.stamp === stamp) return kept.value as Promise<T>;
  const value = build();
  built.set(key, { stamp, value });
  // A failed build is not kept: the next request tries again.
  value.catch(() => built.get(key)?.value === value && built.delete(key));
  return value;
}

/** The people of the documents the viewer may read. */
export function readablePeople(prisma: PrismaClient, viewer: MaybeViewer): Promise<Person[]> {
  return perLibrary("people", prisma, viewer, () => buildReadablePeople(prisma, viewer));
}

async function buildReadablePeople(prisma: PrismaClient, viewer: MaybeViewer): Promise<Person[]> {
  const rows = await prisma.participant.findMany({
    where: { document: readableDocumentsWhere(viewer) },
    select: {
      id: true,
      name: true,
      label: true,
      title: true,
      role: true,
      _count: { select: { turns: true } },
      document: {
        select: {
          slug: true,
          title: true,
          date: true,
          shape: true,
          archive: true,
          archiveUrl: true,
          fields: true,
        },
      },
    },
    orderBy: [{ document: { slug: "asc" } }, { position: "asc" }],
  });
  return buildPeople(
    rows.map(({ _count, document, ...row }) => ({
      ...row,
      turns: _count.turns,
      document: {
        slug: document.slug,
        title: document.title,
        date: document.date,
        edition: editionLabel(document),
      },
    })),
  );
}

/** The person an address names (their slug, or any of their names' slugs), if readable. */
export async function readablePerson(
  prisma: PrismaClient,
  viewer: MaybeViewer,
  slug: string,
): Promise<Person | null> {
  const people = await readablePeople(prisma, viewer);
  return (
    people.find((person) => person.slug === slug) ??
    people.find((person) => person.slugs.includes(slug)) ??
    null
  );
}

/**
 * Each participants row's person (slug) and authority record, for linking names in the reader
 * and describing them in its JSON-LD.
 */
export function peopleByParticipant(
  prisma: PrismaClient,
  viewer: MaybeViewer,
): Promise<ReadonlyMap<string, { slug: string; authority: string | null }>> {
  return perLibrary("participants", prisma, viewer, () => buildPeopleByParticipant(prisma, viewer));
}

async function buildPeopleByParticipant(
  prisma: PrismaClient,
  viewer: MaybeViewer,
): Promise<Map<string, { slug: string; authority: string | null }>> {
  const [people, authorities] = await Promise.all([
    readablePeople(prisma, viewer),
    prisma.personAuthority.findMany({ select: { slug: true, uri: true } }),
  ]);
  const uriOf = new Map(authorities.map((row) => [row.slug, row.uri]));
  return new Map(
    people.flatMap((person) => {
      const authority =
        uriOf.get(person.slug) ??
        person.slugs.map((slug) => uriOf.get(slug)).find((uri) => uri !== undefined) ??
        null;
      return person.participantIds.map((id) => [id, { slug: person.slug, authority }] as const);
    }),
  );
}

/** The search within a person's turns, as it arrives in the URL: malformed means none. */
export const turnSearchSchema = z.string().trim().max(200).optional().catch(undefined);

export interface PersonTurn {
  anchor: number;
  text: string;
  pages: string[];
  /** The speaker's name as this document gives it. */
  speaker: string;
  document: { slug: string; title: string; date: string | null };
  /** The turn before, for context. */
  before: { anchor: number; text: string; speaker: string | null; kind: string } | null;
}

/** At most this many turns on a page: the whole of any person in today's library. */
export const TURN_LIMIT = 500;

/**
 * Everything a person said (their turns across the documents the viewer may read), in date
 * order, each with the turn before it; `q` keeps the turns whose words contain it.
 */
export async function personTurns(
  prisma: PrismaClient,
  viewer: MaybeViewer,
  person: Pick<Person, "participantIds">,
  q?: string,
): Promise<{ turns: PersonTurn[]; total: number }> {
  const where = {
    speakerId: { in: person.participantIds },
    // Scoped again: a participants row is only ever the viewer's if its document is.
    document: readableDocumentsWhere(viewer),
    ...(q ? { text: { contains: q, mode: "insensitive" as const } } : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.turn.findMany({
      where,
      orderBy: [
        { document: { sortDate: { sort: "asc", nulls: "last" } } },
        { document: { title: "asc" } },
        { document: { slug: "asc" } },
        { position: "asc" },
      ],
      take: TURN_LIMIT,
      select: {
        documentId: true,
        position: true,
        anchor: true,
        text: true,
        pages: true,
        speaker: { select: { name: true } },
        document: { select: { slug: true, title: true, date: true } },
      },
    }),
    prisma.turn.count({ where }),
  ]);
  const befores = rows.length
    ? await prisma.turn.findMany({
        where: {
          OR: rows
            .filter((row) => row.position > 0)
            .map((row) => ({ documentId: row.documentId, position: row.position - 1 })),
        },
        select: {
          documentId: true,
          position: true,
          anchor: true,
          text: true,
          kind: true,
          speaker: { select: { name: true } },
        },
      })
    : [];
  const beforeOf = new Map(befores.map((row) => [`${row.documentId}:${row.position}`, row]));
  return {
    total,
    turns: rows.map((row) => {
      const before = beforeOf.get(`${row.documentId}:${row.position - 1}`);
      return {
        anchor: row.anchor,
        text: row.text,
        pages: row.pages,
        speaker: row.speaker?.name ?? "",
        document: row.document,
        before: before
          ? {
              anchor: before.anchor,
              text: before.text,
              speaker: before.speaker?.name ?? null,
              kind: before.kind,
            }
          : null,
      };
    }),
  };
}
