#!/usr/bin/env node
// `npm run test:faults`: restart PostgreSQL under a load of concurrent annotators and check that
// no acknowledged write is lost, no refused write is saved, nothing hangs, errors are clear, and
// the app recovers by itself. Runs a production build (`next start`) against its own embedded
// PostgreSQL (data in .data/fault-postgres, wiped each run). Exits non-zero on any failed check.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { buildIfStale, nextStartArgs } from "./lib/build.mjs";
import { ensureDatabase } from "./lib/embedded-pg.mjs";
import { startEmbeddedPostgres } from "./lib/embedded-pg.mjs";
import {
  createLoad,
  createTokens,
  findSelection,
  openBrowser,
  openEventStream,
  verify,
} from "./lib/faults.mjs";
import { migrate } from "./lib/migrate.mjs";
import { findFreePort } from "./lib/ports.mjs";
import { runSeed } from "./lib/seed.mjs";

const CLIENTS = 30;
const USERS = 20;
const LOAD_BEFORE_MS = 5_000; // steady load before the database goes away
const OUTAGE_MS = 6_000; // how long it stays down
const LOAD_AFTER_MS = 10_000; // load after it is back
const REQUEST_BOUND_MS = 15_000; // no request may take longer (it is aborted and counted)
const RECOVERY_BOUND_MS = 15_000; // the app must serve writes again within this after restart
const SLUG = "1959-09-14-liao-ishibashi-third-conversation";
const DATA_DIR = ".data/fault-postgres";

