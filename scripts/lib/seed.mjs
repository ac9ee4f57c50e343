// Loads content/ and the demo accounts through the TypeScript loader (run by tsx, because the
// generated Prisma client is TypeScript). Idempotent: unchanged files are skipped.
import { spawn } from "node:child_process";
import path from "node:path";

export async function runSeed(env, { demo = false } = {}) {
  const tsx = path.resolve("node_modules/tsx/dist/cli.mjs");
  const output = await new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [tsx, "scripts/seed.ts", "--report-json", ...(demo ? ["--demo"] : [])],
      {
        env,
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let text = "";
    child.stdout.on("data", (chunk) => (text += chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve(text)
        : reject(new Error(`Loading content/ failed (exit ${code}); see the messages above.`)),
    );
  });
  const last = output.trim().split("\n").pop() ?? "{}";
  return JSON.parse(last);
}
