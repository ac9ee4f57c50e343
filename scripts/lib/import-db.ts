// The database an import loads into: DATABASE_URL, else the one a running `npm start` uses, else
// the embedded PostgreSQL in .data/postgres (started for the import and stopped after it).
import fs from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { loadContentFiles, type LoadReport } from "@/lib/library/load-content";
// @ts-expect-error -- plain ESM helpers shared with the Node scripts
import { assertReachable, openDatabase, RUNNING_DATABASE_FILE } from "./database.mjs";
// @ts-expect-error -- plain ESM helpers shared with the Node scripts
import { migrate } from "./migrate.mjs";

export async function loadIntoDatabase(files: string[]): Promise<LoadReport> {
  const database = (await runningDatabase()) ?? (await openDatabase());
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  try {
    await migrate(database.url);
    return await loadContentFiles(prisma, files);
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
}

async function runningDatabase() {
  if (process.env.DATABASE_URL || !fs.existsSync(RUNNING_DATABASE_FILE)) return undefined;
  const url = fs.readFileSync(RUNNING_DATABASE_FILE, "utf8").trim();
  try {
    await assertReachable(url, { timeoutMs: 2000 });
    return { url, stop: async () => {} };
  } catch {
    return undefined; // left behind by a start that did not stop cleanly
  }
}
