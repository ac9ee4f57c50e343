#!/usr/bin/env node
// `npm run test:cluster`: starts the cluster (`npm run cluster`, 2 app processes) and checks what
// running beyond one process must keep true, then stops it. Exits non-zero on any failed check.
//  1. A session made through app 1 is honoured by app 2; a note posted through app 1 appears live
//     in a browser connected to app 2. Pages arrive compressed through HAProxy.
//  2. Rate limits are shared: a user's 30 notes a minute, spread over both processes, not 30 each.
//  3. Reads go to the replica, and a writer reads its own write from another process at once.
//  4. Killing one app process (SIGKILL) under load loses no acknowledged write, and HAProxy
//     routes around it.
//  5. Stopping the replica sends reads back to the primary without an error; they return to it.
//  6. Losing the primary: the replica is promoted (pg_ctl promote), PgBouncer and the apps are
//     repointed, and writes, reads and live updates work again.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import pg from "pg";
import {
  createTokens,
  findSelection,
  looksLikeStackTrace,
  openEventStream,
} from "../scripts/lib/faults.mjs";
import {
  primaryNode,
  readState,
  reloadPgBouncer,
  replicaNode,
  startApp,
  stopApp,
  waitForApp,
  writeState,
} from "./lib/cluster.mjs";
import { sleep } from "./lib/system.mjs";
import { openClusterBrowser } from "./lib/browser.mjs";

const SLUG = "1959-09-14-liao-ishibashi-third-conversation";
let defaultSelection; // the first long turn's first words (set once the cluster is up)
const started = Date.now();
const checks = [];
const check = (ok, label) => {
  checks.push({ ok: Boolean(ok), label });
  console.log(`  ${ok ? "ok  " : "FAIL"} ${label}`);
};
const say = (message) =>
  console.log(
    `[test:cluster] ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s  ${message}`,
  );

if (!process.argv.includes("--running")) {
  say("Starting the cluster (npm run cluster)");
  const start = spawnSync(process.execPath, ["deploy/cluster.mjs", "--apps", "2"], {
    stdio: "inherit",
  });
  if (start.status !== 0) process.exit(start.status ?? 1);
}
let state = readState();
const base = `http://127.0.0.1:${state.httpPort}`;
const app = (i) => `http://127.0.0.1:${state.appPorts[i - 1]}`;
const directUrl = () => `postgresql://memcon@127.0.0.1:${state.primaryPort}/memcon`;
let browser;
let exitCode = 0;

