// Loads content/ and the demo accounts through the TypeScript loader (run by tsx, because the
// generated Prisma client is TypeScript). Idempotent: unchanged files are skipped.
import { spawn } from "node:child_process";
import path from "node:path";

/**
 * Demo accounts and the demo seminar belong on the embedded default (a local try-out), or on a
 * real database only when MEMCON_DEMO=1 asks for them: never otherwise.
 */
export function demoWanted({ embedded, env }) {
  return embedded === true || env.MEMCON_DEMO === "1";
}

/** `seminar`: the demo seminar's notes too (the default with the demo accounts). */
export async function runSeed(env, { demo = false, seminar = demo } = {}) {
  const tsx = path.resolve("node_modules/tsx/dist/cli.mjs");
  const output = await new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        tsx,
        "scripts/seed.ts",
        "--report-json",
        ...(demo ? ["--demo"] : []),
        ...(demo && seminar ? ["--demo-seminar"] : []),
      ],
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
