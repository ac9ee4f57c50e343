import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
// @ts-expect-error -- plain ESM helper shared with the Node scripts
import { findFreePort } from "../scripts/lib/ports.mjs";

// The bench serves the app as deploy/ runs it: the app process does not compress
// (COMPRESS_RESPONSES=off) and HAProxy in front of it does, at its default zlib level 1
// (the same `compression` lines as deploy/lib/cluster.mjs). The app's own figures are measured
// on the app directly; what a browser gets (the compressed page, LCP) through HAProxy.

export const HAPROXY = "/usr/sbin/haproxy";

export interface Balancer {
  base: string;
  pid: number;
  stop(): Promise<void>;
}

/** HAProxy in front of the app on `appPort`, or null when the machine has none. */
export async function startBalancer(appPort: number, portFrom: number): Promise<Balancer | null> {
  if (!fs.existsSync(HAPROXY)) return null;
  const port = await findFreePort(portFrom);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "memcon-bench-haproxy-"));
  const config = path.join(dir, "haproxy.cfg");
  fs.writeFileSync(
    config,
    `global
  maxconn 4096

defaults
  mode http
  option http-keep-alive
  timeout connect 2s
  timeout client 60s
  timeout server 60s

frontend memcon
  bind 127.0.0.1:${port}
  default_backend app
  compression algo gzip
  compression type text/html text/css text/plain text/csv text/markdown application/javascript application/json application/ld+json image/svg+xml

backend app
  server app 127.0.0.1:${appPort}
`,
  );
  const child = spawn(HAPROXY, ["-db", "-f", config], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`haproxy did not start: ${stderr}`);
    const up = await fetch(`${base}/api/health`).then(
      (answer) => answer.ok,
      () => false,
    );
    if (up) break;
    if (attempt > 100) throw new Error(`haproxy answered nothing on ${base}: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    base,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await new Promise((resolve) => child.once("exit", resolve));
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
