#!/usr/bin/env node
// `npm run restore -- <file> [--force]`: replace the app's database with a backup, then apply any
// migrations newer than the backup. Refuses a database that holds data unless --force.
import { openAppDatabase } from "./lib/database.mjs";
import { BackupError, formatCounts, restoreDatabase } from "./lib/backup.mjs";
import { runCommand } from "./lib/backup-cli.mjs";

await runCommand(async (args) => {
  const files = args.filter((arg) => !arg.startsWith("--"));
  if (files.length !== 1)
    throw new BackupError("Usage: npm run restore -- <backup file> [--force]");
  const database = await openAppDatabase();
  try {
    const result = await restoreDatabase({
      url: database.url,
      file: files[0],
      force: args.includes("--force"),
    });
    const migrated = result.migrated.length
      ? ` Applied ${result.migrated.length} newer migration(s): ${result.migrated.join(", ")}.`
      : "";
    console.log(`Restored ${files[0]}: ${formatCounts(result.counts)}.${migrated}`);
  } finally {
    await database.stop();
  }
});