try {
  let admin = new pg.Pool({ connectionString: directUrl(), max: 2 });
  const tokens = await createTokens(admin, 101);
  const limitToken = tokens.pop();
  const selection = await findSelection(admin, SLUG);
  const { rows: course } = await admin.query(
    `SELECT m."courseId" AS id FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
      WHERE u."email" = 'ben@memcon.test' LIMIT 1`,
  );
  const ben = await tokenFor(admin, "ben@memcon.test");
  await admin.end();

  // 1. Session and live updates across processes.
  say("1. Session made through app 1, reader on app 2, note posted through app 1");
  browser = await openClusterBrowser();
  const page = await browser.signIn(app(1), {
    email: "chen@memcon.test",
    password: "close-reading",
  });
  await page.goto(`${app(2)}/documents/${SLUG}`);
  const signedInOn2 = await page
    .getByRole("button", { name: /annotate|sign out/i })
    .or(page.locator("[data-live=live]"))
    .first()
    .waitFor({ timeout: 15_000 })
    .then(
      () => true,
      () => false,
    );
  const live = await page
    .locator("[data-live=live]")
    .waitFor({ timeout: 15_000 })
    .then(
      () => true,
      () => false,
    );
  check(
    signedInOn2 && live,
    "the session made through app 1 is honoured by app 2 (live reader open)",
  );
  await browser.showAllNotes(page);
  const marker = `cluster-live-${Date.now()}`;
  const posted = Date.now();
  const response = await postNote(app(1), ben, `${marker}: a note posted through app 1`, {
    visibility: "course",
    courseId: course[0].id,
  });
  check(response.status === 201, `app 1 acknowledged the note (${response.status})`);
  const appeared = await page
    .locator(".annotation-card", { hasText: marker })
    .waitFor({ timeout: 10_000 })
    .then(
      () => Date.now() - posted,
      () => null,
    );
  check(appeared !== null, `it appeared live in the browser on app 2 (after ${appeared} ms)`);
  fs.mkdirSync("test-results/journeys", { recursive: true });
  await page
    .locator(".annotation-card", { hasText: marker })
    .first()
    .scrollIntoViewIfNeeded()
    .catch(() => {});
  await page
    .screenshot({ path: "test-results/journeys/cluster-live-on-app-2.png" })
    .catch(() => {});

  // Pages reach the browser compressed through the balancer (the app compresses; HAProxy passes it).
  const encoding = async (origin, path, accept = "text/html") => {
    const answer = await fetch(`${origin}${path}`, {
      headers: { "accept-encoding": "gzip", accept },
      signal: AbortSignal.timeout(10_000),
    });
    const value = answer.headers.get("content-encoding");
    await answer.body?.cancel();
    return value ?? "none";
  };
  const throughBalancer = await encoding(base, `/documents/${SLUG}`);
  check(
    throughBalancer === "gzip",
    `the reader page arrives gzipped through HAProxy (${throughBalancer})`,
  );

  // 2. Rate limits shared.
  say("2. One user's notes spread over both processes: 30 a minute in all");
  const statuses = [];
  for (let n = 0; n < 31; n++)
    statuses.push((await postNote(app((n % 2) + 1), limitToken, `limit ${n}`)).status);
  const accepted = statuses.filter((s) => s === 201).length;
  check(
    accepted === 30 && statuses[30] === 429,
    `30 accepted, the 31st refused with 429 (accepted ${accepted}, last ${statuses[30]})`,
  );

  // 3. Replica reads and reading one's own write.
  say("3. Reads on the replica; a writer's next read from the other process");
  const replicaCommits = () => commitsOn(state.replicaPort);
  const before = await replicaCommits();
  for (let n = 0; n < 20; n++)
    await getJson(`${base}/api/annotations?document=${SLUG}&limit=5`, tokens[n]);
  await sleep(1_200); // backends report their statistics at most once a second
  const after = await replicaCommits();
  check(
    after - before >= 10,
    `API lists were answered by the replica (${after - before} transactions there)`,
  );
  const health = await getJson(`${app(1)}/api/health`);
  check(
    health.body?.replica?.inUse === true && typeof health.body.replica.lagMs === "number",
    `/api/health reports the replica in use, lag ${health.body?.replica?.lagMs} ms`,
  );
  // Replay paused: the replica is stale on purpose, so a read that reaches it misses the note.
  await sqlOn(state.replicaPort, "SELECT pg_wal_replay_pause()");
  try {
    const own = await postNote(app(1), tokens[0], `read-your-write ${Date.now()}`);
    const cookie = own.headers.get("set-cookie")?.split(";")[0];
    const ownId = (await own.json()).id;
    const onReplica = await sqlOn(state.replicaPort, `SELECT 1 FROM "Annotation" WHERE "id" = $1`, [
      ownId,
    ]);
    check(onReplica.length === 0, "with replay paused, the new note is not on the replica");
    const list = await getJson(
      `${app(2)}/api/annotations?document=${SLUG}&limit=100`,
      tokens[0],
      cookie,
    );
    check(
      Boolean(cookie) && list.body?.rows?.some((row) => row.id === ownId),
      "the writer's next read, through app 2 with the write's cookie, has the note (primary)",
    );
    // A course note announced live: another reader's fetch after the announcement, without any
    // cookie, waits for nothing and still has it (app 2 heard the change's WAL position).
    const shared = await postNote(app(1), ben, `announced ${Date.now()}`, {
      visibility: "course",
      courseId: course[0].id,
    });
    const sharedId = (await shared.json()).id;
    await sleep(300);
    const chenToken = await tokenForEmail("chen@memcon.test");
    const index = await getJson(`${app(2)}/api/documents/${SLUG}/index`, chenToken);
    check(
      index.status === 200 && index.text.includes(sharedId),
      "a classmate's index fetched after the announcement (no cookie, app 2) has the note",
    );
  } finally {
    await sqlOn(state.replicaPort, "SELECT pg_wal_replay_resume()");
  }

  // 4. Kill an app process under load.
  say("4. SIGKILL app 1 under load through HAProxy");
  const load = createLoad(base, tokens, selection, 8);
  load.start();
  await sleep(4_000);
  const killedAt = Date.now();
  await stopApp(1, "SIGKILL");
  await sleep(8_000);
  await load.stop();
  const verdict = await verifyLoad(load);
  const afterKill = load.records.filter((r) => r.startedAt > killedAt + 3_000);
  check(
    verdict.acknowledged > 50,
    `${verdict.acknowledged} writes acknowledged (${load.summary()})`,
  );
  check(
    verdict.missing.length === 0,
    `no acknowledged write lost (${verdict.missing.length} missing)`,
  );
  check(verdict.savedButRefused.length === 0, "no refused write saved");
  check(
    afterKill.length > 20 && afterKill.every((r) => r.outcome === "acknowledged"),
    `HAProxy routes around the dead process: every one of ${afterKill.length} writes from 3 s after the kill acknowledged`,
  );
  check(verdict.leaks === 0, "no error answer leaks internals");
  say(`in flight when the process died: ${verdict.ambiguous} (saved: ${verdict.ambiguousSaved})`);
  startApp(state, 1);
  await waitForApp(state, 1);
  const rejoined = await waitUntil(async () => {
    const csv = await (await fetch(`http://127.0.0.1:${state.statsPort}/;csv`)).text();
    return csv.split("\n").some((line) => /^apps,app1,/.test(line) && line.split(",")[17] === "UP");
  }, 15_000);
  check(rejoined !== null, `restarted, app 1 is back in HAProxy's rotation (after ${rejoined} ms)`);

  // 5. Stop the replica.
  say("5. Stop the replica under a read load");
  const reads = createReadLoad(base, tokens, 6);
  reads.start();
  await sleep(2_000);
  replicaNode(state).stop("fast");
  await sleep(4_000);
  const healthDown = await getJson(`${app(2)}/api/health`);
  await sleep(1_000);
  await reads.stop();
  check(reads.records.length > 30, `${reads.records.length} reads`);
  check(
    reads.records.every((r) => r.status === 200),
    `every read answered 200 while the replica went away (${reads.summary()})`,
  );
  check(
    healthDown.status === 200 && healthDown.body?.replica?.inUse === false,
    `/api/health stays 200 and says the replica is not in use (${healthDown.body?.replica?.status})`,
  );
  replicaNode(state).start();
  const back = await waitUntil(
    async () => (await getJson(`${app(2)}/api/health`)).body?.replica?.inUse,
    30_000, // the replica reconnects its WAL receiver first (wal_retrieve_retry_interval, 5 s)
  );
  check(back !== null, `reads return to the replica once it is back (after ${back} ms)`);

  // 6. Lose the primary, promote the replica.
  say("6. The primary is lost (immediate stop); the replica is promoted");
  const lostAt = Date.now();
  primaryNode(state).stop("immediate");
  replicaNode(state).promote();
  const promotedAt = Date.now();
  // Repoint: the promoted node is the primary; PgBouncer follows at once (reload); the apps get
  // the new DIRECT_DATABASE_URL (their LISTEN connection) in a rolling restart behind HAProxy.
  const old = state.primaryDir;
  state = {
    ...state,
    primaryDir: state.replicaDir,
    primaryPort: state.replicaPort,
    replicaDir: null,
    replicaPort: null,
    otherDirs: [...(state.otherDirs ?? []), old],
  };
  writeState(state);
  reloadPgBouncer(state);
  const firstWrite = await waitUntil(
    async () => (await postNote(base, tokens[1], `after promotion ${Date.now()}`)).status === 201,
    30_000,
  );
  check(
    firstWrite !== null,
    `writes through PgBouncer work again ${Date.now() - lostAt} ms after losing the primary (promote took ${promotedAt - lostAt} ms)`,
  );
  for (const i of [1, 2]) {
    await stopApp(i);
    startApp(state, i);
    await waitForApp(state, i);
  }
  say("apps restarted one at a time with the new DIRECT_DATABASE_URL");
  const events = openEventStream(`${app(2)}/api/documents/${SLUG}/events`, { token: ben });
  await waitUntil(async () => events.events.includes("ready"), 10_000);
  const promotedPost = await postNote(app(1), ben, `after promotion, live ${Date.now()}`, {
    visibility: "course",
    courseId: course[0].id,
  });
  const heard = await waitUntil(async () => events.events.includes("changed"), 10_000);
  events.close();
  check(
    promotedPost.status === 201 && heard !== null,
    "after repointing, a note posted through app 1 is announced live on app 2",
  );
  const listAfter = await getJson(`${base}/api/annotations?document=${SLUG}&limit=5`, tokens[2]);
  check(listAfter.status === 200, "reads work on the promoted primary");
  admin = new pg.Pool({ connectionString: directUrl(), max: 1 });
  const { rows: recovery } = await admin.query("SELECT pg_is_in_recovery() AS r");
  await admin.end();
  check(recovery[0].r === false, "the promoted node is a primary");
} catch (error) {
  console.error(error);
  check(false, `the test ran to the end (${error?.message ?? error})`);
} finally {
  await browser?.close().catch(() => {});
  if (!process.argv.includes("--keep")) {
    say("Stopping the cluster");
    spawnSync(process.execPath, ["deploy/cluster.mjs", "--stop"], { stdio: "inherit" });
  }
}

