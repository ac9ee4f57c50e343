import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { registerPool } from "./raw";

/**
 * Deadlines so that a database that is restarting, unreachable or overloaded turns into a quick
 * error (503 "try again") instead of a request that hangs: waiting for a connection, and any one
 * statement. Connections cut by a restart are dropped from the pool and replaced on next use.
 */
const POOL_OPTIONS = {
  max: 10,
  connectionTimeoutMillis: 5_000,
  idleTimeoutMillis: 30_000,
  statement_timeout: 30_000,
  keepAlive: true,
};

export function createPool(
  connectionString: string,
  options: Partial<typeof POOL_OPTIONS> = {},
  PoolClass: typeof pg.Pool = pg.Pool,
): pg.Pool {
  const pool = new PoolClass({ connectionString, ...POOL_OPTIONS, ...options });
  // When the server ends a connection (restart, shutdown) while it is checked out between two
  // queries, pg emits "error" on it with neither pg-pool's nor the adapter's listener attached,
  // and Node turns that into an uncaught exception. The query that uses it next fails and the
  // pool drops it, so the event itself needs no handling; it only must not be unhandled.
  pool.on("connect", (client) => {
    client.on("error", () => {});
    serializeQueries(client);
  });
  pool.on("error", () => {}); // idle connections: the pool already removed them
  return pool;
}

/**
 * One statement at a time per connection. Prisma's query interpreter, inside a transaction (the
 * implicit one of a create that selects relations, e.g. createAnnotation's), reads those
 * relations in parallel on the transaction's single connection. pg queues them today with a
 * deprecation warning and will refuse them in pg@9, and results interleaved on one connection
 * are a correctness hazard: so each connection's queries wait for the previous one here.
 * Callback-style and streaming (submittable) queries pass through unchanged.
 */
export function serializeQueries(client: pg.ClientBase): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  let tail: Promise<unknown> = Promise.resolve();
  client.query = ((...args: unknown[]) => {
    const first = args[0] as { submit?: unknown } | undefined;
    if (typeof args[args.length - 1] === "function" || typeof first?.submit === "function")
      return query(...args);
    const run = tail.then(() => query(...args));
    tail = run.catch(() => {});
    return run;
  }) as typeof client.query;
}

// Shared by the app and the Node scripts (seed, import), so no "server-only" marker here.
// One client per process, created on first use: `next build` loads route modules without a
// database, and hot reload in development must not open a new pool each time.
const globalForPrisma = globalThis as unknown as { memconPrisma?: PrismaClient };

export function getPrisma(): PrismaClient {
  if (!globalForPrisma.memconPrisma) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) {
      throw new Error("DATABASE_URL is not set: start Memcon with `npm start`.");
    }
    const pool = createPool(connectionString);
    const prisma = new PrismaClient({
      adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    });
    // The hot reads go straight to the pool (./raw.ts).
    registerPool(prisma, pool);
    globalForPrisma.memconPrisma = prisma;
  }
  return globalForPrisma.memconPrisma;
}

export type { PrismaClient };
