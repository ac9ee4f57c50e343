// `npm run bench`: Memcon at seminar scale and beyond. Creates its own database (a clone of the
// migrated template on the test cluster), generates data from a fixed seed, serves the production
// build with `next start`, measures, prints one table and writes bench/results.json.
// See bench/README.md for what each figure means and what was found.
//
// Options: --quick (fewer samples and shorter load phases, for trying the harness out).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";
import { chromium } from "@playwright/test";
// @ts-expect-error -- plain ESM helper shared with the Node scripts
import { buildIfStale, nextStartArgs } from "../scripts/lib/build.mjs";
// @ts-expect-error -- plain ESM helper shared with the Node scripts
import { findFreePort } from "../scripts/lib/ports.mjs";
import {
  createTestDatabase,
  ensureTemplate,
  openTestCluster,
  // @ts-expect-error -- plain ESM helper shared with the Node scripts
} from "../scripts/lib/test-cluster.mjs";
import {
  createCredentials,
  createDocument,
  createPopulation,
  prng,
  type BenchUser,
  type GeneratedDocument,
  type Population,
} from "./data";
import type { Viewer } from "@/lib/auth/permissions";
import { OPEN_GATE_SQL, readablePageIdsSql } from "./page-sql";
import { openReaders } from "./live-readers";

const QUICK = process.argv.includes("--quick");
/** --serve: load the data, start the server, print how to reach it, and wait (for exploring). */
const SERVE = process.argv.includes("--serve");
const SEED = 20261124;
const SIZES = [
  { name: "small", slug: "bench-small", turns: 200, annotations: 2_000, seed: 1 },
  { name: "large", slug: "bench-large", turns: 2_000, annotations: 20_000, seed: 2 },
] as const;
const RENDER_SAMPLES = QUICK ? 5 : 15;
const RENDER_WARMUPS = QUICK ? 3 : 10;
const API_SAMPLES = QUICK ? 5 : 20;
const BROWSER_LOADS = QUICK ? 1 : 3;
const ANNOTATORS = 200;
/** Smaller crowds first, to see where latency turns: the last step is the target's 200. */
const LOAD_STEPS = QUICK ? [50, ANNOTATORS] : [25, 50, 100, ANNOTATORS];
/** Each simulated annotator sends one request a second: 1 create, then 3 lists, and again. */
const ANNOTATOR_RATE = 1;
const LOAD_SECONDS = QUICK ? 6 : 12;
const SATURATION_SECONDS = QUICK ? 5 : 10;
/** Paced annotators start in this many groups spread over a second (see runLoad). */
const WAVES = 10;
/** Connections for the unpaced run that finds the throughput ceiling. */
const CEILING_CONNECTIONS = 16;
/** A request unanswered after this long counts as an error (a timeout). */
const REQUEST_TIMEOUT_S = 10;
const RESULTS = path.resolve("bench/results.json");
/** Readers with the large document open during the live phase. */
const LIVE_READERS = 200;
/** Ports from here up (MEMCON_PORT_BASE overrides): the app, then the bare server. */
const BENCH_PORT_BASE = Number(process.env.MEMCON_PORT_BASE ?? 3400);
const TSX_CLI = path.resolve("node_modules/tsx/dist/cli.mjs");
const SERVER_LOG = path.resolve("bench/server.log");

const say = (message: string) => console.log(`[bench] ${message}`);
/** The machine's 1-minute load average when the bench started (other work skews every figure). */
const LOAD_BEFORE = os.loadavg()[0]!;
const started = Date.now();

const median = (values: number[]) => percentile(values, 50);
function percentile(values: number[], p: number) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}
const round = (value: number, digits = 1) => Number(value.toFixed(digits));

// ---- Measurements -------------------------------------------------------------------------------

interface SizeResult {
  render: Awaited<ReturnType<typeof measureRender>>;
  /** The same page asked for without compression: the app's own work. */
  renderUncompressed: Awaited<ReturnType<typeof measureRender>>;
  page: Awaited<ReturnType<typeof measureBrowser>>;
  list: Awaited<ReturnType<typeof measureList>>;
  load: Awaited<ReturnType<typeof measureLoad>>;
  /** Large size only: the app against the bare node:http + pg handler, and live readers. */
  bare?: Awaited<ReturnType<typeof measureBare>>;
  live?: Awaited<ReturnType<typeof measureLive>>;
}

/** Resident memory (kB) of a process and its children, from /proc (Linux). */
function processRssKb(pid: number): number {
  const rss = (id: string | number) => {
    try {
      const match = fs.readFileSync(`/proc/${id}/status`, "utf8").match(/VmRSS:\s+(\d+)/);
      return match ? Number(match[1]) : 0;
    } catch {
      return 0;
    }
  };
  let total = rss(pid);
  for (const id of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const ppid = Number(
        fs.readFileSync(`/proc/${id}/stat`, "utf8").split(") ")[1]!.split(" ")[1],
      );
      if (ppid === pid) total += rss(id);
    } catch {
      // exited meanwhile
    }
  }
  return total;
}

/** The highest RSS of `pid` (and children) while `work` runs, sampled every 250 ms, in MB. */
async function peakRssMb<T>(pid: number, work: () => Promise<T>): Promise<[T, number]> {
  let peak = processRssKb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, processRssKb(pid))), 250);
  try {
    return [await work(), round(Math.max(peak, processRssKb(pid)) / 1024, 0)];
  } finally {
    clearInterval(timer);
  }
}

/** CPU time (user + system) a process and its children have used so far, from /proc (Linux). */
function processCpuMs(pid: number): number {
  const stat = (id: string) => {
    try {
      // After the command name: state, ppid, ... utime and stime are the 12th and 13th fields.
      const fields = fs.readFileSync(`/proc/${id}/stat`, "utf8").split(") ")[1]!.split(" ");
      return {
        ppid: Number(fields[1]),
        ms: ((Number(fields[11]) + Number(fields[12])) * 1000) / 100,
      };
    } catch {
      return undefined;
    }
  };
  let total = stat(String(pid))?.ms ?? NaN;
  for (const id of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    const child = stat(id);
    if (child?.ppid === pid) total += child.ms;
  }
  return total;
}