const failed = checks.filter((c) => !c.ok);
say(
  `${checks.length - failed.length}/${checks.length} checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
fs.mkdirSync("test-reports", { recursive: true });
fs.writeFileSync(
  "test-reports/cluster.json",
  JSON.stringify({ seconds: (Date.now() - started) / 1000, checks }, null, 2),
);
exitCode = failed.length ? 1 : 0;
process.exit(exitCode);

// ---------------------------------------------------------------------------------------------

async function tokenFor(pool, email) {
  const { rows } = await pool.query(`SELECT "id" FROM "User" WHERE "email" = $1`, [email]);
  const { createHash, randomBytes } = await import("node:crypto");
  const token = `mcn_${randomBytes(32).toString("base64url")}`;
  await pool.query(
    `INSERT INTO "ApiToken" ("id", "userId", "name", "tokenHash") VALUES ($1, $2, 'cluster test', $3)`,
    [
      `cluster_${randomBytes(4).toString("hex")}`,
      rows[0].id,
      createHash("sha256").update(token).digest("hex"),
    ],
  );
  return token;
}

function noteBody(text, selectionValue, extra = {}) {
  return JSON.stringify({
    documentSlug: SLUG,
    selection: selectionValue,
    body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] },
    tags: ["cluster-test"],
    visibility: "private",
    ...extra,
  });
}

async function postNote(origin, token, text, extra = {}) {
  defaultSelection ??= await (async () => {
    const pool = new pg.Pool({ connectionString: directUrl(), max: 1 });
    try {
      return await findSelection(pool, SLUG);
    } finally {
      await pool.end();
    }
  })();
  return fetch(`${origin}/api/annotations`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: noteBody(text, defaultSelection, extra),
    signal: AbortSignal.timeout(15_000),
  }).catch((error) => ({ status: 0, error, headers: new Headers(), json: async () => ({}) }));
}

async function getJson(url, token, cookie) {
  try {
    const headers = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    if (cookie) headers.Cookie = cookie;
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(15_000) });
    const text = await response.text();
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: response.status, body, text };
  } catch (error) {
    return { status: 0, error: String(error) };
  }
}

async function sqlOn(port, text, values = []) {
  const client = new pg.Client({
    connectionString: `postgresql://postgres@127.0.0.1:${port}/memcon`,
  });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function tokenForEmail(email) {
  const pool = new pg.Pool({ connectionString: directUrl(), max: 1 });
  try {
    return await tokenFor(pool, email);
  } finally {
    await pool.end();
  }
}

