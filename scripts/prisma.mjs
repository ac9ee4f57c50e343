#!/usr/bin/env node
// Runs the Prisma CLI so that it never tries to download a native engine (this project uses
// Prisma's WebAssembly schema engine and a driver adapter: see README "Database migrations").
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { prismaEnv } from "./lib/prisma-env.mjs";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], {
  stdio: "inherit",
  env: prismaEnv(process.env),
});
process.exit(result.status ?? 1);