/** CPU time of the PostgreSQL backends connected to `database` (their title names it). */
/**
 * CPU of the database's backends, per process. A backend that ends during a phase (a pool closing
 * an idle connection) takes its CPU with it, so a phase's figure is the sum over the backends
 * alive at its end of what each spent since the phase began (databaseCpuSince): the ones gone
 * are left out, never subtracted (the sum of totals went negative once).
 */
function databaseCpuMs(database: string): Map<string, number> {
  const byBackend = new Map<string, number>();
  for (const id of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const title = fs.readFileSync(`/proc/${id}/cmdline`, "utf8");
      if (!title.startsWith("postgres:") || !title.includes(` ${database} `)) continue;
      const fields = fs.readFileSync(`/proc/${id}/stat`, "utf8").split(") ")[1]!.split(" ");
      byBackend.set(id, ((Number(fields[11]) + Number(fields[12])) * 1000) / 100);
    } catch {
      // exited meanwhile
    }
  }
  return byBackend;
}

function databaseCpuSince(database: string, before: Map<string, number>): number {
  let total = 0;
  for (const [id, ms] of databaseCpuMs(database)) total += ms - (before.get(id) ?? 0);
  return total;
}

async function timed(url: string, init?: RequestInit) {
  const begin = performance.now();
  const response = await fetch(url, init);
  const body = await response.text();
  const ms = performance.now() - begin;
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${body.slice(0, 200)}`);
  return { ms, body };
}

/** Server render: the whole HTML of the reader page (time to its last byte), signed in. */
async function measureRender(
  url: string,
  cookie: string,
  serverPid: number,
  /** What the client accepts: gzip as a browser does, or identity for the app's own work. */
  encoding: "gzip, deflate" | "identity" = "gzip, deflate",
) {
  const init = { headers: { cookie, "accept-encoding": encoding } };
  // Warm up: a server in use has rendered many pages (its code optimised, its per-document
  // caches filled); the first few renders after a load phase also pay for its garbage.
  for (let i = 0; i < RENDER_WARMUPS; i++) await timed(url, init);
  const samples: number[] = [];
  let body = "";
  const cpuBefore = processCpuMs(serverPid);
  for (let i = 0; i < RENDER_SAMPLES; i++) {
    const result = await timed(url, init);
    samples.push(result.ms);
    body = result.body;
  }
  const serverCpuMs = (processCpuMs(serverPid) - cpuBefore) / RENDER_SAMPLES;
  if (!body.includes('class="transcript"'))
    throw new Error(`${url} did not render the transcript.`);
  const bytes = Buffer.byteLength(body);
  const flight = [...body.matchAll(/self\.__next_f\.push\((.*?)\)<\/script>/gs)].reduce(
    (sum, match) => sum + Buffer.byteLength(match[1]!),
    0,
  );
  return {
    median: round(median(samples)),
    p95: round(percentile(samples, 95)),
    serverCpuMs: round(serverCpuMs, 0),
    htmlKb: round(bytes / 1024, 0),
    htmlGzipKb: round(gzipSync(body).length / 1024, 0),
    rscPayloadKb: round(flight / 1024, 0),
    marks: (body.match(/<mark /g) ?? []).length,
  };
}

/** Headless Chromium, signed in: largest contentful paint and the JS it transferred (gzipped). */
async function measureBrowser(
  browser: import("@playwright/test").Browser,
  base: string,
  pagePath: string,
  session: string,
) {
  const lcps: number[] = [];
  let jsBytes = 0;
  let jsDecoded = 0;
  let scripts = 0;
  let htmlTransfer = 0;
  for (let i = 0; i < BROWSER_LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([
      { name: "memcon.session-token", value: session, url: base, httpOnly: true, sameSite: "Lax" },
    ]);
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __lcp: number };
      w.__lcp = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__lcp = entry.startTime;
      }).observe({ type: "largest-contentful-paint", buffered: true });
    });
    await page.goto(`${base}${pagePath}`, { waitUntil: "load", timeout: 120_000 });
    await page.waitForTimeout(500);
    const measured = await page.evaluate(() => {
      const resources = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
      const js = resources.filter(
        (entry) => entry.initiatorType === "script" || /\.js(\?|$)/.test(entry.name),
      );
      const navigation = performance.getEntriesByType(
        "navigation",
      )[0] as PerformanceNavigationTiming;
      return {
        lcp: (window as unknown as { __lcp: number }).__lcp,
        js: js.reduce((sum, entry) => sum + entry.encodedBodySize, 0),
        jsDecoded: js.reduce((sum, entry) => sum + entry.decodedBodySize, 0),
        scripts: js.length,
        html: navigation.encodedBodySize,
      };
    });
    lcps.push(measured.lcp);
    jsBytes = measured.js;
    jsDecoded = measured.jsDecoded;
    scripts = measured.scripts;
    htmlTransfer = measured.html;
    await context.close();
  }
  return {
    lcpMs: round(median(lcps), 0),
    jsGzipKb: round(jsBytes / 1024),
    jsKb: round(jsDecoded / 1024, 0),
    scripts,
    htmlTransferKb: round(htmlTransfer / 1024, 0),
  };
}

/** The readable-annotation filter (lib/annotations/service.ts, readableSql), with bound values. */
function readableSql(viewer: {
  userId: string;
  courses: string[];
  groups: string[];
  teaching: string[];
}) {
  return {
    sql: `(a."authorId" = $2
        OR (a."hiddenAt" IS NULL AND (a.visibility = 'public'
            OR (a.visibility = 'course' AND a."courseId" = ANY($3))
            OR (a.visibility = 'group' AND a."groupId" = ANY($4))))
        OR (a.visibility IN ('course', 'group') AND a."courseId" = ANY($5)))`,
    params: [viewer.userId, viewer.courses, viewer.groups, viewer.teaching],
  };
}

const SQL_COLUMNS = `a.id, a."documentId", a."authorId", a.visibility, a."courseId", a."groupId", a.selector,
  a.quote, a."firstAnchor", a."lastAnchor", a.orphaned, a.body, a."bodyHtml", a."bodyText", a.tags,
  a.version, a."hiddenAt", a."deletedAt", a."endorsedAt", a."lockedAt", a."resolvedAt", a.scope,
  a."createdAt", a."updatedAt", u.name AS "authorName", c.title AS "courseTitle", g.name AS "groupName"`;
const SQL_JOINS = `FROM "Annotation" a JOIN "User" u ON u.id = a."authorId"
  LEFT JOIN "Course" c ON c.id = a."courseId" LEFT JOIN "Group" g ON g.id = a."groupId"`;

/**
 * The annotation list as the app serves it (JSON API, personal token, same viewer) next to the
 * raw indexed SQL that fetches the same rows, measured alternately in the same run.
 */
async function measureList(
  base: string,
  doc: GeneratedDocument,
  apiToken: string,
  viewer: BenchUser,
  population: Population,
  databaseUrl: string,
) {
  const readable = readableSql({
    userId: viewer.id,
    courses: [population.courseIds[viewer.course]!],
    groups: viewer.group >= 0 ? [population.groupIds[viewer.course]![viewer.group]!] : [],
    teaching: viewer.instructor ? [population.courseIds[viewer.course]!] : [],
  });
  const ALL_READABLE_SQL = `SELECT ${SQL_COLUMNS} ${SQL_JOINS}
    WHERE a.id = ANY(ARRAY(SELECT a.id FROM "Annotation" a
      WHERE a."documentId" = $1 AND a."deletedAt" IS NULL AND ${readable.sql}))
    ORDER BY a."firstAnchor", a."createdAt"`;
  const PLAIN_READABLE_SQL = `SELECT ${SQL_COLUMNS} ${SQL_JOINS}
    WHERE a."documentId" = $1 AND a."deletedAt" IS NULL AND ${readable.sql}
    ORDER BY a."firstAnchor", a."createdAt"`;
  // The page as the app runs it: one index range per audience, merged (lib/annotations/readable-page.ts).
  const asViewer = {
    userId: viewer.id,
    siteRole: "user",
    courses: new Map([
      [population.courseIds[viewer.course]!, viewer.instructor ? "instructor" : "student"],
    ]),
    groups: new Map(
      viewer.group >= 0
        ? [
            [
              population.groupIds[viewer.course]![viewer.group]!,
              population.courseIds[viewer.course]!,
            ],
          ]
        : [],
    ),
  } as unknown as Viewer;
  const pageIds = readablePageIdsSql(asViewer, OPEN_GATE_SQL, doc.id, 50, 0)!;
  const PAGE_SQL = {
    // Named, so the connection plans it once, as the app's pool does (lib/db/raw.ts).
    name: "bench-page",
    text: `SELECT ${SQL_COLUMNS}, d.slug, d.title ${SQL_JOINS} JOIN "Document" d ON d.id = a."documentId"
      WHERE a.id = ANY(ARRAY(${pageIds.text})) ORDER BY a."createdAt" DESC, a.id DESC`,
    values: pageIds.values,
  };
  const withReadable = (text: string) => ({ text, values: [doc.id, ...readable.params] });
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => {});
  await client.connect();
  const headers = { authorization: `Bearer ${apiToken}` };
  try {
    // The best SQL we know for these rows, as the app runs it: the readable ids from the covering
    // index (index-only), then those rows. The plain one-statement form is timed too, for the
    // record: it filters every row of the document, bodies and all.
    const all = await compare(
      `/api/documents/${doc.slug}/annotations?format=json`,
      [withReadable(ALL_READABLE_SQL)],
      (body) => (JSON.parse(body) as { total: number }).total,
    );
    const plainSql: number[] = [];
    for (let i = -3; i < API_SAMPLES; i++) {
      const begin = performance.now();
      await client.query(PLAIN_READABLE_SQL, [doc.id, ...readable.params]);
      if (i >= 0) plainSql.push(performance.now() - begin);
    }
    // A page is one statement (51 rows: the 51st says whether more follow), as the app runs it.
    // The former form, a filter over every note of the document and a count, is timed too.
    const page = await compare(
      `/api/annotations?document=${doc.slug}&limit=50`,
      [PAGE_SQL],
      (body) => Math.min(50, (JSON.parse(body) as { rows: unknown[] }).rows.length),
      (rows) => Math.min(50, rows),
    );
    const formerPageSql: number[] = [];
    for (let i = -3; i < API_SAMPLES; i++) {
      const begin = performance.now();
      await client.query(
        `SELECT ${SQL_COLUMNS} ${SQL_JOINS}
         WHERE a."documentId" = $1 AND a."deletedAt" IS NULL AND ${readable.sql}
         ORDER BY a."createdAt" DESC LIMIT 50`,
        [doc.id, ...readable.params],
      );
      await client.query(
        `SELECT count(*) AS total FROM "Annotation" a
         WHERE a."documentId" = $1 AND a."deletedAt" IS NULL AND ${readable.sql}`,
        [doc.id, ...readable.params],
      );
      if (i >= 0) formerPageSql.push(performance.now() - begin);
    }
    const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) ${ALL_READABLE_SQL}`, [
      doc.id,
      ...readable.params,
    ]);
    const pagePlan = await client.query({
      text: `EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) ${PAGE_SQL.text}`,
      values: PAGE_SQL.values,
    });
    return {
      all: { ...all, plainSqlMedian: round(median(plainSql)) },
      page: { ...page, formerSqlMedian: round(median(formerPageSql)) },
      plan: plan.rows.map((row: Record<string, string>) => row["QUERY PLAN"]),
      pagePlan: pagePlan.rows.map((row: Record<string, string>) => row["QUERY PLAN"]),
    };
  } finally {
    await client.end();
  }

  async function compare(
    address: string,
    statements: { name?: string; text: string; values: unknown[] }[],
    count: (body: string) => number,
    sqlCount: (rows: number) => number = (rows) => rows,
  ) {
    const api: number[] = [];
    const raw: number[] = [];
    let apiRows = 0;
    let sqlRows = 0;
    let bytes = 0;
    const plain: number[] = [];
    const url = `${base}${address}`;
    for (let i = -3; i < API_SAMPLES; i++) {
      const response = await timed(url, { headers });
      // The same without compression: how much of the difference is gzip on the app server.
      const uncompressed = await timed(url, {
        headers: { ...headers, "accept-encoding": "identity" },
      });
      const begin = performance.now();
      let first: pg.QueryResult | undefined;
      for (const sql of statements) {
        const answer = await client.query(sql);
        first ??= answer;
      }
      const sqlMs = performance.now() - begin;
      if (i < 0) continue; // warm-up
      api.push(response.ms);
      plain.push(uncompressed.ms);
      raw.push(sqlMs);
      apiRows = count(response.body);
      sqlRows = sqlCount(first?.rowCount ?? 0);
      bytes = Buffer.byteLength(response.body);
    }
    if (apiRows !== sqlRows)
      throw new Error(`${address}: the API returned ${apiRows} rows, the SQL ${sqlRows}.`);
    const apiMedian = median(api);
    const sqlMedian = median(raw);
    return {
      rows: apiRows,
      responseKb: round(bytes / 1024, 0),
      apiMedian: round(apiMedian),
      apiP95: round(percentile(api, 95)),
      apiUncompressedMedian: round(median(plain)),
      sqlMedian: round(sqlMedian),
      ratio: round(apiMedian / sqlMedian, 2),
    };
  }
}

