// The pieces of `npm run cluster`, shared with its tests (deploy/test-cluster.mjs):
//   HAProxy :7100 -> N x `next start` (:7111, :7112, ...) -> PgBouncer :7152 (transaction pooling)
//   -> PostgreSQL 15 primary :7150 -> streaming replica :7151
// Each app also holds one direct LISTEN connection to the primary (DIRECT_DATABASE_URL) and reads
// from the replica directly (DATABASE_REPLICA_URL). Everything lives in .data/cluster/ and is
// described by .data/cluster/state.json, which --stop and the tests read.
import { randomBytes } from "node:crypto";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { nextStartArgs } from "../../scripts/lib/build.mjs";
import { node, sql, waitForServer } from "./postgres.mjs";
import { alive, asPostgres, ownedFolder, readPid, sleep } from "./system.mjs";

export const ROOT = path.resolve(".data/cluster");
const STATE = path.join(ROOT, "state.json");

export function defaultPorts(base = Number(process.env.CLUSTER_PORT ?? 7100)) {
  return {
    http: base,
    stats: base + 99,
    app: (i) => base + 10 + i, // app 1 -> 7111
    primary: base + 50,
    replica: base + 51,
    pgbouncer: base + 52,
  };
}

export function readState() {
  try {
    return JSON.parse(fs.readFileSync(STATE, "utf8"));
  } catch {
    return null;
  }
}
export function writeState(state) {
  fs.mkdirSync(ROOT, { recursive: true });
  fs.writeFileSync(STATE, JSON.stringify(state, null, 2), { mode: 0o600 });
}

export const primaryNode = (state) =>
  node({ dir: path.join(ROOT, state.primaryDir), port: state.primaryPort });
export const replicaNode = (state) =>
  state.replicaDir
    ? node({ dir: path.join(ROOT, state.replicaDir), port: state.replicaPort })
    : null;

/** The URLs the app processes are given (the same for every process). */
export function appDatabaseEnv(state) {
  const db = (port) => `postgresql://memcon@127.0.0.1:${port}/memcon`;
  return {
    // Through PgBouncer: transaction pooling holds no named prepared statements (1.18).
    DATABASE_URL: db(state.pgbouncerPort),
    DATABASE_PREPARED_STATEMENTS: "off",
    // LISTEN needs a session on the primary itself.
    DIRECT_DATABASE_URL: db(state.primaryPort),
    ...(state.replicaDir ? { DATABASE_REPLICA_URL: db(state.replicaPort) } : {}),
  };
}

export function appEnv(state, i) {
  return {
    ...process.env,
    ...appDatabaseEnv(state),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(state.appPorts[i - 1]),
    AUTH_SECRET: state.secrets.AUTH_SECRET,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: state.secrets.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY,
    AUTH_URL: `http://127.0.0.1:${state.httpPort}`,
    // HAProxy adds X-Forwarded-For: believe one hop, for per-address rate limits.
    TRUSTED_PROXIES: "1",
    ...(state.rateLimitFactor ? { MEMCON_RATE_LIMIT_FACTOR: String(state.rateLimitFactor) } : {}),
  };
}

export function newSecrets() {
  return {
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  };
}

/** The primary: initdb, the app's role and database. */
export async function createPrimary(state) {
  const primary = primaryNode(state);
  primary.initPrimary();
  primary.start();
  await waitForServer(primary.url());
  await sql(primary.url(), "CREATE ROLE memcon LOGIN");
  // PgBouncer 1.18 refuses the statement_timeout startup parameter pg sends, so it ignores it
  // (pgbouncer.ini) and the role carries it instead. pg_read_all_stats: the replica probe reads
  // pg_stat_wal_receiver.status.
  await sql(primary.url(), "ALTER ROLE memcon SET statement_timeout = '30s'");
  await sql(primary.url(), "GRANT pg_read_all_stats TO memcon");
  await sql(primary.url(), "CREATE DATABASE memcon OWNER memcon");
  return primary;
}

/** The replica: cloned from the primary with pg_basebackup, streaming through a slot. */
export async function createReplica(state) {
  const replica = replicaNode(state);
  replica.initReplica(primaryNode(state), "memcon_replica");
  replica.start();
  await waitForServer(replica.url());
  return replica;
}

export function writePgBouncerConfig(state) {
  const dir = path.join(ROOT, "pgbouncer");
  ownedFolder(dir, 0o755);
  const ini = `[databases]
memcon = host=127.0.0.1 port=${state.primaryPort} dbname=memcon

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${state.pgbouncerPort}
unix_socket_dir =
auth_type = trust
auth_file = ${dir}/userlist.txt
pool_mode = transaction
max_client_conn = 1000
default_pool_size = 20
reserve_pool_size = 5
server_reset_query =
; pg sends statement_timeout at startup; the role sets it on the server instead.
ignore_startup_parameters = extra_float_digits,statement_timeout
server_connect_timeout = 3
server_login_retry = 1
query_wait_timeout = 10
logfile = ${dir}/pgbouncer.log
pidfile = ${dir}/pgbouncer.pid
admin_users = postgres
`;
  fs.writeFileSync(path.join(dir, "pgbouncer.ini"), ini);
  fs.writeFileSync(path.join(dir, "userlist.txt"), '"memcon" ""\n"postgres" ""\n');
  ownedFolder(dir, 0o755);
  return dir;
}

