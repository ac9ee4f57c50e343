import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// Finding 11 of issue #17: started as root from a clone inside a folder only root may enter
// (a 0700 home directory, say), `npm start` died with an unhandled `spawn … initdb EACCES`
// stack trace: PostgreSQL runs as the system user "postgres", which cannot reach its own
// programs there. It must say in one line what to do.

const asRoot = process.getuid?.() === 0;
const base = asRoot ? fs.mkdtempSync(path.join(os.tmpdir(), "memcon-closed-")) : "";

afterAll(() => {
  if (base) fs.rmSync(base, { recursive: true, force: true });
});

describe.skipIf(!asRoot)("npm start as root in a folder the database's user cannot enter", () => {
  it("stops with one line naming the folder and the fix", () => {
    fs.chmodSync(base, 0o700);
    const app = path.join(base, "memcon");
    fs.mkdirSync(app);
    // A clone: the scripts and the schema, and node_modules as hard links (same files, no copy).
    for (const name of ["scripts", "prisma", "package.json", "prisma.config.ts", "content"])
      fs.cpSync(path.resolve(name), path.join(app, name), { recursive: true });
    execFileSync("cp", ["-al", path.resolve("node_modules"), path.join(app, "node_modules")]);
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: "39123" };
    delete env.DATABASE_URL;
    delete env.MEMCON_DEBUG;
    const result = spawnSync(process.execPath, ["scripts/start.mjs"], {
      cwd: app,
      env,
      encoding: "utf8",
      timeout: 60_000,
    });
    const lines = result.stderr.trim().split("\n").filter(Boolean);
    expect(result.status, result.stderr).toBe(1);
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toContain(`cannot enter ${base}`);
    expect(lines[0]).toContain(`chmod o+x ${base}`);
    expect(result.stderr).not.toMatch(/\n\s+at |EACCES/);
  }, 120_000);
});

describe.skipIf(!asRoot)("npm start as root, a second time", () => {
  it("starts again on the data folder the first start made (owned by postgres, mode 700)", async () => {
    // @ts-expect-error -- plain ESM helper shared with the Node scripts
    const { startEmbeddedPostgres } = await import("../../scripts/lib/embedded-pg.mjs");
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "memcon-again-"));
    fs.chmodSync(dataDir, 0o755);
    const folder = path.join(dataDir, "postgres");
    try {
      const first = await startEmbeddedPostgres({ dataDir: folder });
      await first.stop();
      expect((fs.statSync(folder).mode & 0o777).toString(8)).toBe("700");
      const second = await startEmbeddedPostgres({ dataDir: folder });
      expect(second.freshlyInitialised).toBe(false);
      await second.stop();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