/**
 * 200 simulated annotators, each with its own personal API token, over keep-alive connections on
 * loopback: POST /api/annotations (a note on a random passage, shared with their course), then
 * three times GET /api/annotations?document=...&limit=50, at ANNOTATOR_RATE requests a second
 * each. Then a short closed-loop run (no pause between requests) to find the throughput ceiling.
 */
async function measureLoad(
  base: string,
  doc: GeneratedDocument,
  tokens: string[],
  users: BenchUser[],
  serverPid: number,
  database: string,
  /** Further phases that need the same load generator (the bare baseline, live readers). */
  more?: (run: typeof runLoad) => Promise<{ bare?: BareResult; live?: LiveResult }>,
) {
  await runLoad(10, 3, ANNOTATOR_RATE); // warm-up (the API's first requests compile code), not kept
  const steps = [];
  let peakRss = 0;
  for (const annotators of LOAD_STEPS) {
    const [step, rss] = await peakRssMb(serverPid, () =>
      runLoad(annotators, LOAD_SECONDS, ANNOTATOR_RATE),
    );
    steps.push(step);
    peakRss = rss;
  }
  const paced = { ...steps[steps.length - 1]!, peakRssMb: peakRss };
  // The ceiling: a few connections without pause keep the server busy without a long queue.
  const saturation = await runLoad(CEILING_CONNECTIONS, SATURATION_SECONDS, 0);
  const extra = more ? await more(runLoad) : {};
  return { paced, steps, saturation, ...extra };

  async function runLoad(
    annotators: number,
    seconds: number,
    rate: number,
    {
      target = base,
      pid = serverPid,
      readsOnly = false,
    }: { target?: string; pid?: number; readsOnly?: boolean } = {},
  ) {
    const rng = prng(SEED + doc.turns.length + annotators + rate);
    const latency = { create: [] as number[], list: [] as number[] };
    const statuses = new Map<number, number>();
    let nextAnnotator = 0;
    const cpuBefore = { app: processCpuMs(pid), db: databaseCpuMs(database) };
    // autocannon paces each connection per second from the moment it starts, so 200 paced
    // connections started together would fire 200 requests at once every second. Start them in
    // WAVES groups spread over the first second instead, as people's clicks are.
    const waves = rate ? Math.min(WAVES, annotators) : 1;
    const instances = Array.from({ length: waves }, (_, wave) =>
      new Promise((resolve) => setTimeout(resolve, (wave * 1000) / waves)).then(() =>
        startInstance(Math.floor(annotators / waves) + (wave < annotators % waves ? 1 : 0)),
      ),
    );
    const began = performance.now();
    const results = await Promise.all(instances);
    const elapsedSeconds = (performance.now() - began) / 1000;
    const result = {
      requests: {
        total: results.reduce((sum, one) => sum + one.requests.total, 0),
        sent: results.reduce((sum, one) => sum + one.requests.sent, 0),
      },
      errors: results.reduce((sum, one) => sum + one.errors, 0),
      timeouts: results.reduce((sum, one) => sum + one.timeouts, 0),
    };
    const all = [...latency.create, ...latency.list];

    const answered = [...statuses.values()].reduce((sum, n) => sum + n, 0);
    const appCpuTotal = processCpuMs(pid) - cpuBefore.app;
    const dbCpuTotal = databaseCpuSince(database, cpuBefore.db);
    const appCpuMs = appCpuTotal / Math.max(1, answered);
    const dbCpuMs = dbCpuTotal / Math.max(1, answered);
    const rateLimited = statuses.get(429) ?? 0;
    const otherErrors = [...statuses]
      .filter(([status]) => status >= 400 && status !== 429)
      .reduce((sum, [, n]) => sum + n, 0);
    return {
      annotators,
      seconds,
      perAnnotatorRate: rate || "unpaced",
      requests: result.requests.total,
      throughput: round(result.requests.total / elapsedSeconds, 0),
      p50: round(percentile(all, 50)),
      p95: round(percentile(all, 95)),
      p99: round(percentile(all, 99)),
      createP95: round(percentile(latency.create, 95)),
      listP95: round(percentile(latency.list, 95)),
      creates: latency.create.length,
      errors: result.errors + result.timeouts + otherErrors,
      rateLimited,
      /** Sent but not answered when the run ended (not in the percentiles). */
      unanswered: Math.max(0, result.requests.sent - answered),
      /** CPU per answered request: the Node server (one core at most) and PostgreSQL. */
      appCpuMsPerRequest: round(appCpuMs, 2),
      dbCpuMsPerRequest: round(dbCpuMs, 2),
      appCpuMsTotal: round(appCpuTotal, 0),
      dbCpuMsTotal: round(dbCpuTotal, 0),
      answered,
      statuses: Object.fromEntries(statuses),
    };

    function startInstance(connections: number) {
      return autocannon({
        url: target,
        connections,
        duration: seconds,
        connectionRate: rate || undefined,
        timeout: REQUEST_TIMEOUT_S,
        setupClient(client: AutocannonClient) {
          const n = nextAnnotator++ % annotators;
          // Skip the reader (index 1) so its own list is not the one being written to.
          const user = users[n + 2]!;
          const authorization = `Bearer ${tokens[n + 2]}`;
          const list = {
            method: "GET",
            path: `/api/annotations?document=${doc.slug}&limit=50`,
            headers: { authorization },
          };
          client.setRequests(
            readsOnly
              ? [list]
              : [
                  {
                    method: "POST",
                    path: "/api/annotations",
                    headers: { authorization, "content-type": "application/json" },
                    setupRequest(request: Record<string, unknown>) {
                      const turn = doc.turns[rng.int(0, doc.turns.length - 1)]!;
                      const offset = rng.int(0, Math.max(0, turn.text.length - 30));
                      return {
                        ...request,
                        body: JSON.stringify({
                          documentSlug: doc.slug,
                          selection: {
                            start: { turnAnchor: turn.anchor, offset },
                            end: {
                              turnAnchor: turn.anchor,
                              offset: Math.min(turn.text.length, offset + 25),
                            },
                          },
                          body: {
                            type: "doc",
                            content: [
                              {
                                type: "paragraph",
                                content: [{ type: "text", text: `Load note by ${user.name}.` }],
                              },
                            ],
                          },
                          tags: ["load"],
                          visibility: "course",
                          courseId: `bnc${user.course.toString(36).padStart(6, "0")}`,
                        }),
                      };
                    },
                  },
                  list,
                  list,
                  list,
                ],
          );
          client.on("response", (status: number, _bytes: number, ms: number) => {
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
            if (status === 201) latency.create.push(ms);
            else if (status === 200) latency.list.push(ms);
          });
        },
      } as autocannon.Options) as unknown as Promise<autocannon.Result>;
    }
  }
}