async function commitsOn(port) {
  const client = new pg.Client({
    connectionString: `postgresql://postgres@127.0.0.1:${port}/memcon`,
  });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT xact_commit::bigint AS n FROM pg_stat_database WHERE datname = 'memcon'`,
    );
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

async function waitUntil(predicate, ms) {
  const start = Date.now();
  while (Date.now() - start < ms) {
    if (await predicate().catch(() => false)) return Date.now() - start;
    await sleep(250);
  }
  return null;
}

/**
 * Annotators through HAProxy, each request as the next of many users (so no per-user limit is
 * reached). A 502/503/504 from HAProxy itself (not JSON from the app) means the process died
 * with the request in flight: it may or may not have been saved, so it counts as ambiguous,
 * never as a refusal.
 */
function createLoad(origin, tokenList, selectionValue, clients) {
  const runId = `cluster${Date.now().toString(36)}`;
  const records = [];
  let stopping = false;
  let loops = [];
  let seq = 0;
  async function one() {
    const n = seq++;
    const marker = `${runId}-${n}`;
    const record = { marker, startedAt: Date.now(), outcome: "pending" };
    records.push(record);
    try {
      const response = await fetch(`${origin}/api/annotations`, {
        method: "POST",
        headers: {
          Authorization: `Bearer ${tokenList[n % tokenList.length]}`,
          "Content-Type": "application/json",
        },
        body: noteBody(`${marker} note`, selectionValue),
        signal: AbortSignal.timeout(15_000),
      });
      record.status = response.status;
      record.body = await response.text();
      const json = safeJson(record.body);
      if (response.status === 201 && json?.id) {
        record.outcome = "acknowledged";
        record.id = json.id;
      } else if (!json && response.status >= 500) record.outcome = "ambiguous";
      else record.outcome = "refused";
    } catch (error) {
      record.outcome = "ambiguous";
      record.error = String(error?.cause?.code ?? error?.message);
    }
    record.endedAt = Date.now();
  }
  return {
    runId,
    records,
    start() {
      loops = Array.from({ length: clients }, async () => {
        while (!stopping) await one();
      });
    },
    async stop() {
      stopping = true;
      await Promise.all(loops);
    },
    summary() {
      const counts = {};
      for (const r of records)
        counts[r.status ?? r.outcome] = (counts[r.status ?? r.outcome] ?? 0) + 1;
      return Object.entries(counts)
        .map(([k, v]) => `${k}: ${v}`)
        .join(", ");
    },
  };
}

async function verifyLoad(load) {
  const pool = new pg.Pool({ connectionString: directUrl(), max: 1 });
  try {
    const { rows } = await pool.query(
      `SELECT "id", "bodyText" FROM "Annotation" WHERE "bodyText" LIKE $1`,
      [`${load.runId}-%`],
    );
    const saved = new Map(rows.map((row) => [row.bodyText.split(/\s/)[0], row.id]));
    const acknowledged = load.records.filter((r) => r.outcome === "acknowledged");
    return {
      acknowledged: acknowledged.length,
      missing: acknowledged.filter((r) => saved.get(r.marker) !== r.id),
      savedButRefused: load.records.filter((r) => r.outcome === "refused" && saved.has(r.marker)),
      ambiguous: load.records.filter((r) => r.outcome === "ambiguous").length,
      ambiguousSaved: load.records.filter((r) => r.outcome === "ambiguous" && saved.has(r.marker))
        .length,
      leaks: load.records.filter((r) => r.body && r.status >= 400 && looksLikeStackTrace(r.body))
        .length,
    };
  } finally {
    await pool.end();
  }
}

function createReadLoad(origin, tokenList, clients) {
  const records = [];
  let stopping = false;
  let loops = [];
  let seq = 0;
  const paths = [
    `/api/annotations?document=${SLUG}&limit=20`,
    `/api/documents/${SLUG}/index`,
    `/api/documents/${SLUG}/annotations?format=json`,
  ];
  return {
    records,
    start() {
      loops = Array.from({ length: clients }, async () => {
        while (!stopping) {
          const n = seq++;
          const result = await getJson(
            `${origin}${paths[n % paths.length]}`,
            tokenList[n % tokenList.length],
          );
          records.push({ status: result.status, at: Date.now() });
        }
      });
    },
    async stop() {
      stopping = true;
      await Promise.all(loops);
    },
    summary() {
      const counts = {};
      for (const r of records) counts[r.status] = (counts[r.status] ?? 0) + 1;
      return Object.entries(counts)
        .map(([k, v]) => `${k}: ${v}`)
        .join(", ");
    },
  };
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
