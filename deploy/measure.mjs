#!/usr/bin/env node
// `node deploy/measure.mjs [--seconds 20] [--connections 16]` against a running `npm run cluster`:
// the bench's API mix (one note posted for three pages of 50 notes listed, unpaced) through one app
// process directly and then through HAProxy over all of them, with the CPU each part of the
// cluster spent per request (from /proc: app processes, primary, replica, PgBouncer, HAProxy).
// Prints a table and writes test-reports/cluster-measure.json. The machine may be shared: CPU per
// request holds better than throughput when it is busy.
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { createTokens, findSelection } from "../scripts/lib/faults.mjs";
import { ROOT, appPid, readState } from "./lib/cluster.mjs";
import { readPid } from "./lib/system.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const seconds = option("--seconds", 20);
const connections = option("--connections", 16);
const SLUG = "1959-09-14-liao-ishibashi-third-conversation";
const state = readState();
if (!state) throw new Error("No cluster running: start one with `npm run cluster`.");

const TICK_MS = 1000 / 100;
function statOf(id) {
  try {
    const fields = fs.readFileSync(`/proc/${id}/stat`, "utf8").split(") ")[1].split(" ");
    return { ppid: Number(fields[1]), ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
  } catch {
    return null;
  }
}
function cpuOfTree(rootPid) {
  if (!rootPid) return 0;
  const all = fs.readdirSync("/proc").filter((n) => /^\d+$/.test(n));
  const stats = new Map(all.map((id) => [Number(id), statOf(id)]));
  let total = 0;
  const visit = (pid) => {
    total += stats.get(pid)?.ms ?? 0;
    for (const [id, s] of stats) if (s?.ppid === pid) visit(id);
  };
  visit(rootPid);
  return total;
}
const postmaster = (dir) => readPid(path.join(ROOT, dir, "data/postmaster.pid"));
function sample() {
  return {
    apps: state.appPorts.map((_, i) => cpuOfTree(appPid(i + 1))),
    primary: cpuOfTree(postmaster(state.primaryDir)),
    replica: state.replicaDir ? cpuOfTree(postmaster(state.replicaDir)) : 0,
    pgbouncer: cpuOfTree(readPid(path.join(ROOT, "pgbouncer/pgbouncer.pid"))),
    haproxy: cpuOfTree(readPid(path.join(ROOT, "haproxy/haproxy.pid"))),
  };
}

const admin = new pg.Pool({
  connectionString: `postgresql://memcon@127.0.0.1:${state.primaryPort}/memcon`,
  max: 2,
});
const tokens = await createTokens(admin, 400);
const selection = await findSelection(admin, SLUG);
await admin.end();

// Each connection is one user, a new one per connection across runs (30 notes a minute each).
let next = 0;
async function run(label, url) {
  const before = sample();
  const started = process.hrtime.bigint();
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 15,
    setupClient(client) {
      const authorization = `Bearer ${tokens[next++ % tokens.length]}`;
      const list = {
        method: "GET",
        path: `/api/annotations?document=${SLUG}&limit=50`,
        headers: { authorization },
      };
      client.setRequests([
        {
          method: "POST",
          path: "/api/annotations",
          headers: { authorization, "content-type": "application/json" },
          body: JSON.stringify({
            documentSlug: SLUG,
            selection,
            body: {
              type: "doc",
              content: [{ type: "paragraph", content: [{ type: "text", text: "Load note." }] }],
            },
            tags: ["load"],
            visibility: "private",
          }),
        },
        list,
        list,
        list,
      ]);
    },
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const after = sample();
  const answered = result["2xx"];
  const per = (a, b) => Math.round(((a - b) / Math.max(1, answered)) * 100) / 100;
  const appCpu = after.apps.reduce((s, v, i) => s + v - before.apps[i], 0);
  return {
    label,
    requests: answered,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    reqPerS: Math.round((answered / wallMs) * 1000),
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    appCpuMsPerReq: per(appCpu, 0),
    primaryCpuMsPerReq: per(after.primary, before.primary),
    replicaCpuMsPerReq: per(after.replica, before.replica),
    pgbouncerCpuMsPerReq: per(after.pgbouncer, before.pgbouncer),
    haproxyCpuMsPerReq: per(after.haproxy, before.haproxy),
    loadAverage: fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" "),
  };
}

const rows = [];
rows.push(await run("1 app process (direct)", `http://127.0.0.1:${state.appPorts[0]}`));
rows.push(
  await run(
    `${state.appPorts.length} app processes (HAProxy)`,
    `http://127.0.0.1:${state.httpPort}`,
  ),
);
console.table(rows);
fs.mkdirSync("test-reports", { recursive: true });
fs.writeFileSync(
  "test-reports/cluster-measure.json",
  JSON.stringify({ seconds, connections, rows }, null, 2),
);
