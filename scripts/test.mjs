#!/usr/bin/env node
// `npm test`: unit + integration tests (Vitest, real PostgreSQL), then end-to-end tests
// (Playwright, Chromium) against a production build served by `next start` with its own database.
// Flags: --unit-only, --e2e-only; any other arguments (file filters) go to the runner(s), e.g.
// `npm run test:e2e -- tests/e2e/reader.spec.ts`. Exits non-zero when anything fails.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildIfStale, nextStartArgs } from "./lib/build.mjs";
import { findFreePort } from "./lib/ports.mjs";
import { runSeed } from "./lib/seed.mjs";
import { createTestDatabase, ensureTemplate, openTestCluster } from "./lib/test-cluster.mjs";

const args = new Set(process.argv.slice(2));
const filters = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const runUnit = !args.has("--e2e-only");
const runE2e = !args.has("--unit-only");
const say = (message) => console.log(`\n[test] ${message}`);
const results = [];
const started = Date.now();
const VITEST_JSON = path.resolve("test-reports/vitest.json");
const PLAYWRIGHT_JSON = path.resolve("test-reports/playwright.json");
fs.mkdirSync(path.dirname(VITEST_JSON), { recursive: true });
fs.rmSync(VITEST_JSON, { force: true });
fs.rmSync(PLAYWRIGHT_JSON, { force: true });

const cluster = await openTestCluster();
let exitCode = 0;
try {
  const template = await ensureTemplate(cluster.adminUrl);
  if (runUnit) {
    say("Unit and integration tests (Vitest)");
    const code = await run(
      process.execPath,
      [
        bin("vitest/vitest.mjs"),
        "run",
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${VITEST_JSON}`,
        ...filters,
      ],
      {
        ...process.env,
        TEST_DATABASE_URL: cluster.adminUrl,
      },
    );
    results.push(["vitest", code]);
  }
  if (runE2e) results.push(["playwright", await endToEnd(cluster.adminUrl, template)]);
} catch (error) {
  console.error(`[test] ${error instanceof Error ? error.message : String(error)}`);
  if (error?.details) console.error(error.details);
  exitCode = 1;
} finally {
  await cluster.stop();
}

const failed = results.filter(([, code]) => code !== 0).map(([name]) => name);
console.log(
  `\n[test] ${results.map(([name, code]) => `${name}: ${code === 0 ? "passed" : "FAILED"}`).join(", ")}` +
    ` in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
const counts = totals();
const flaky = runE2e ? flakyJourneys() : [];
for (const journey of flaky) console.log(`[test] FLAKY (failed, then passed on retry): ${journey}`);
console.log(
  `Tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped` +
    (flaky.length ? `, ${flaky.length} of the passed flaky` : ""),
);
process.exit(exitCode || (failed.length || counts.failed ? 1 : 0));

/** Both runners' counts, from their JSON reports (a runner that did not run counts nothing). */
function totals() {
  const read = (file) =>
    fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : undefined;
  const vitest = runUnit ? read(VITEST_JSON) : undefined;
  const playwright = runE2e ? read(PLAYWRIGHT_JSON) : undefined;
  return {
    passed:
      (vitest?.numPassedTests ?? 0) +
      (playwright?.stats?.expected ?? 0) +
      (playwright?.stats?.flaky ?? 0),
    failed:
      (vitest?.numFailedTests ?? 0) +
      (vitest?.numFailedTestSuites ?? 0) +
      (playwright?.stats?.unexpected ?? 0),
    skipped:
      (vitest?.numPendingTests ?? 0) +
      (vitest?.numTodoTests ?? 0) +
      (playwright?.stats?.skipped ?? 0),
  };
}

/** The journeys that failed and then passed on a retry (E2E_RETRIES), as "file:line title". */
function flakyJourneys() {
  if (!fs.existsSync(PLAYWRIGHT_JSON)) return [];
  const found = [];
  const walk = (suite) => {
    for (const inner of suite.suites ?? []) walk(inner);
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests ?? [])
        if (test.status === "flaky") found.push(`${spec.file}:${spec.line} ${spec.title}`);
  };
  walk(JSON.parse(fs.readFileSync(PLAYWRIGHT_JSON, "utf8")));
  return found;
}

async function endToEnd(adminUrl, template) {
  say("Production build (skipped when current)");
  await buildIfStale({ log: (text) => process.stdout.write(text) });

  const database = await createTestDatabase(adminUrl, template, "memcon_e2e");
  // E2E_PORT (or E2E_PORT_FROM, or MEMCON_PORT_BASE as the bench names it): where to look for
  // a free port, so several checkouts on one machine keep out of each other's way.
  const port = await findFreePort(
    Number(process.env.E2E_PORT || process.env.E2E_PORT_FROM || process.env.MEMCON_PORT_BASE) ||
      3200,
  );
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    AUTH_SECRET: "e2e-secret-not-for-production-0123456789",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
  };
  const server = spawn(process.execPath, nextStartArgs(port), {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const serverLog = fs.createWriteStream(path.resolve("test-reports/server.log"));
  server.stdout.pipe(serverLog);
  server.stderr.pipe(serverLog);
  try {
    say("Loading content/ and demo accounts into the end-to-end database");
    // The demo accounts, not the demo seminar: the end-to-end tests write and count their own notes.
    const seed = await runSeed(env, { demo: true, seminar: false });
    if (seed.summary) console.log(seed.summary);
    await waitForHealth(`http://127.0.0.1:${port}/api/health`);
    say(`End-to-end tests (Playwright) against http://127.0.0.1:${port}`);
    return await run(
      process.execPath,
      [bin("@playwright/test/cli.js"), "test", ...filters, ...playwrightExtraArgs()],
      {
        ...env,
        E2E_BASE_URL: `http://127.0.0.1:${port}`,
      },
    );
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    await database.drop().catch(() => {});
  }
}

async function waitForHealth(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `The app did not become healthy at ${url} within ${timeoutMs / 1000} s (see test-reports/server.log).`,
  );
}

function bin(relative) {
  return path.resolve("node_modules", relative);
}

function run(command, commandArgs, env) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { env, stdio: "inherit" });
    child.on("close", (code) => resolve(code ?? 1));
  });
}

/** PLAYWRIGHT_ARGS="--repeat-each=10": extra arguments for Playwright, for hunting a flaky journey. */
function playwrightExtraArgs() {
  return (process.env.PLAYWRIGHT_ARGS ?? "").split(/\s+/).filter(Boolean);
}
