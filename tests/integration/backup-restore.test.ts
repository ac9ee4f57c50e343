import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/service";
import { loadViewer } from "@/lib/auth/load-viewer";
import type { Viewer } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db";
import { ensureDemoData } from "@/lib/demo/accounts";
import { listContentFiles, loadContentFiles } from "@/lib/library/load-content";
import { setEndorsed, toggleVote } from "@/lib/threads/moderation";
import { createReply } from "@/lib/threads/service";
// @ts-expect-error -- plain ESM helpers shared with the Node scripts
import { backupDatabase, restoreDatabase } from "../../scripts/lib/backup.mjs";
// @ts-expect-error -- plain ESM helpers shared with the Node scripts
import { migrate } from "../../scripts/lib/migrate.mjs";

// npm run backup / npm run restore against this file's own PostgreSQL database: a seminar's data
// made through the services goes out and comes back row for row; damaged files and a database
// holding data are refused without touching anything; an older backup comes up to date.
const prisma = getPrisma();
const url = process.env.DATABASE_URL!;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "memcon-backup-"));
const SLUG = "1959-09-14-liao-ishibashi-third-conversation";

const note = (text: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});

async function withClient<T>(connection: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: connection });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Row count and an order-independent checksum of every table: equal means the same rows. */
function fingerprint(connection = url): Promise<Record<string, string>> {
  return withClient(connection, async (client) => {
    const { rows: tables } = await client.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const result: Record<string, string> = {};
    for (const { tablename } of tables) {
      const { rows } = await client.query(
        `SELECT count(*) AS n, md5(coalesce(string_agg(h, '' ORDER BY h), '')) AS sum
           FROM (SELECT md5(row_to_json(t)::text) AS h FROM "${tablename}" t) rows`,
      );
      result[tablename] = `${rows[0].n}:${rows[0].sum}`;
    }
    return result;
  });
}

function cli(script: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [script, ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: url },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let original: Record<string, string> = {};
const backupFile = path.join(dir, "seminar.dump");

beforeAll(async () => {
  await loadContentFiles(prisma, listContentFiles("content"));
  await ensureDemoData(prisma);
  const viewer = async (who: string): Promise<Viewer> => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: `${who}@memcon.test` } });
    return (await loadViewer(prisma, user.id))!;
  };
  const [ada, ben, instructor] = [
    await viewer("ada"),
    await viewer("ben"),
    await viewer("instructor"),
  ];
  const course = await prisma.course.findUniqueOrThrow({ where: { joinCode: "READ1959" } });
  const document = await prisma.document.findUniqueOrThrow({
    where: { slug: SLUG },
    include: { turns: { orderBy: { position: "asc" } } },
  });
  const turn = document.turns.find((row) => row.text.includes("military bases"))!;
  const at = turn.text.indexOf("military bases");
  const annotation = await createAnnotation(prisma, ada, {
    documentSlug: SLUG,
    selection: {
      start: { turnAnchor: turn.anchor, offset: at },
      end: { turnAnchor: turn.anchor, offset: at + 14 },
    },
    body: note("Is Liao bluffing about the bases? Compare the 1960 treaty debate."),
    visibility: "course",
    courseId: course.id,
    groupId: null,
  });
  if (!annotation.ok) throw new Error(annotation.error);
  const reply = await createReply(prisma, ben, {
    annotationId: annotation.value.id,
    body: note("He repeats it in the fourth conversation, so probably not — @Ada"),
  });
  if (!reply.ok) throw new Error(reply.error);
  await createReply(prisma, instructor, {
    annotationId: annotation.value.id,
    parentId: reply.value.id,
    body: note("Good instinct: look at who the audience is in Beijing."),
  });
  await toggleVote(prisma, instructor, { annotationId: annotation.value.id });
  await setEndorsed(prisma, instructor, { replyId: reply.value.id }, true);
  original = await fingerprint();
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("backup and restore", () => {
  it("backs up a seminar's data and restores every row after it was changed", async () => {
    const result = await backupDatabase({ url, file: backupFile });
    expect(result.file).toBe(backupFile);
    expect(result.bytes).toBeGreaterThan(1000);
    expect(result.counts).toEqual({
      documents: await prisma.document.count(),
      annotations: 1,
      users: 6,
    });
    expect(result.counts.documents).toBeGreaterThanOrEqual(5);
    expect(Number(original["Reply"]!.split(":")[0])).toBe(2);

    // Lose and change data the way an accident would.
    await prisma.reply.deleteMany({});
    await prisma.annotation.deleteMany({});
    await prisma.user.update({ where: { email: "ada@memcon.test" }, data: { name: "Mallory" } });
    expect(await fingerprint()).not.toEqual(original);

    const restored = await restoreDatabase({ url, file: backupFile, force: true });
    expect(restored.migrated).toEqual([]);
    expect(restored.counts).toEqual(result.counts);
    expect(await fingerprint()).toEqual(original);
  });

  it("refuses to overwrite a database holding data without --force, and changes nothing", async () => {
    await prisma.user.update({ where: { email: "ben@memcon.test" }, data: { name: "Changed" } });
    const changed = await fingerprint();
    const error = await restoreDatabase({ url, file: backupFile }).catch((e: Error) => e);
    expect(error.message).toMatch(/already holds data \(\d+ documents, 1 annotation, 6 users\)/);
    expect(error.message).toMatch(/run again with --force/);
    expect(await fingerprint()).toEqual(changed);
  });

  it("refuses a missing, corrupt or cut-short file with one line, leaving the database alone", async () => {
    const before = await fingerprint();
    const garbage = path.join(dir, "garbage.dump");
    fs.writeFileSync(garbage, "this is not a backup\n");
    const truncated = path.join(dir, "truncated.dump");
    const whole = fs.readFileSync(backupFile);
    fs.writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length / 2)));
    const notGzipJson = path.join(dir, "other.dump");
    const { gzipSync } = await import("node:zlib");
    fs.writeFileSync(notGzipJson, gzipSync('{"hello": "world"}\n'));

    const cases: [string, RegExp][] = [
      [path.join(dir, "missing.dump"), /missing\.dump: no such file\.$/],
      [garbage, /garbage\.dump is not a readable Memcon backup \(not gzip data\)/],
      [truncated, /truncated\.dump is not a readable Memcon backup \(.*(unexpected end|cut short)/],
      [notGzipJson, /other\.dump is not a readable Memcon backup \(no Memcon backup header\)/],
    ];
    for (const [file, message] of cases) {
      const error = await restoreDatabase({ url, file, force: true }).catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain("\n");
    }
    expect(await fingerprint()).toEqual(before);
  });

  it("says which database it cannot reach, without the password", async () => {
    const unreachable = "postgresql://memcon:s3cret-pass@127.0.0.1:1/memcon";
    for (const attempt of [
      backupDatabase({ url: unreachable, file: path.join(dir, "never.dump") }),
      restoreDatabase({ url: unreachable, file: backupFile, force: true }),
    ]) {
      const error = await attempt.catch((e: Error) => e);
      expect(error.message).toMatch(
        /^Cannot reach the database at 127\.0\.0\.1:1\/memcon \(ECONNREFUSED\)/,
      );
      expect(error.message).not.toContain("s3cret");
    }
    expect(fs.existsSync(path.join(dir, "never.dump"))).toBe(false);
  });

  it("runs as npm run backup / npm run restore: path, size and counts; usage and refusals", () => {
    const out = path.join(dir, "cli.dump");
    const backup = cli("scripts/backup.mjs", "--out", out);
    expect(backup.stderr).toBe("");
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(
      new RegExp(
        `^Backed up to ${out} \\(\\d+\\.\\d KB\\): \\d+ documents, 1 annotation, 6 users\\.\\n$`,
      ),
    );
    expect(cli("scripts/restore.mjs")).toMatchObject({
      status: 1,
      stderr: "Usage: npm run restore -- <backup file> [--force]\n",
    });
    const refused = cli("scripts/restore.mjs", out);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^The database at \S+ already holds data .*--force.*\n$/);
    const restored = cli("scripts/restore.mjs", out, "--force");
    expect(restored.stderr).toBe("");
    expect(restored.stdout).toMatch(
      /^Restored .*cli\.dump: \d+ documents, 1 annotation, 6 users\.\n$/,
    );
  });
});

