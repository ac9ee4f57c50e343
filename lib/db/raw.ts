import { createHash } from "node:crypto";
import pg from "pg";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

// The hot reads (the reader's notes, the API's lists, the viewer and token lookups) are single
// SQL statements. Through `$queryRaw` each result still passes Prisma's engine (rows turned into
// JSON, handed across WebAssembly and parsed back): for the 1,800 notes of a large seminar
// document that cost more CPU than PostgreSQL spent on the query (bench/README.md). So they run
// on the same pg pool directly. Transaction clients and clients made without a registered pool
// (a script's own) fall back to `$queryRaw`; both paths return the same shapes because every
// count is cast to int in SQL.

// On globalThis, as the client itself is (./index.ts): Next's server build evaluates this module
// once in each chunk that bundles it (the server actions' and the pages'), and a registry per copy
// left every copy but one without the pool, its hot reads quietly back on Prisma's engine.
const registry = globalThis as unknown as { memconPools?: WeakMap<object, pg.Pool> };
const pools = (registry.memconPools ??= new WeakMap<object, pg.Pool>());

/** Called where the app's PrismaClient is made on a pool (lib/db/index.ts). */
export function registerPool(prisma: PrismaClient, pool: pg.Pool) {
  pools.set(prisma, pool);
}

/** The pg pool a client was made on (the replica's pool falls back to the primary's). */
export function poolOf(prisma: object): pg.Pool | undefined {
  return pools.get(prisma);
}

// Prisma's DateTime columns are `timestamp(3)` without a zone, holding UTC; pg would read them
// in the process's local zone.
const TIMESTAMP_WITHOUT_ZONE = 1114;
const parseUtc = (value: string) => new Date(`${value.replace(" ", "T")}Z`);
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_WITHOUT_ZONE
      ? parseUtc
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

// Dates as ISO strings in UTC: pg would write them in the local zone, and PostgreSQL drops the
// offset when it casts to `timestamp` without a zone.
const toParameter = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

// Named, so each pooled connection parses and plans a statement once and then only binds and
// runs it: about a quarter of an API request's CPU in the app and PostgreSQL (bench/README.md).
// The statements are the few the code writes (values are always parameters), so the map stays
// small. Behind PgBouncer in transaction mode this needs max_prepared_statements (1.21+); with
// an older PgBouncer (Debian 12 ships 1.18) set DATABASE_PREPARED_STATEMENTS=off: statements are
// then sent unnamed, as Prisma's driver adapter always sends its own (docs/scaling.md).
const names = new Map<string, string>();
export function namedStatements(
  env: Partial<Record<string, string | undefined>> = process.env,
): boolean {
  return !/^(off|false|0|no)$/i.test(env.DATABASE_PREPARED_STATEMENTS?.trim() ?? "");
}
function statementName(text: string) {
  if (!namedStatements()) return undefined;
  let name = names.get(text);
  if (!name) {
    name = `memcon_${createHash("sha1").update(text).digest("hex").slice(0, 16)}`;
    names.set(text, name);
  }
  return name;
}

/** Rows of a `Prisma.sql` statement, read through pg when the client's pool is known. */
export async function rawRows<T>(
  prisma: PrismaClient | Prisma.TransactionClient,
  query: Prisma.Sql,
): Promise<T[]> {
  const pool = pools.get(prisma);
  if (!pool) return (prisma as PrismaClient).$queryRaw<T[]>(query);
  const result = await pool.query<T & pg.QueryResultRow>({
    name: statementName(query.text),
    text: query.text,
    values: query.values.map(toParameter),
    types,
  });
  return result.rows;
}