export function startPgBouncer(state) {
  const dir = writePgBouncerConfig(state);
  asPostgres("/usr/sbin/pgbouncer", ["-d", path.join(dir, "pgbouncer.ini")]);
}
/** Re-read pgbouncer.ini (after repointing it at a promoted primary): SIGHUP. */
export function reloadPgBouncer(state) {
  writePgBouncerConfig(state);
  const pid = readPid(path.join(ROOT, "pgbouncer/pgbouncer.pid"));
  if (pid) process.kill(pid, "SIGHUP");
}
export function stopPgBouncer() {
  const pid = readPid(path.join(ROOT, "pgbouncer/pgbouncer.pid"));
  if (alive(pid)) process.kill(pid, "SIGTERM");
}

export function writeHaproxyConfig(state) {
  const dir = path.join(ROOT, "haproxy");
  fs.mkdirSync(dir, { recursive: true });
  const servers = state.appPorts
    .map(
      (port, i) =>
        `  server app${i + 1} 127.0.0.1:${port} check inter 1s fall 2 rise 2 observe layer4 error-limit 1 on-error mark-down`,
    )
    .join("\n");
  const cfg = `global
  maxconn 4096

defaults
  mode http
  option forwardfor
  option http-server-close
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout http-request 10s
  # A refused connection (an app process just died) is retried on another server; a request
  # that reached a server is never sent twice.
  retries 3
  option redispatch 1

frontend memcon
  bind 127.0.0.1:${state.httpPort}
  default_backend apps

backend apps
  balance roundrobin
  option httpchk GET /api/health
  http-check expect status 200
${servers}

listen stats
  bind 127.0.0.1:${state.statsPort}
  stats enable
  stats uri /
`;
  fs.writeFileSync(path.join(dir, "haproxy.cfg"), cfg);
  return dir;
}

export function startHaproxy(state) {
  const dir = writeHaproxyConfig(state);
  const result = spawnSync(
    "/usr/sbin/haproxy",
    ["-D", "-p", path.join(dir, "haproxy.pid"), "-f", path.join(dir, "haproxy.cfg")],
    { encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`haproxy failed: ${result.stderr || result.stdout}`);
}
export function stopHaproxy() {
  const pid = readPid(path.join(ROOT, "haproxy/haproxy.pid"));
  if (alive(pid)) process.kill(pid, "SIGTERM");
}

const appPidFile = (i) => path.join(ROOT, "apps", `app-${i}.pid`);

/** Start app process i (1-based) in the background; its log is .data/cluster/apps/app-i.log. */
export function startApp(state, i) {
  const dir = path.join(ROOT, "apps");
  fs.mkdirSync(dir, { recursive: true });
  const log = fs.openSync(path.join(dir, `app-${i}.log`), "a");
  const child = spawn(process.execPath, nextStartArgs(state.appPorts[i - 1]), {
    env: appEnv(state, i),
    stdio: ["ignore", log, log],
    detached: true,
  });
  child.unref();
  fs.closeSync(log);
  fs.writeFileSync(appPidFile(i), String(child.pid));
  return child.pid;
}

export function appPid(i) {
  return readPid(appPidFile(i));
}

/** signal: SIGTERM (a deploy) or SIGKILL (a crash). */
export async function stopApp(i, signal = "SIGTERM") {
  const pid = appPid(i);
  if (!alive(pid)) return;
  process.kill(pid, signal);
  for (let n = 0; n < 100 && alive(pid); n++) await sleep(100);
}

export async function waitForHttp(url, ms = 60_000) {
  const until = Date.now() + ms;
  for (;;) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
      if (response.ok) return response;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer 200 within ${ms / 1000} s`);
    await sleep(300);
  }
}

export async function waitForApp(state, i, ms = 90_000) {
  return waitForHttp(`http://127.0.0.1:${state.appPorts[i - 1]}/api/health`, ms);
}

/** Stop everything the state file names; quiet about what is already gone. */
export async function stopCluster(state = readState()) {
  if (!state) return false;
  stopHaproxy();
  await Promise.all(state.appPorts.map((_, i) => stopApp(i + 1)));
  stopPgBouncer();
  replicaNode(state)?.stop("fast");
  primaryNode(state).stop("fast");
  // A node left over from a failover drill (the old primary's folder).
  for (const dir of state.otherDirs ?? [])
    node({ dir: path.join(ROOT, dir), port: 0 }).stop("fast");
  return true;
}

export { sql };
