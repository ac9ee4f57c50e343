// A PostgreSQL 15 node (Debian's binaries) in a folder of ours: a primary set up for streaming
// replication, or a streaming replica cloned from it with pg_basebackup. Loopback only; `trust`
// for the loopback connections of this test cluster (a real deployment uses scram and TLS).
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { PG_BIN, asPostgres, ownedFolder, sleep } from "./system.mjs";

const bin = (name) => path.join(PG_BIN, name);

/** Settings both nodes share; the replica inherits them through pg_basebackup. */
const SETTINGS = `
listen_addresses = '127.0.0.1'
unix_socket_directories = '{socketDir}'
wal_level = replica
max_wal_senders = 5
max_replication_slots = 5
hot_standby = on
hot_standby_feedback = on
wal_keep_size = '256MB'
max_connections = 200
shared_buffers = '128MB'
fsync = on
synchronous_commit = on
logging_collector = off
log_min_messages = warning
`;

export function node({ dir, port }) {
  const data = path.resolve(dir, "data");
  const socketDir = path.resolve(dir, "socket");
  const log = path.resolve(dir, "postgres.log");
  const url = (database = "postgres", user = "postgres") =>
    `postgresql://${user}@127.0.0.1:${port}/${database}`;
  return {
    dir,
    port,
    data,
    url,
    log,
    exists: () => fs.existsSync(path.join(data, "PG_VERSION")),
    running: () =>
      asPostgres(bin("pg_ctl"), ["status", "-D", data], { allowFail: true }).status === 0,

    /** initdb a primary that accepts replication from loopback. */
    initPrimary() {
      ownedFolder(dir, 0o755);
      ownedFolder(socketDir, 0o755);
      asPostgres(bin("initdb"), [
        "-D",
        data,
        "-U",
        "postgres",
        "--auth=trust",
        "--encoding=UTF8",
        "--locale=C.UTF-8",
      ]);
      fs.appendFileSync(
        path.join(data, "postgresql.conf"),
        SETTINGS.replace("{socketDir}", socketDir) + `port = ${port}\n`,
      );
      fs.appendFileSync(
        path.join(data, "pg_hba.conf"),
        "host replication postgres 127.0.0.1/32 trust\n",
      );
    },

    /** Clone `primary` into this folder as a streaming replica (standby.signal, slot). */
    initReplica(primary, slot) {
      ownedFolder(dir, 0o755);
      ownedFolder(socketDir, 0o755);
      ownedFolder(data);
      asPostgres(bin("pg_basebackup"), [
        "-h",
        "127.0.0.1",
        "-p",
        String(primary.port),
        "-U",
        "postgres",
        "-D",
        data,
        "-X",
        "stream",
        "-R",
        "-S",
        slot,
        "-C",
        "--checkpoint=fast",
      ]);
      const conf = path.join(data, "postgresql.conf");
      const text = fs
        .readFileSync(conf, "utf8")
        .replace(/^port = \d+$/m, `port = ${port}`)
        .replace(/^unix_socket_directories = .*$/m, `unix_socket_directories = '${socketDir}'`);
      fs.writeFileSync(conf, text);
    },

    start() {
      asPostgres(bin("pg_ctl"), ["start", "-D", data, "-l", log, "-w", "-t", "60"]);
    },
    /** mode: smart | fast | immediate (immediate = a crash, as when the machine is lost). */
    stop(mode = "fast") {
      asPostgres(bin("pg_ctl"), ["stop", "-D", data, "-m", mode, "-w", "-t", "60"], {
        allowFail: true,
      });
    },
    /** Turn a replica into a primary (the documented failover step). */
    promote() {
      asPostgres(bin("pg_ctl"), ["promote", "-D", data, "-w", "-t", "60"]);
    },
  };
}

/** Run SQL on a server as postgres. */
export async function sql(url, text, values = []) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Wait until the server at `url` answers (or throw after `ms`). */
export async function waitForServer(url, ms = 30_000) {
  const until = Date.now() + ms;
  for (;;) {
    try {
      await sql(url, "SELECT 1");
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await sleep(250);
    }
  }
}
