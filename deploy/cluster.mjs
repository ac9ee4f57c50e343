#!/usr/bin/env node
// `npm run cluster [-- --apps N]`: Memcon beyond one machine, on this one. Starts, in the
// background, a PostgreSQL 15 primary with a streaming read replica, PgBouncer (transaction
// pooling) in front of the primary, N app processes of the same production build with the same
// secrets (default 2), and HAProxy in front of them; then returns. Debian's postgresql-15,
// pgbouncer and haproxy are installed when missing. A fresh cluster each start (data in
// .data/cluster/, wiped). `npm run cluster -- --stop` stops it all. docs/scaling.md explains it.
import fs from "node:fs";
import { buildIfStale } from "../scripts/lib/build.mjs";
import { migrate } from "../scripts/lib/migrate.mjs";
import { runSeed } from "../scripts/lib/seed.mjs";
import {
  ROOT,
  appDatabaseEnv,
  createPrimary,
  createReplica,
  defaultPorts,
  newSecrets,
  readState,
  startApp,
  startHaproxy,
  startPgBouncer,
  stopCluster,
  waitForApp,
  waitForHttp,
  writeState,
} from "./lib/cluster.mjs";
import { alive, ensurePackages, say } from "./lib/system.mjs";
import { isPortFree } from "../scripts/lib/ports.mjs";

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};

if (args.includes("--stop")) {
  const stopped = await stopCluster();
  say(stopped ? "Cluster stopped." : "No cluster state in .data/cluster: nothing to stop.");
  process.exit(0);
}

const apps = Number(option("--apps") ?? process.env.CLUSTER_APPS ?? 2);
if (!Number.isInteger(apps) || apps < 1 || apps > 8) {
  console.error("[cluster] --apps must be a number from 1 to 8.");
  process.exit(1);
}
const previous = readState();
if (previous && previous.appPorts.some((_, i) => alive(Number(readPid(i + 1))))) {
  console.error(
    "[cluster] A cluster is already running (.data/cluster): stop it first with `npm run cluster -- --stop`.",
  );
  process.exit(1);
}
await stopCluster(previous); // leftovers of one that did not stop cleanly

const started = Date.now();
const ports = defaultPorts();
const state = {
  httpPort: ports.http,
  statsPort: ports.stats,
  appPorts: Array.from({ length: apps }, (_, i) => ports.app(i + 1)),
  primaryDir: "node-a",
  primaryPort: ports.primary,
  replicaDir: "node-b",
  replicaPort: ports.replica,
  pgbouncerPort: ports.pgbouncer,
  secrets: newSecrets(),
  rateLimitFactor: process.env.MEMCON_RATE_LIMIT_FACTOR ?? null,
};
for (const port of [
  state.httpPort,
  state.statsPort,
  ...state.appPorts,
  state.primaryPort,
  state.replicaPort,
  state.pgbouncerPort,
]) {
  if (!(await isPortFree(port))) {
    console.error(
      `[cluster] Port ${port} is in use; set CLUSTER_PORT to another base (now ${ports.http}).`,
    );
    process.exit(1);
  }
}

try {
  ensurePackages();
  fs.rmSync(ROOT, { recursive: true, force: true });
  fs.mkdirSync(ROOT, { recursive: true });
  writeState(state);

  say(`PostgreSQL 15 primary on :${state.primaryPort}`);
  const primary = await createPrimary(state);
  const direct = primary.url("memcon", "memcon");
  await migrate(direct);
  say(`Streaming replica on :${state.replicaPort}`);
  await createReplica(state);
  say(`PgBouncer (transaction pooling) on :${state.pgbouncerPort}`);
  startPgBouncer(state);

  say("Checking the production build (one build for every app process)...");
  if (await buildIfStale({ log: (text) => fs.appendFileSync(`${ROOT}/build.log`, text) }))
    say("Built the app (log in .data/cluster/build.log).");
  const seed = await runSeed(
    { ...process.env, DATABASE_URL: direct, MEMCON_DEMO: "1", NEXT_TELEMETRY_DISABLED: "1" },
    { demo: true },
  );
  if (seed.summary) say(seed.summary);

  for (let i = 1; i <= apps; i++) startApp(state, i);
  await Promise.all(state.appPorts.map((_, i) => waitForApp(state, i + 1)));
  say(`${apps} app process(es) on :${state.appPorts.join(", :")}`);
  startHaproxy(state);
  await waitForHttp(`http://127.0.0.1:${state.httpPort}/api/health`);
  say(`HAProxy on :${state.httpPort} (stats: http://127.0.0.1:${state.statsPort}/)`);
  say(
    `Ready in ${((Date.now() - started) / 1000).toFixed(1)} s: http://127.0.0.1:${state.httpPort}`,
  );
  for (const line of seed.credentials ?? []) say(line);
  say(
    `App environment: ${Object.entries(appDatabaseEnv(state))
      .map(([k, v]) => `${k}=${v}`)
      .join(" ")}`,
  );
  say("Stop it with: npm run cluster -- --stop");
} catch (error) {
  console.error(`[cluster] ${error instanceof Error ? error.message : String(error)}`);
  if (error?.details) console.error(String(error.details).slice(-2000));
  await stopCluster(state);
  process.exit(1);
}

function readPid(i) {
  try {
    return fs.readFileSync(`${ROOT}/apps/app-${i}.pid`, "utf8");
  } catch {
    return null;
  }
}