describe("a backup made before the latest migrations", () => {
  it("restores into an empty database and is brought up to date", async () => {
    // A database whose schema stops one migration short, as an older Memcon left it.
    const migrations = fs
      .readdirSync("prisma/migrations")
      .filter((name) => /^\d/.test(name))
      .sort();
    const older = fs.mkdtempSync(path.join(dir, "older-"));
    fs.copyFileSync("prisma/schema.prisma", path.join(older, "schema.prisma"));
    fs.mkdirSync(path.join(older, "migrations"));
    fs.copyFileSync(
      "prisma/migrations/migration_lock.toml",
      path.join(older, "migrations/migration_lock.toml"),
    );
    for (const name of migrations.slice(0, -1))
      fs.cpSync(path.join("prisma/migrations", name), path.join(older, "migrations", name), {
        recursive: true,
      });
    const base = new URL(url);
    const names = [`${base.pathname.slice(1)}_old`, `${base.pathname.slice(1)}_new`];
    const at = (name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();
    await withClient(url, async (admin) => {
      for (const name of names) await admin.query(`CREATE DATABASE "${name}"`);
    });
    try {
      await migrate(at(names[0]!), { schema: path.join(older, "schema.prisma") });
      await withClient(at(names[0]!), (client) =>
        client.query(
          `INSERT INTO "User" (id, email, name, "updatedAt") VALUES ('u1', 'old@memcon.test', 'Old Timer', now())`,
        ),
      );
      const file = path.join(dir, "older.dump");
      await backupDatabase({ url: at(names[0]!), file });

      const restored = await restoreDatabase({ url: at(names[1]!), file });
      expect(restored.migrated).toEqual([migrations.at(-1)]);
      expect(restored.counts).toEqual({ documents: 0, annotations: 0, users: 1 });
      await withClient(at(names[1]!), async (client) => {
        const applied = await client.query(
          `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY 1`,
        );
        expect(applied.rows.map((row) => row.migration_name)).toEqual(migrations);
        const user = await client.query(`SELECT name FROM "User" WHERE email = 'old@memcon.test'`);
        expect(user.rows).toEqual([{ name: "Old Timer" }]);
      });
    } finally {
      await withClient(url, async (admin) => {
        for (const name of names)
          await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      });
    }
  }, 120_000);
});
