// The PostgreSQL server the test suite uses: TEST_DATABASE_URL when set, else an embedded one.
// Test databases are cloned from a template that has every migration applied, so each test file
// (and the end-to-end run) gets a fresh, fully migrated database in a fraction of a second.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { assertReachable } from "./database.mjs";
import { dropDatabase, quoteIdent, startEmbeddedPostgres, withDatabase } from "./embedded-pg.mjs";
import { listMigrations, migrate } from "./migrate.mjs";

/** { adminUrl, stop } — adminUrl points at a database from which we may CREATE DATABASE. */
export async function openTestCluster() {
  if (process.env.TEST_DATABASE_URL) {
    await assertReachable(process.env.TEST_DATABASE_URL);
    return { adminUrl: process.env.TEST_DATABASE_URL, stop: async () => {} };
  }
  let server;
  try {
    server = await startEmbeddedPostgres({ dataDir: ".data/test-postgres" });
  } catch {
    // Another test run holds .data/test-postgres: use a throwaway cluster instead.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "memcon-test-pg-"));
    fs.chmodSync(dir, 0o755);
    server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data") });
  }
  return { adminUrl: server.url("postgres"), stop: () => server.stop() };
}

function migrationsHash() {
  const hash = createHash("sha256");
  for (const name of listMigrations()) {
    hash
      .update(name)
      .update(fs.readFileSync(path.join("prisma/migrations", name, "migration.sql")));
  }
  return hash.digest("hex").slice(0, 12);
}

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Name of a migrated template database for the current migrations (created when missing). */
export async function ensureTemplate(adminUrl) {
  const name = `memcon_template_${migrationsHash()}`;
  const exists = await withClient(adminUrl, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return rowCount > 0;
  });
  if (exists) return name;

  // Build under a temporary name and rename when done, so a half-migrated template never exists.
  const building = `${name}_building_${randomBytes(3).toString("hex")}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(building)}`));
  try {
    await migrate(withDatabase(adminUrl, building));
    await withClient(adminUrl, async (client) => {
      await client.query(`ALTER DATABASE ${quoteIdent(building)} RENAME TO ${quoteIdent(name)}`);
      // Older templates (previous migrations) are no longer useful.
      const { rows } = await client.query(
        "SELECT datname FROM pg_database WHERE datname LIKE 'memcon_template_%' AND datname <> $1",
        [name],
      );
      for (const row of rows)
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(row.datname)} WITH (FORCE)`);
    });
  } catch (error) {
    await dropDatabase(adminUrl, building).catch(() => {});
    throw error;
  }
  return name;
}

/** Create a fresh database cloned from `template`; returns its URL and a dropper. */
export async function createTestDatabase(adminUrl, template, prefix = "memcon_test") {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  // Concurrent clones of one template can collide briefly; retry a few times.
  for (let attempt = 0; ; attempt++) {
    try {
      await withClient(adminUrl, (client) =>
        client.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`),
      );
      break;
    } catch (error) {
      if (attempt >= 5 || !/being accessed by other users/.test(String(error?.message)))
        throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * (attempt + 1)));
    }
  }
  return { name, url: withDatabase(adminUrl, name), drop: () => dropDatabase(adminUrl, name) };
}
