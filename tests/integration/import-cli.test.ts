import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";

// `npm run import` as a user runs it: a child process, real files, the test's own database.
const SHARED = path.resolve(import.meta.dirname, "../../../shared");
const seed = (prefix: string) => {
  const name = fs
    .readdirSync(path.join(SHARED, "seeds"))
    .find((entry) => entry.startsWith(prefix))!;
  return path.join(SHARED, "seeds", name);
};
const tei = path.join(SHARED, "samples/frus-tei/frus1958-60v18_d139.xml");

function importCli(...args: string[]) {
  return importCliWith({}, ...args);
}

function importCliWith(env: Record<string, string>, ...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "scripts/import.ts", ...args],
    {
      encoding: "utf8",
      env: { ...process.env, ...env },
      timeout: 60_000,
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(!fs.existsSync(SHARED))("npm run import", () => {
  it("--json prints what the importer understood and touches nothing", async () => {
    const { status, stdout } = importCli("--json", seed("000_"));
    expect(status).toBe(0);
    const parsed = JSON.parse(stdout);
    expect(parsed).toMatchObject({ type: "document", shape: "dialogue", date: "1959-09-14" });
    expect(
      parsed.turns[parsed.turns.findIndex((turn: { kind: string }) => turn.kind === "speech")],
    ).toMatchObject({
      kind: "speech",
      speaker: "liao",
    });
    expect(await getPrisma().document.count()).toBe(0);
  });

  it("--json prints a 2,000-turn transcript whole (stdout is drained before exit)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "memcon-long-"));
    const file = path.join(dir, "long.txt");
    const turns = Array.from(
      { length: 2000 },
      (_, i) =>
        `${i % 2 ? "Ishibashi" : "Liao"}: Turn ${i + 1} on the security treaty, the bases and the trade agreement.`,
    );
    fs.writeFileSync(
      file,
      `**September 15, 1959**\n\n**Record of a Long Conversation**\n\n${turns.join("\n\n")}\n`,
    );
    const { status, stdout } = importCli("--json", file);
    expect(status).toBe(0);
    expect(stdout.length).toBeGreaterThan(200_000);
    const parsed = JSON.parse(stdout);
    expect(parsed.turns.filter((turn: { kind: string }) => turn.kind === "speech")).toHaveLength(
      2000,
    );
  });

  it("converts a FRUS TEI file into a content file and loads it into the database", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "memcon-import-"));
    const { status, stdout, stderr } = importCli("--out", out, tei);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    const written = fs.readdirSync(out);
    expect(written).toHaveLength(1);
    expect(stdout).toContain(`-> `);
    expect(stdout).toMatch(/created: document \S+ \(\d+\)/);
    const slug = written[0]!.replace(/\.md$/, "");
    const document = await getPrisma().document.findUniqueOrThrow({
      where: { slug },
      include: { _count: { select: { turns: true } } },
    });
    expect(document.shape).toBe("tei");
    expect(document.date).toBe("1960-01-19");
    expect(document._count.turns).toBeGreaterThan(5);
  });

  it("refuses a binary file, a folder, a device and a missing file, one line each", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "memcon-bad-"));
    const png = path.join(dir, "scan.png");
    fs.writeFileSync(
      png,
      Buffer.concat([Buffer.from("\x89PNG\r\n\x1a\n", "latin1"), Buffer.alloc(64, 7)]),
    );
    const truncatedUtf8 = path.join(dir, "latin1.txt");
    fs.writeFileSync(truncatedUtf8, Buffer.from("Memorandum\nCaf\xe9 au lait\n", "latin1"));
    const missing = path.join(dir, "missing.txt");
    const { status, stdout, stderr } = importCli(
      "--json",
      png,
      truncatedUtf8,
      dir,
      "/dev/zero",
      missing,
    );
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toEqual([
      `${png}:2: binary data, not a text document (is this the right file?)`,
      `${truncatedUtf8}:2: not valid UTF-8 text (save the file as UTF-8)`,
      `${dir}: is a folder, not a file`,
      "/dev/zero: not a regular file (a device, pipe or socket)",
      `${missing}: no such file`,
    ]);
  });

  it("an unreachable database is one line without the password, not a stack trace", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "memcon-import-"));
    const { status, stderr } = importCliWith(
      { DATABASE_URL: "postgresql://memcon:s3cret-pass@127.0.0.1:1/memcon" },
      "--out",
      out,
      seed("003_"),
    );
    expect(status).toBe(1);
    expect(stderr).toBe(
      "Cannot reach the database at 127.0.0.1:1/memcon (ECONNREFUSED). Check DATABASE_URL, or " +
        "unset it to use the embedded PostgreSQL.\n",
    );
  });

  it("reports a bad file with its name and line, imports the good one, and exits 1", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "memcon-import-"));
    const broken = path.join(out, "broken.xml");
    fs.writeFileSync(broken, '<div type="document">\n<head>Broken</head>\n<p>unclosed\n</div>\n');
    const { status, stderr } = importCli("--out", out, broken, seed("003_"));
    expect(status).toBe(1);
    expect(stderr).toMatch(/broken\.xml:\d+: /);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(await getPrisma().document.count({ where: { date: "1956-09-07" } })).toBe(1);
  });
});
