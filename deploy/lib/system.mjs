// Debian's PostgreSQL 15, PgBouncer and HAProxy for the cluster scripts: installed when missing
// (as .ci/run installs chromium), and PostgreSQL's tools run as the unprivileged `postgres` user
// (initdb and postgres refuse to run as root; PgBouncer too).
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const PG_BIN = process.env.PG15_BIN ?? "/usr/lib/postgresql/15/bin";
const PACKAGES = [
  { name: "postgresql-15", present: () => fs.existsSync(path.join(PG_BIN, "postgres")) },
  { name: "pgbouncer", present: () => fs.existsSync("/usr/sbin/pgbouncer") },
  { name: "haproxy", present: () => fs.existsSync("/usr/sbin/haproxy") },
];

export const say = (message) => console.log(`[cluster] ${message}`);
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** apt-get install what is missing of `wanted` (names from PACKAGES). */
export function ensurePackages(wanted = PACKAGES.map((p) => p.name)) {
  const missing = PACKAGES.filter((p) => wanted.includes(p.name) && !p.present()).map(
    (p) => p.name,
  );
  if (missing.length === 0) return;
  say(`Installing Debian's ${missing.join(", ")}`);
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const run = (args) => {
    const result = spawnSync(sudo[0] ?? args[0], sudo.length ? args : args.slice(1), {
      env,
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (result.status !== 0) throw new Error(`${args.join(" ")} failed (exit ${result.status}).`);
  };
  run(["apt-get", "update", "-qq"]);
  run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", ...missing]);
}

/** Run a command as the `postgres` user (root cannot run PostgreSQL or PgBouncer). */
export function asPostgres(command, args, { allowFail = false, env = {} } = {}) {
  const asRoot = process.getuid?.() === 0;
  const [file, fullArgs] = asRoot
    ? ["runuser", ["-u", "postgres", "--", "env", ...envArgs(env), command, ...args]]
    : ["env", [...envArgs(env), command, ...args]];
  const result = spawnSync(file, fullArgs, { encoding: "utf8" });
  if (result.status !== 0 && !allowFail) {
    throw new Error(
      `${path.basename(command)} ${args.join(" ")} failed: ${(result.stderr || result.stdout).trim()}`,
    );
  }
  return result;
}
const envArgs = (env) => Object.entries(env).map(([key, value]) => `${key}=${value}`);

/** A folder the `postgres` user owns (mode 0700, as PostgreSQL requires for a data dir). */
export function ownedFolder(dir, mode = 0o700) {
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, mode);
  if (process.getuid?.() === 0) execFileSync("chown", ["-R", "postgres:postgres", dir]);
}

/** Is a process with this pid alive? */
export function alive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function readPid(file) {
  try {
    return Number(fs.readFileSync(file, "utf8").split("\n")[0].trim()) || null;
  } catch {
    return null;
  }
}
