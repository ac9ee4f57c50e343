#!/usr/bin/env node
// `npm run test:pg15 [-- <vitest filters>]`: the integration suite against Debian's PostgreSQL 15
// (the embedded server the suite uses by default is 18). Starts a throwaway PostgreSQL 15 in
// .data/pg15 (wiped each run) on PG15_PORT (default 7160), points TEST_DATABASE_URL at it, runs
// `vitest run tests/integration` (or the files given), stops the server and exits with vitest's code.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { node, waitForServer } from "./lib/postgres.mjs";
import { ensurePackages, say } from "./lib/system.mjs";

const port = Number(process.env.PG15_PORT ?? 7160);
const dir = ".data/pg15";
const filters = process.argv.slice(2);

ensurePackages(["postgresql-15"]);
fs.rmSync(dir, { recursive: true, force: true });
const server = node({ dir, port });
server.initPrimary();
server.start();
let code = 1;
try {
  await waitForServer(server.url());
  const version = (await import("./lib/postgres.mjs")).sql(server.url(), "SHOW server_version");
  say(`PostgreSQL ${(await version)[0].server_version} on port ${port}`);
  code = await new Promise((resolve) => {
    const child = spawn(
      "npx",
      ["vitest", "run", ...(filters.length ? filters : ["tests/integration"])],
      { env: { ...process.env, TEST_DATABASE_URL: server.url() }, stdio: "inherit" },
    );
    child.on("close", (status) => resolve(status ?? 1));
  });
} finally {
  server.stop("fast");
}
process.exit(code);
