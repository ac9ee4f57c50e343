#!/usr/bin/env node
// `npm start`: database (embedded unless DATABASE_URL is set) -> migrations -> production build
// (only if sources changed) -> content and demo accounts -> `next start`. Ctrl-C stops it all.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { buildIfStale, nextStartArgs } from "./lib/build.mjs";
import { openDatabase, RUNNING_DATABASE_FILE } from "./lib/database.mjs";
import { migrate } from "./lib/migrate.mjs";
import { isPortFree } from "./lib/ports.mjs";
import { demoWanted, runSeed } from "./lib/seed.mjs";

const started = Date.now();
const port = Number(process.env.PORT ?? 3000);
const say = (message) => console.log(`[memcon] ${message}`);
let database;
let server;
let stopping = false;

// Whatever escapes (a child process's error event no library listens to, say) still ends in
// one line that says what happened; MEMCON_DEBUG=1 shows the whole error.
process.on("uncaughtException", (error) => {
  console.error(`[memcon] Stopped by an unexpected error: ${error?.message ?? error}`);
  if (process.env.MEMCON_DEBUG) console.error(error);
  shutdown(1);
});
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

try {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT must be a number between 1 and 65535 (got "${process.env.PORT}").`);
  }
  if (!(await isPortFree(port))) {
    throw new Error(
      `Port ${port} is already in use. Stop the program using it, or start on another port: PORT=${port + 1} npm start`,
    );
  }

  if (process.env.DATABASE_URL && !process.env.AUTH_SECRET) {
    throw new Error(
      "AUTH_SECRET is required with DATABASE_URL (it protects sessions): set it to a long random string, e.g. AUTH_SECRET=$(openssl rand -base64 32).",
    );
  }

  database = await openDatabase();
  say(
    database.embedded
      ? "Embedded PostgreSQL started (data in .data/postgres)."
      : "Using DATABASE_URL.",
  );

  // Lets `npm run import` load into this running server's database.
  fs.mkdirSync(".data", { recursive: true });
  fs.writeFileSync(RUNNING_DATABASE_FILE, database.url, { mode: 0o600 });

  const applied = await migrate(database.url);
  if (applied.length) say(`Applied ${applied.length} migration(s): ${applied.join(", ")}.`);

  const env = { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: "1" };
  // The embedded default (a local try-out) gets a generated secret; a real server must set one.
  if (!env.AUTH_SECRET) env.AUTH_SECRET = localAuthSecret();
  Object.assign(process.env, env);

  const buildLog = path.resolve(".data/build.log");
  fs.mkdirSync(path.dirname(buildLog), { recursive: true });
  fs.writeFileSync(buildLog, "");
  say("Checking the production build...");
  const built = await buildIfStale({ log: (text) => fs.appendFileSync(buildLog, text) });
  if (built) say("Built the app (log in .data/build.log).");

  // Demo accounts and the demo seminar only on the embedded default (a local try-out), or when
  // asked for.
  const seed = await runSeed(env, { demo: demoWanted({ embedded: database.embedded, env }) });
  if (seed.summary) say(seed.summary);

  server = spawn(process.execPath, nextStartArgs(port), {
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  server.stdout.on("data", (chunk) => {
    const text = String(chunk);
    if (/Ready in|started server/i.test(text)) {
      say(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s: http://localhost:${port}`);
      for (const line of seed.credentials ?? []) say(line);
      say("Press Ctrl-C to stop.");
    } else if (!/^\s*(▲|-|✓|$)/.test(text)) {
      process.stdout.write(text);
    }
  });
  server.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`[memcon] The web server stopped (${signal ?? `exit ${code}`}).`);
      shutdown(code || 1);
    }
  });
} catch (error) {
  console.error(`[memcon] ${error instanceof Error ? error.message : String(error)}`);
  if (error?.details && process.env.MEMCON_DEBUG) console.error(error.details);
  await shutdown(1);
}

/** The embedded default gets a generated secret kept in .data/, so sessions survive restarts. */
function localAuthSecret() {
  const file = path.resolve(".data/auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
  fs.rmSync(RUNNING_DATABASE_FILE, { force: true });
  if (database) {
    await database.stop().catch(() => {});
    if (database.embedded) say("Database stopped.");
  }
  process.exit(code);
}
