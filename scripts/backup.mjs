#!/usr/bin/env node
// `npm run backup [-- --out <file>]`: dump the app's database (DATABASE_URL, else the embedded
// one, started for the dump if `npm start` is not running) to backups/memcon-<UTC time>.dump.
import { openAppDatabase } from "./lib/database.mjs";
import { BackupError, backupDatabase, defaultBackupFile, formatCounts } from "./lib/backup.mjs";
import { runCommand } from "./lib/backup-cli.mjs";

await runCommand(async (args) => {
  const out = args.indexOf("--out");
  if (out >= 0 && !args[out + 1]) throw new BackupError("Usage: npm run backup [-- --out <file>]");
  const file = out >= 0 ? args[out + 1] : defaultBackupFile();
  const database = await openAppDatabase();
  try {
    const result = await backupDatabase({ url: database.url, file });
    console.log(
      `Backed up to ${result.file} (${(result.bytes / 1024).toFixed(1)} KB): ${formatCounts(result.counts)}.`,
    );
  } finally {
    await database.stop();
  }
});
