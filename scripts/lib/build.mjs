// Builds the Next.js app only when its sources changed since the last build, so that a second
// `npm start` (or test run) does not pay for a build it already has.
import { createHash } from "node:crypto";
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const INPUTS = [
  "app",
  "components",
  "lib",
  "next.config.js",
  "package-lock.json",
  "tsconfig.json",
  "prisma/schema.prisma",
];
const SKIP = new Set(["generated", "node_modules", ".next"]);
const STAMP = ".next/memcon-build-fingerprint";

export function sourceFingerprint(root = process.cwd()) {
  const hash = createHash("sha256");
  const visit = (relative) => {
    const absolute = path.join(root, relative);
    if (!fs.existsSync(absolute)) return;
    const stat = fs.statSync(absolute);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(absolute).sort()) {
        if (!SKIP.has(name)) visit(path.join(relative, name));
      }
    } else {
      hash.update(relative).update("\0").update(fs.readFileSync(absolute)).update("\0");
    }
  };
  INPUTS.forEach(visit);
  return hash.digest("hex");
}

export function buildIsCurrent(root = process.cwd()) {
  const stamp = path.join(root, STAMP);
  return (
    fs.existsSync(path.join(root, ".next/BUILD_ID")) &&
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, "utf8") === sourceFingerprint(root)
  );
}

/** Run `next build` unless the build is current. `log` receives the build output. */
export async function buildIfStale({ log = () => {}, force = false } = {}) {
  if (!force && buildIsCurrent()) return false;
  const fingerprint = sourceFingerprint();
  await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin(), "build"], {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const collect = (chunk) => {
      output += chunk;
      log(String(chunk));
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve();
      else {
        const error = new Error(`next build failed (exit ${code}).`);
        error.details = output;
        reject(error);
      }
    });
  });
  fs.writeFileSync(STAMP, fingerprint);
  return true;
}

export function nextBin() {
  return path.resolve("node_modules/next/dist/bin/next");
}

/**
 * The arguments of `node … next start`: with the preload that stamps each request with its TCP
 * peer's address, which per-address rate limits rely on (scripts/lib/http-guard.cjs).
 */
export function nextStartArgs(port) {
  return [
    "--require",
    path.resolve("scripts/lib/http-guard.cjs"),
    nextBin(),
    "start",
    "-p",
    String(port),
  ];
}