type RunLoad = (
  annotators: number,
  seconds: number,
  rate: number,
  options?: { target?: string; pid?: number; readsOnly?: boolean },
) => Promise<{
  throughput: number;
  p50: number;
  p95: number;
  errors: number;
  answered: number;
  appCpuMsPerRequest: number;
  dbCpuMsPerRequest: number;
  appCpuMsTotal: number;
  dbCpuMsTotal: number;
  requests: number;
}>;
type BareResult = Awaited<ReturnType<typeof measureBare>>;
type LiveResult = Awaited<ReturnType<typeof measureLive>>;

/**
 * The app against the bare node:http + pg handler (bench/bare-server.ts) on the same requests
 * (`GET /api/annotations?document=<slug>&limit=50`, each connection its own user's token), unpaced
 * on CEILING_CONNECTIONS connections, alternately, twice each: throughput and CPU per request.
 */
async function measureBare(run: RunLoad, databaseUrl: string) {
  const port = await findFreePort(BENCH_PORT_BASE + 50);
  const bare = spawn(process.execPath, [TSX_CLI, "bench/bare-server.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  bare.stderr!.on("data", (chunk: Buffer) => process.stderr.write(`[bare] ${chunk}`));
  try {
    await new Promise<void>((resolve, reject) => {
      bare.stdout!.on("data", (chunk: Buffer) => chunk.includes("listening") && resolve());
      bare.once("exit", () => reject(new Error("the bare server stopped")));
    });
    const target = `http://127.0.0.1:${port}`;
    await run(4, 2, 0, { target, pid: bare.pid!, readsOnly: true }); // warm-up
    await run(4, 2, 0, { readsOnly: true });
    const app: Awaited<ReturnType<RunLoad>>[] = [];
    const plain: Awaited<ReturnType<RunLoad>>[] = [];
    for (let i = 0; i < 2; i++) {
      app.push(await run(CEILING_CONNECTIONS, SATURATION_SECONDS / 2, 0, { readsOnly: true }));
      plain.push(
        await run(CEILING_CONNECTIONS, SATURATION_SECONDS / 2, 0, {
          target,
          pid: bare.pid!,
          readsOnly: true,
        }),
      );
    }
    const sum = (runs: typeof app, pick: (r: (typeof app)[number]) => number) =>
      runs.reduce((total, r) => total + pick(r), 0);
    const summary = (runs: typeof app) => ({
      throughput: round(sum(runs, (r) => r.throughput) / runs.length, 0),
      p95: round(Math.max(...runs.map((r) => r.p95))),
      errors: sum(runs, (r) => r.errors),
      appCpuMsPerRequest: round(
        sum(runs, (r) => r.appCpuMsTotal) /
          Math.max(
            1,
            sum(runs, (r) => r.answered),
          ),
        2,
      ),
      dbCpuMsPerRequest: round(
        sum(runs, (r) => r.dbCpuMsTotal) /
          Math.max(
            1,
            sum(runs, (r) => r.answered),
          ),
        2,
      ),
    });
    const appSummary = summary(app);
    const bareSummary = summary(plain);
    return {
      app: appSummary,
      bare: bareSummary,
      throughputRatio: round(appSummary.throughput / bareSummary.throughput, 2),
    };
  } finally {
    bare.kill("SIGTERM");
  }
}

/**
 * Live refresh under load: LIVE_READERS readers hold the large document's event stream open (as
 * the browser does) while ANNOTATORS annotators write at their pace. From each note's save
 * (its createdAt, on this machine's clock) to its arrival at each reader who may read it; the
 * app's CPU beyond what the same annotators cost without readers, per change delivered.
 */
async function measureLive(
  run: RunLoad,
  base: string,
  doc: GeneratedDocument,
  tokens: string[],
  client: pg.Client,
  serverPid: number,
  withoutReaders: { appCpuMsPerRequest: number; dbCpuMsPerRequest: number; p95: number },
) {
  // Readers: the users after the annotators (who are users 2 to 201), wrapping round.
  const readerTokens = Array.from(
    { length: LIVE_READERS },
    (_, n) => tokens[(ANNOTATORS + 2 + n) % tokens.length]!,
  );
  const readers = await openReaders(`${base}/api/documents/${doc.slug}/events`, readerTokens);
  let load: Awaited<ReturnType<RunLoad>>;
  let peak: number;
  const began = new Date();
  try {
    [load, peak] = await peakRssMb(serverPid, () => run(ANNOTATORS, LOAD_SECONDS, ANNOTATOR_RATE));
    await new Promise((resolve) => setTimeout(resolve, 2000)); // the last changes' delivery
  } finally {
    readers.close();
  }
  const created = await client.query<{ id: string; ms: number }>(
    `SELECT id, (extract(epoch from "createdAt") * 1000)::float8 AS ms FROM "Annotation"
     WHERE "documentId" = $1 AND "createdAt" >= $2`,
    [doc.id, began],
  );
  const savedAt = new Map(created.rows.map((row) => [row.id, Number(row.ms)]));
  const delays = readers.arrivals
    .filter((arrival) => arrival.kind === "upsert" && savedAt.has(arrival.id))
    .map((arrival) => arrival.at - savedAt.get(arrival.id)!);
  const extraApp = load.appCpuMsTotal - withoutReaders.appCpuMsPerRequest * load.answered;
  const extraDb = load.dbCpuMsTotal - withoutReaders.dbCpuMsPerRequest * load.answered;
  const delivered = readers.arrivals.length;
  return {
    readers: LIVE_READERS,
    readerFailures: readers.failures,
    notesSaved: savedAt.size,
    changesDelivered: delivered,
    saveToReaderP50: round(percentile(delays, 50)),
    saveToReaderP95: round(percentile(delays, 95)),
    saveToReaderMax: round(Math.max(0, ...delays)),
    /** App CPU beyond the same annotators' cost without readers, per change delivered. */
    appCpuMsPerChange: round(extraApp / Math.max(1, delivered), 3),
    dbCpuMsPerChange: round(extraDb / Math.max(1, delivered), 3),
    annotatorsP95: load.p95,
    annotatorsAloneP95: withoutReaders.p95,
    annotatorsErrors: load.errors,
    throughput: load.throughput,
    peakRssMb: peak,
  };
}

interface AutocannonClient {
  setRequests(requests: unknown[]): void;
  on(event: "response", listener: (status: number, bytes: number, ms: number) => void): void;
}

async function waitForHealth(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The app did not become healthy at ${url} (see bench/server.log).`);
}

// ---- Report ---------------------------------------------------------------------------------------

function summarise(
  perSize: Record<string, SizeResult>,
  documents: GeneratedDocument[],
  loadSeconds: number,
) {
  const conditions = { loadBefore: LOAD_BEFORE };
  const small = perSize.small!;
  const large = perSize.large!;
  const growth = (a: number, b: number) => (a > 0 ? `${round(b / a, 1)}x` : "-");
  const rows: [string, string, string, string, string][] = [];
  const row = (label: string, pick: (size: SizeResult) => number, unit: string, target = "") =>
    rows.push([
      label,
      `${pick(small)}${unit}`,
      `${pick(large)}${unit}`,
      growth(pick(small), pick(large)),
      target,
    ]);
  const bare = large.load.bare;
  const live = large.load.live;
  const targets = {
    renderMedian: large.renderUncompressed.median < 150,
    lcp: large.page.lcpMs < 500,
    pageSql: large.list.page.sqlMedian <= 1,
    pageRatio: large.list.page.ratio <= 2,
    allRatio: large.list.all.ratio <= 1.5,
    loadP95: large.load.paced.p95 < 100 && large.load.paced.errors === 0,
    js: large.page.jsGzipKb < 200,
    bareRatio: (bare?.throughputRatio ?? 0) >= 0.5,
    liveP95: (live?.saveToReaderP95 ?? Infinity) < 2000,
    liveCpu: (live?.appCpuMsPerChange ?? Infinity) < 3,
    rss: Math.max(large.load.paced.peakRssMb, live?.peakRssMb ?? 0) < 512,
  };
  const largeOnly = (label: string, value: string, target = "") =>
    rows.push([label, "-", value, "-", target]);
  const mark = (ok: boolean, text: string) => `${ok ? "met" : "MISSED"}: ${text}`;
  row("render median, gzipped as a browser asks (ms)", (s) => s.render.median, "");
  row("render p95 (ms)", (s) => s.render.p95, "");
  row("app server CPU per render (ms)", (s) => s.render.serverCpuMs, "");
  row(
    "render median, uncompressed (ms)",
    (s) => s.renderUncompressed.median,
    "",
    mark(targets.renderMedian, "< 150 ms"),
  );
  row("app server CPU per render, uncompressed (ms)", (s) => s.renderUncompressed.serverCpuMs, "");
  rows.push([
    "HTML, kB (gzipped)",
    `${small.render.htmlKb} (${small.render.htmlGzipKb})`,
    `${large.render.htmlKb} (${large.render.htmlGzipKb})`,
    growth(small.render.htmlKb, large.render.htmlKb),
    "",
  ]);
  row("  of which RSC payload, kB", (s) => s.render.rscPayloadKb, "");
  row("LCP, headless Chromium (ms)", (s) => s.page.lcpMs, "", mark(targets.lcp, "< 500 ms"));
  row("JS transferred, gzipped (kB)", (s) => s.page.jsGzipKb, "", mark(targets.js, "< 200 kB"));
  row("list, all readable: rows", (s) => s.list.all.rows, "");
  row("list, all: API median (ms)", (s) => s.list.all.apiMedian, "");
  row("list, all: API uncompressed (ms)", (s) => s.list.all.apiUncompressedMedian, "");
  row("list, all: raw SQL median (ms)", (s) => s.list.all.sqlMedian, "");
  row("list, all: API / SQL", (s) => s.list.all.ratio, "x", mark(targets.allRatio, "<= 1.5x"));
  row("list, page of 50: API median (ms)", (s) => s.list.page.apiMedian, "");
  row(
    "list, page of 50: raw SQL median (ms)",
    (s) => s.list.page.sqlMedian,
    "",
    mark(targets.pageSql, "<= 1 ms"),
  );
  row("list, page of 50: former SQL (filter + count)", (s) => s.list.page.formerSqlMedian, "");
  row(
    "list, page of 50: API / SQL",
    (s) => s.list.page.ratio,
    "x",
    mark(targets.pageRatio, "<= 2x"),
  );
  for (const [index, annotators] of LOAD_STEPS.slice(0, -1).entries())
    row(`${annotators} annotators: p95 (ms)`, (s) => s.load.steps[index]!.p95, "");
  row(`${ANNOTATORS} annotators: req/s`, (s) => s.load.paced.throughput, "");
  row(`${ANNOTATORS} annotators: p50 (ms)`, (s) => s.load.paced.p50, "");
  row(
    `${ANNOTATORS} annotators: p95 (ms)`,
    (s) => s.load.paced.p95,
    "",
    mark(targets.loadP95, "< 100 ms, 0 errors"),
  );
  row(`${ANNOTATORS} annotators: p99 (ms)`, (s) => s.load.paced.p99, "");
  row(`${ANNOTATORS} annotators: errors`, (s) => s.load.paced.errors, "");
  row(`${ANNOTATORS} annotators: rate-limited (429)`, (s) => s.load.paced.rateLimited, "");
  row(
    `unpaced, ${CEILING_CONNECTIONS} connections: req/s`,
    (s) => s.load.saturation.throughput,
    "",
  );
  row(`unpaced, ${CEILING_CONNECTIONS} connections: p95 (ms)`, (s) => s.load.saturation.p95, "");
  row("load: app server CPU per request (ms)", (s) => s.load.saturation.appCpuMsPerRequest, "");
  row("load: PostgreSQL CPU per request (ms)", (s) => s.load.saturation.dbCpuMsPerRequest, "");
  row("load: projected req/s on 2 idle cores", (s) => projectedCapacity(s.load.saturation), "");
  row(
    `${ANNOTATORS} annotators: app RSS peak (MB)`,
    (s) => s.load.paced.peakRssMb,
    "",
    mark(targets.rss, "< 512 MB"),
  );
  if (bare) {
    largeOnly("page GETs unpaced: app req/s", `${bare.app.throughput}`);
    largeOnly("page GETs unpaced: bare node:http + pg req/s", `${bare.bare.throughput}`);
    largeOnly(
      "app / bare throughput",
      `${bare.throughputRatio}`,
      mark(targets.bareRatio, ">= 0.5"),
    );
    largeOnly(
      "CPU per page GET, app / bare (ms)",
      `${bare.app.appCpuMsPerRequest} / ${bare.bare.appCpuMsPerRequest}`,
    );
    largeOnly(
      "PostgreSQL CPU per page GET, app / bare (ms)",
      `${bare.app.dbCpuMsPerRequest} / ${bare.bare.dbCpuMsPerRequest}`,
    );
  }
  if (live) {
    largeOnly(
      `live: ${live.readers} readers + ${ANNOTATORS} annotators, changes delivered`,
      `${live.changesDelivered} (of ${live.notesSaved} notes)`,
    );
    largeOnly(
      "live: save to reader p50 / p95 (ms)",
      `${live.saveToReaderP50} / ${live.saveToReaderP95}`,
      mark(targets.liveP95, "p95 < 2 s"),
    );
    largeOnly(
      "live: app CPU per change delivered (ms)",
      `${live.appCpuMsPerChange}`,
      mark(targets.liveCpu, "< 3 ms"),
    );
    largeOnly("live: PostgreSQL CPU per change (ms)", `${live.dbCpuMsPerChange}`);
    largeOnly(
      "live: annotators' p95 with / without readers (ms)",
      `${live.annotatorsP95} / ${live.annotatorsAloneP95}`,
    );
    largeOnly("live: app RSS peak (MB)", `${live.peakRssMb}`, mark(targets.rss, "< 512 MB"));
  }

  const header = [
    "",
    `small (${SIZES[0].turns} turns, ${SIZES[0].annotations} ann.)`,
    `large (${SIZES[1].turns} turns, ${SIZES[1].annotations} ann.)`,
    "growth",
    "target (large)",
  ];
  const table = markdownTable([header, ...rows]);
  const note =
    `Load average (1 min) ${round(conditions.loadBefore, 1)} at the start, ${round(os.loadavg()[0]!, 1)} at the end, ` +
    `on ${os.cpus().length} cores${conditions.loadBefore > os.cpus().length || os.loadavg()[0]! > os.cpus().length ? ": other work was running, so wall-clock figures are inflated (the CPU figure is less affected)" : ""}.`;
  return {
    generatedAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGb: round(os.totalmem() / 2 ** 30, 0),
      node: process.version,
      loadAverageAtStart: round(conditions.loadBefore, 2),
      loadAverageAtEnd: os.loadavg().map((value) => round(value, 2)),
    },
    conditions: note,
    quick: QUICK,
    seed: SEED,
    data: {
      users: 300,
      courses: 10,
      loadSeconds: round(loadSeconds),
      documents: documents.map(({ slug, turns, annotations, replies, votes }) => ({
        slug,
        turns: turns.length,
        annotations,
        replies,
        votes,
      })),
    },
    targets,
    sizes: perSize,
    table: `${table}\n\n${note}`,
  };
}

/**
 * What the measured CPU costs allow on two otherwise idle cores: Node serves from one core, and
 * the app and PostgreSQL together share two.
 */
function projectedCapacity(run: { appCpuMsPerRequest: number; dbCpuMsPerRequest: number }) {
  const app = run.appCpuMsPerRequest;
  const both = app + run.dbCpuMsPerRequest;
  return app > 0 ? round(Math.min(1000 / app, 2000 / both), 0) : NaN;
}

function markdownTable(rows: string[][]) {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(" | ")} |`;
  return [
    line(rows[0]!),
    `| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`,
    ...rows.slice(1).map(line),
  ].join("\n");
}

async function main(): Promise<number> {
  const cluster = await openTestCluster();
  let server: ChildProcess | undefined;
  let database: { url: string; drop: () => Promise<void> } | undefined;
  let client: pg.Client | undefined;
  let failed = false;
  try {
    const template = await ensureTemplate(cluster.adminUrl);
    const db: { name: string; url: string; drop: () => Promise<void> } = await createTestDatabase(
      cluster.adminUrl,
      template,
      "memcon_bench",
    );
    database = db;

    say("Production build (skipped when current)");
    const buildStarted = Date.now();
    const built = await buildIfStale({ log: () => {} });
    say(
      built ? `built in ${((Date.now() - buildStarted) / 1000).toFixed(0)} s` : "build is current",
    );

    // ---- Data -----------------------------------------------------------------------------------
    client = new pg.Client({ connectionString: db.url });
    client.on("error", () => {}); // the database is dropped at the end
    await client.connect();
    const loadStarted = Date.now();
    const population = await createPopulation(client);
    const credentials = await createCredentials(client, population.users);
    const documents: GeneratedDocument[] = [];
    for (const size of SIZES) {
      documents.push(
        await createDocument(client, population, {
          slug: size.slug,
          turnCount: size.turns,
          annotationCount: size.annotations,
          seed: SEED + size.seed,
        }),
      );
    }
    // As a database in use would be: vacuumed (index-only scans need the visibility map) and
    // analysed. Otherwise the first phases would measure autovacuum catching up with the load.
    await client.query("VACUUM ANALYZE");
    const loadSeconds = (Date.now() - loadStarted) / 1000;
    say(
      `data: ${population.users.length} users in ${population.courseIds.length} courses; ` +
        documents
          .map(
            (doc) =>
              `${doc.slug}: ${doc.turns.length} turns, ${doc.annotations} annotations, ${doc.replies} replies, ${doc.votes} votes`,
          )
          .join("; ") +
        ` (loaded in ${loadSeconds.toFixed(1)} s)`,
    );

    // ---- Server ---------------------------------------------------------------------------------
    const port = await findFreePort(BENCH_PORT_BASE);
    const base = `http://127.0.0.1:${port}`;
    // BENCH_CPU_PROF=<dir>: the app server writes a V8 CPU profile there when it stops.
    const profile = process.env.BENCH_CPU_PROF
      ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`]
      : [];
    server = spawn(process.execPath, [...profile, ...nextStartArgs(port)], {
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        AUTH_SECRET: "bench-secret-not-for-production-0123456789",
        NEXT_TELEMETRY_DISABLED: "1",
        NODE_ENV: "production",
        PORT: String(port),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const log = fs.createWriteStream(SERVER_LOG);
    server.stdout!.pipe(log);
    server.stderr!.pipe(log);
    await waitForHealth(`${base}/api/health`);

    // The reader: a student of course 1, group 1 (sees their course's and group's notes).
    const readerIndex = 1;
    const reader = population.users[readerIndex]!;
    const cookie = `memcon.session-token=${credentials.sessions[readerIndex]}`;
    const token = credentials.tokens[readerIndex]!;

    if (SERVE) {
      say(`serving ${base} (Ctrl-C stops); reader cookie ${cookie}; reader token ${token}`);
      fs.writeFileSync(
        "bench/serve.json",
        JSON.stringify({
          base,
          databaseUrl: db.url,
          cookie,
          token,
          tokens: credentials.tokens,
          documents: documents.map((d) => d.slug),
        }),
      );
      await new Promise((resolve) => process.once("SIGINT", resolve));
      return 0;
    }
    const perSize: Record<string, SizeResult> = {};
    const browser = await chromium.launch({
      executablePath:
        process.env.CHROMIUM_PATH ??
        (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
    });
    try {
      for (const [index, size] of SIZES.entries()) {
        const doc = documents[index]!;
        say(`${size.name}: ${size.turns} turns, ${size.annotations} annotations`);
        // Each size starts from a settled database: the previous size's load phase wrote
        // thousands of notes, and autovacuum catching up would run during this size's renders.
        if (index > 0) await client.query("VACUUM ANALYZE");
        const render = await measureRender(`${base}/documents/${doc.slug}`, cookie, server.pid!);
        const renderUncompressed = await measureRender(
          `${base}/documents/${doc.slug}`,
          cookie,
          server.pid!,
          "identity",
        );
        say(
          `  render median ${render.median} ms gzipped (${render.serverCpuMs} ms CPU), ${renderUncompressed.median} ms uncompressed (${renderUncompressed.serverCpuMs} ms CPU), p95 ${render.p95} ms, HTML ${render.htmlKb} kB (${render.htmlGzipKb} kB gzipped)`,
        );
        const page = await measureBrowser(
          browser,
          base,
          `/documents/${doc.slug}`,
          credentials.sessions[readerIndex]!,
        );
        say(
          `  browser LCP ${page.lcpMs} ms, JS ${page.jsGzipKb} kB gzipped in ${page.scripts} files`,
        );
        const list = await measureList(base, doc, token, reader, population, db.url);
        say(
          `  list (all): API ${list.all.apiMedian} ms vs SQL ${list.all.sqlMedian} ms (${list.all.ratio}x, ${list.all.rows} rows); ` +
            `page of 50: API ${list.page.apiMedian} ms vs SQL ${list.page.sqlMedian} ms (${list.page.ratio}x)`,
        );
        const load = await measureLoad(
          base,
          doc,
          credentials.tokens,
          population.users,
          server.pid!,
          db.name,
          size.name === "large"
            ? async (run) => {
                const bare = await measureBare(run, db.url);
                say(
                  `  bare baseline: app ${bare.app.throughput} req/s (${bare.app.appCpuMsPerRequest} ms CPU), ` +
                    `bare ${bare.bare.throughput} req/s (${bare.bare.appCpuMsPerRequest} ms CPU): ${bare.throughputRatio}`,
                );
                const paced = await run(ANNOTATORS, LOAD_SECONDS, ANNOTATOR_RATE);
                const live = await measureLive(
                  run,
                  base,
                  doc,
                  credentials.tokens,
                  client!,
                  server!.pid!,
                  paced,
                );
                say(
                  `  live: ${live.readers} readers, ${live.changesDelivered} changes delivered, save to reader p95 ${live.saveToReaderP95} ms, ` +
                    `${live.appCpuMsPerChange} ms app CPU per change, RSS ${live.peakRssMb} MB`,
                );
                return { bare, live };
              }
            : undefined,
        );
        say(
          `  ${ANNOTATORS} annotators: ${load.paced.throughput} req/s, p50 ${load.paced.p50} / p95 ${load.paced.p95} / p99 ${load.paced.p99} ms, ` +
            `${load.paced.errors} errors, ${load.paced.rateLimited} rate-limited; saturation ${load.saturation.throughput} req/s at p95 ${load.saturation.p95} ms`,
        );
        perSize[size.name] = { render, renderUncompressed, page, list, load };
      }
    } finally {
      await browser.close();
    }

    const results = summarise(perSize, documents, loadSeconds);
    fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
    fs.writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\n${results.table}\n`);
    say(
      `wrote ${path.relative(process.cwd(), RESULTS)} in ${((Date.now() - started) / 1000).toFixed(0)} s total`,
    );
  } catch (error) {
    failed = true;
    console.error(
      `[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  } finally {
    await client?.end().catch(() => {});
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server!.once("exit", resolve));
    }
    await database?.drop().catch(() => {});
    await cluster.stop();
  }
  return failed ? 1 : 0;
}

process.exit(await main());
