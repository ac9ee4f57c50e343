// Resolves the database Memcon runs against: DATABASE_URL when set, else an embedded PostgreSQL.
import fs from "node:fs";
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

/**
 * The app's database for a one-off command (backup, restore): DATABASE_URL, else the one a running
 * `npm start` uses (its embedded server holds the data folder), else the embedded PostgreSQL,
 * started for the command and stopped by `stop()`.
 */
export async function openAppDatabase() {
  if (!process.env.DATABASE_URL && fs.existsSync(RUNNING_DATABASE_FILE)) {
    const url = fs.readFileSync(RUNNING_DATABASE_FILE, "utf8").trim();
    try {
      await assertReachable(url, { timeoutMs: 2000 });
      return { url, stop: async () => {}, embedded: false };
    } catch {
      // left behind by a start that did not stop cleanly: start the embedded server below
    }
  }
  return openDatabase();
}
