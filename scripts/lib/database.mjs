// Resolves the database Memcon runs against: DATABASE_URL when set, else an embedded PostgreSQL.
import pg from "pg";
import { ensureDatabase, startEmbeddedPostgres, withDatabase } from "./embedded-pg.mjs";

/** Where a running `npm start` notes its database URL, for `npm run import`. */
export const RUNNING_DATABASE_FILE = ".data/running-database-url";

/** Throw a one-line, actionable error when the server at `url` does not answer. */
export async function assertReachable(url, { timeoutMs = 5000 } = {}) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const where = describe(url);
    const reason = error?.code ?? error?.message ?? String(error);
    throw new Error(
      `Cannot reach the database at ${where} (${reason}). Check DATABASE_URL, or unset it to ` +
        `use the embedded PostgreSQL.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/** { url, stop, embedded } for the app database named `name`. */
export async function openDatabase({ dataDir = ".data/postgres", name = "memcon" } = {}) {
  if (process.env.DATABASE_URL) {
    await assertReachable(process.env.DATABASE_URL);
    return { url: process.env.DATABASE_URL, stop: async () => {}, embedded: false };
  }
  const server = await startEmbeddedPostgres({ dataDir });
  try {
    await ensureDatabase(server.url(), name);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: server.url(name), stop: () => server.stop(), embedded: true, server };
}

/** host:port/database of a URL, without credentials, for messages. */
export function describe(url) {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return "an unparsable DATABASE_URL";
  }
}

export { withDatabase };
