import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain ESM helper shared with the Node scripts
import { migrate } from "../../scripts/lib/migrate.mjs";

// `npm start` must stop with one readable line on bad configuration, never a stack trace.
function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, AUTH_SECRET: "test-secret-0123456789abcdef", ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
  const lines = result.stderr.trim().split("\n").filter(Boolean);
  return { status: result.status, lines, stderr: result.stderr };
}

describe("npm start with bad configuration", () => {
  it("names a port already in use and how to pick another", async () => {
    const blocker = net.createServer().listen(0);
    await new Promise((resolve) => blocker.once("listening", resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const { status, lines, stderr } = start({
        PORT: String(port),
        DATABASE_URL: process.env.DATABASE_URL!,
      });
      expect(status).toBe(1);
      expect(lines).toEqual([
        `[memcon] Port ${port} is already in use. Stop the program using it, or start on another port: PORT=${port + 1} npm start`,
      ]);
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      blocker.close();
    }
  });

  it("says an unreachable DATABASE_URL cannot be reached, without its password", () => {
    const { status, lines, stderr } = start({
      PORT: "39999",
      DATABASE_URL: "postgresql://memcon:hunter2@127.0.0.1:1/memcon",
    });
    expect(status).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^\[memcon\] Cannot reach the database at 127\.0\.0\.1:1\/memcon \(ECONNREFUSED\)\. Check DATABASE_URL, or unset it/,
    );
    expect(stderr).not.toContain("hunter2");
  });

  it("requires AUTH_SECRET with a real database", () => {
    const { status, lines } = start({
      PORT: "39998",
      DATABASE_URL: process.env.DATABASE_URL!,
      AUTH_SECRET: "",
    });
    expect(status).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[memcon\] AUTH_SECRET is required with DATABASE_URL/);
  });

  it("rejects a PORT that is not a port number", () => {
    const { status, lines } = start({ PORT: "http", DATABASE_URL: process.env.DATABASE_URL! });
    expect(status).toBe(1);
    expect(lines).toEqual(['[memcon] PORT must be a number between 1 and 65535 (got "http").']);
  });
});

describe("a failed migration", () => {
  it("stops with one line naming the database error and leaves earlier migrations applied", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "memcon-bad-migration-"));
    fs.mkdirSync(path.join(dir, "migrations/20000101000000_good"), { recursive: true });
    fs.mkdirSync(path.join(dir, "migrations/20000102000000_bad"), { recursive: true });
    fs.copyFileSync("prisma/schema.prisma", path.join(dir, "schema.prisma"));
    fs.writeFileSync(path.join(dir, "migrations/migration_lock.toml"), 'provider = "postgresql"\n');
    fs.writeFileSync(
      path.join(dir, "migrations/20000101000000_good/migration.sql"),
      'CREATE TABLE "Probe" (id int);\n',
    );
    fs.writeFileSync(
      path.join(dir, "migrations/20000102000000_bad/migration.sql"),
      'ALTER TABLE "Missing" ADD COLUMN x int;\n',
    );
    // A database of its own: this test's database already carries the real migrations.
    const url = new URL(process.env.DATABASE_URL!);
    const { default: pg } = await import("pg");
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    const name = `${url.pathname.slice(1)}_bad`;
    await admin.query(`CREATE DATABASE "${name}"`);
    url.pathname = `/${name}`;
    try {
      const error = await migrate(url.toString(), {
        schema: path.join(dir, "schema.prisma"),
      }).catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      expect(error.message).not.toContain("\n");
      expect(error.message).toMatch(
        /^A database migration failed \(.*20000102000000_bad: .*Missing.*\)/,
      );
      const probe = new pg.Client({ connectionString: url.toString() });
      await probe.connect();
      const { rows } = await probe.query(
        `SELECT to_regclass('public."Probe"') IS NOT NULL AS present`,
      );
      await probe.end();
      expect(rows[0].present).toBe(true);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
