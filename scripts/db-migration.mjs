#!/usr/bin/env node
// `npm run db:migration -- <name> [--from <old-schema.prisma>]`
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that turns the last
// committed schema (git HEAD, or --from) into the current prisma/schema.prisma. Prisma's usual
// `migrate dev` needs a native engine or database introspection, neither of which works here.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { startEmbeddedPostgres } from "./lib/embedded-pg.mjs";
import { prismaEnv } from "./lib/prisma-env.mjs";

const args = process.argv.slice(2);
const fromIndex = args.indexOf("--from");
const fromFile = fromIndex >= 0 ? args.splice(fromIndex, 2)[1] : undefined;
const name = args[0];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name>   (name: lowercase letters, digits, _)");
  process.exit(2);
}

const schemaPath = "prisma/schema.prisma";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "memcon-migration-"));
const oldSchema = path.join(tmp, "old.prisma");
fs.writeFileSync(oldSchema, fromFile ? fs.readFileSync(fromFile, "utf8") : committedSchema());

// Prisma's config connects through the driver adapter even for a schema-to-schema diff.
const db = process.env.DATABASE_URL
  ? undefined
  : await startEmbeddedPostgres({ dataDir: ".data/migration-postgres" });
try {
  const require = createRequire(import.meta.url);
  const cli = require.resolve("prisma/build/index.js");
  const hasOld = fs.readFileSync(oldSchema, "utf8").trim().length > 0;
  const from = hasOld ? ["--from-schema-datamodel", oldSchema] : ["--from-empty"];
  const result = spawnSync(
    process.execPath,
    [cli, "migrate", "diff", ...from, "--to-schema-datamodel", schemaPath, "--script"],
    {
      encoding: "utf8",
      env: prismaEnv({ ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? db.url() }),
    },
  );
  if (result.status !== 0) {
    console.error(`prisma migrate diff failed:\n${result.stderr}`);
    process.exitCode = 1;
  } else if (
    /^-- This is an empty migration\.?\s*$/m.test(result.stdout) ||
    !result.stdout.trim()
  ) {
    console.log("The schema has not changed since the last commit: no migration written.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), result.stdout);
    console.log(`Wrote ${dir}/migration.sql — read it, add any SQL Prisma cannot express, commit.`);
  }
} finally {
  await db?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}

function committedSchema() {
  try {
    return execFileSync("git", ["show", `HEAD:${schemaPath}`], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch {
    return ""; // no committed schema yet: the first migration starts from an empty database
  }
}
