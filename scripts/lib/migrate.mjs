// Applies prisma/migrations to a database with `prisma migrate deploy`, but only when something
// is pending: the WebAssembly engine idles ~10 s before exiting, which a second start should not pay.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import pg from "pg";
import { prismaEnv } from "./prisma-env.mjs";

const MIGRATIONS_DIR = path.resolve("prisma/migrations");

export function listMigrations(dir = MIGRATIONS_DIR) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Names of migrations in prisma/migrations that the database has not finished applying. */
export async function pendingMigrations(databaseUrl, dir = MIGRATIONS_DIR) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS present`,
    );
    if (!rows[0].present) return listMigrations(dir);
    const applied = await client.query(
      `SELECT migration_name FROM _prisma_migrations
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Set(applied.rows.map((row) => row.migration_name));
    return listMigrations(dir).filter((name) => !done.has(name));
  } finally {
    await client.end();
  }
}

/**
 * Apply pending migrations; resolves with their names. Throws a one-line error on failure.
 * `schema` (default prisma/schema.prisma) tells Prisma where the migrations folder is: beside it.
 */
export async function migrate(databaseUrl, { schema } = {}) {
  const dir = schema ? path.join(path.dirname(schema), "migrations") : MIGRATIONS_DIR;
  const pending = await pendingMigrations(databaseUrl, dir);
  if (pending.length === 0) return [];
  const require = createRequire(import.meta.url);
  const cli = require.resolve("prisma/build/index.js");
  const output = await new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [cli, "migrate", "deploy", ...(schema ? ["--schema", schema] : [])],
      {
        env: prismaEnv({ ...process.env, DATABASE_URL: databaseUrl }),
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let text = "";
    child.stdout.on("data", (chunk) => (text += chunk));
    child.stderr.on("data", (chunk) => (text += chunk));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(text) : reject(migrationError(text))));
  });
  if (!/successfully applied|No pending migrations/i.test(output)) throw migrationError(output);
  return pending;
}

function migrationError(output) {
  // The engine prints "Error: ..." then the database's reason on the next line, and the
  // migration's name in its trace.
  const name = output.match(/migration_name="([^"]+)"/)?.[1];
  const reason =
    output.match(/Error querying the database: (.+)/)?.[1] ??
    output.match(/^Error: external connector error\n(.+)$/m)?.[1] ??
    output.match(/^Error: (.+)$/m)?.[1] ??
    output.trim().split("\n").pop();
  const line = name ? `${name}: ${reason}` : reason;
  const error = new Error(
    `A database migration failed (${line}). The database is unchanged past the last good ` +
      `migration; fix the migration, then resolve it with "npm run prisma -- migrate resolve".`,
  );
  error.details = output;
  return error;
}