const say = (message) => console.log(`[faults] ${message}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const started = Date.now();
const checks = [];
const check = (ok, label) => {
  checks.push({ ok: Boolean(ok), label });
  console.log(`  ${ok ? "ok  " : "FAIL"} ${label}`);
};

fs.rmSync(DATA_DIR, { recursive: true, force: true });
fs.mkdirSync("test-reports", { recursive: true });
const database = await startEmbeddedPostgres({
  dataDir: DATA_DIR,
  port: await findFreePort(55400),
});
let server;
let browser;
let exitCode = 0;
try {
  await ensureDatabase(database.url(), "memcon_faults");
  const url = database.url("memcon_faults");
  say("Migrating, building (when stale) and loading the library");
  await migrate(url);
  await buildIfStale({ log: () => {} });
  const port = await findFreePort(3300);
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: url,
    AUTH_SECRET: "fault-test-secret-not-for-production-0123456789",
    NEXT_TELEMETRY_DISABLED: "1",
    // Thirty clients writing flat out are a load test, not abuse: lift the per-user limits.
    MEMCON_RATE_LIMIT_FACTOR: "1000",
    PORT: String(port),
  };
  // The demo accounts it writes as; the demo seminar is not needed here.
  await runSeed(env, { demo: true, seminar: false });
  server = spawn(process.execPath, nextStartArgs(port), {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const serverLog = fs.createWriteStream(path.resolve("test-reports/faults-server.log"));
  server.stdout.pipe(serverLog);
  server.stderr.pipe(serverLog);
  await waitFor(async () => (await fetch(`${base}/api/health`)).ok, 60_000, "the app to start");

  const admin = new pg.Pool({ connectionString: url, max: 2 });
  const tokens = await createTokens(admin, USERS);
  const selection = await findSelection(admin, SLUG);
  await admin.end();

  browser = await openBrowser();
  const reader = `${base}/documents/${SLUG}`;
  const pageBefore = await browser.probe(reader, "Record of the Third Conversation");
  const live = openEventStream(`${base}/api/documents/${SLUG}/events`, { token: tokens[0] });
  await waitFor(async () => live.events.includes("ready"), 10_000, "the live-update stream");

  say(`Load: ${CLIENTS} clients as ${USERS} users posting annotations`);
  const load = createLoad({
    base,
    slug: SLUG,
    selection,
    tokens,
    clients: CLIENTS,
    requestBoundMs: REQUEST_BOUND_MS,
  });
  load.start();
  await sleep(LOAD_BEFORE_MS);

  say("Stopping PostgreSQL");
  const downAt = Date.now();
  await database.pause();
  const stoppedAt = Date.now();
  // While it is down: the health check, the reader page and the API must say so clearly.
  await sleep(1_500);
  const healthDown = await probeHealth(base);
  const pageDown = await browser.probe(reader, /try again in a moment/i);
  await sleep(Math.max(0, OUTAGE_MS - (Date.now() - stoppedAt)));
  say("Starting PostgreSQL again (same data, same port)");
  await database.resume();
  const upAt = Date.now();
  const healthRecovery = waitFor(
    async () => (await probeHealth(base)).status === 200,
    RECOVERY_BOUND_MS,
    "health to recover",
  ).then(
    () => Date.now() - upAt,
    () => null,
  );
  await sleep(LOAD_AFTER_MS);
  await load.stop();
  const healthRecoveredMs = await healthRecovery;
  const healthUp = await probeHealth(base);
  const pageUp = await browser.probe(reader, "Record of the Third Conversation");
  // One more write after the load (once its last events are in): the live listener must have
  // reconnected and announce it.
  await sleep(1000);
  const seenBefore = live.events.length;
  const afterwards = await load.postOne("after-restart");
  const announced = () => live.events.slice(seenBefore).includes("changed");
  await waitFor(async () => announced(), 10_000, "the live event").catch(() => {});
  live.close();

  const verifier = new pg.Pool({ connectionString: url, max: 2 });
  const result = await verify(verifier, load.records, load.runId);
  await verifier.end();

  const records = load.records;
  const during = records.filter((r) => r.startedAt >= downAt && r.startedAt < upAt);
  const ackAfterUp = records
    .filter((r) => r.outcome === "acknowledged" && r.startedAt >= upAt)
    .map((r) => r.endedAt - upAt);
  const recoveryMs = ackAfterUp.length ? Math.min(...ackAfterUp) : null;
  const count = (outcome) => records.filter((r) => r.outcome === outcome).length;
  const slowest = Math.max(...records.map((r) => r.endedAt - r.startedAt));
  const refused = records.filter((r) => r.outcome === "refused");
  const unclear = refused.filter((r) => !r.clearError);

  console.log("");
  say("Checks");
  check(server.exitCode === null, "the app process survived the restart (no crash)");
  const log = fs.readFileSync("test-reports/faults-server.log", "utf8");
  const uncaught = log.match(/uncaughtException|unhandledRejection/g) ?? [];
  check(uncaught.length === 0, `no uncaught exception in the server log (${uncaught.length})`);
  check(
    result.missingAcknowledged.length === 0,
    "every acknowledged annotation is in the database",
  );
  check(
    result.savedButRefused.length === 0,
    "no annotation refused with an error response was saved",
  );
  check(result.unexplained.length === 0, "every saved marker was acknowledged or ambiguous");
  check(result.duplicates.length === 0, "no annotation was saved twice");
  check(count("timeout") === 0, `no request took longer than ${REQUEST_BOUND_MS / 1000} s`);
  check(during.length > 0, "requests were sent during the outage");
  check(refused.length > 0, "some writes were refused during the outage");
  check(unclear.length === 0, "every refusal is JSON with a clear message and no stack trace");
  check(
    refused.every((r) => r.status === 503),
    `refusals are 503 (got ${[...new Set(refused.map((r) => r.status))].join(", ") || "none"})`,
  );
  check(
    healthDown.status === 503,
    `/api/health answered 503 during the outage (${healthDown.status})`,
  );
  check(
    healthRecoveredMs !== null && healthUp.status === 200,
    "/api/health answered 200 after the restart",
  );
  check(pageBefore.ok, `the reader page works before the outage (${pageBefore.note})`);
  check(pageDown.ok, `the reader page during the outage is a clear error page (${pageDown.note})`);
  check(pageUp.ok, `the reader page works again after the restart (${pageUp.note})`);
  check(
    recoveryMs !== null && recoveryMs <= RECOVERY_BOUND_MS,
    `writes were acknowledged again within ${RECOVERY_BOUND_MS / 1000} s of the restart`,
  );
  check(afterwards.status === 201, "a write after the load is acknowledged");
  check(live.events.includes("reconnected"), "the live-update listener reconnected by itself");
  check(announced(), "the live stream announces a write made after the restart");

  console.log("");
  say("Figures");
  const figures = {
    "requests sent": records.length,
    acknowledged: count("acknowledged"),
    "refused with a clear error": refused.length - unclear.length,
    "refused otherwise": unclear.length + count("rejected"),
    "ambiguous (network error)": count("network"),
    "ambiguous (timed out)": count("timeout"),
    "found in the database": result.found,
    "ambiguous ones that were saved": result.ambiguousSaved,
    "outage (stop to start), s": ((upAt - downAt) / 1000).toFixed(1),
    "first acknowledged write after restart, s":
      recoveryMs === null ? "never" : (recoveryMs / 1000).toFixed(1),
    "health 200 after restart, s":
      healthRecoveredMs === null ? "never" : (healthRecoveredMs / 1000).toFixed(1),
    "slowest request, s": (slowest / 1000).toFixed(1),
    "status codes": JSON.stringify(load.statusCounts()),
  };
  for (const [name, value] of Object.entries(figures)) console.log(`  ${name}: ${value}`);
  for (const example of unclear.slice(0, 3))
    console.log(`  unclear refusal: ${example.status} ${example.body.slice(0, 300)}`);
  if (result.savedButRefused.length)
    console.log(`  saved although refused: ${JSON.stringify(result.savedButRefused.slice(0, 3))}`);
  if (checks.some((c) => !c.ok)) exitCode = 1;
} catch (error) {
  console.error(`[faults] ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await browser?.close().catch(() => {});
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
  await database.stop().catch(() => {});
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
}
say(
  `${exitCode ? "FAILED" : "passed"} in ${((Date.now() - started) / 1000).toFixed(0)} s` +
    " (server log: test-reports/faults-server.log)",
);
process.exit(exitCode);

async function probeHealth(base) {
  try {
    const response = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5_000) });
    return { status: response.status, body: await response.json() };
  } catch (error) {
    return { status: 0, body: String(error) };
  }
}

async function waitFor(condition, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if (await condition()) return;
    } catch {
      // not yet
    }
    await sleep(250);
  }
  throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}.`);
}
