// `npm run import -- <files...>`   convert archive sources (raw text, FRUS TEI, or content files)
//                                  into content/<slug>.md and load them into the database.
// `npm run import -- --json <file>` print what the importer understood, touching nothing.
// `--out <dir>` writes the content files somewhere other than content/.
import fs from "node:fs";
import path from "node:path";
import { parseSource } from "@/lib/importer";
import { serializeContent } from "@/lib/importer/content-format";
import { missingMetadata } from "@/lib/importer/metadata";
import { readSourceFile } from "@/lib/importer/source-file";
import type { ParsedSource } from "@/lib/importer/types";

const args = process.argv.slice(2);
const outIndex = args.indexOf("--out");
const contentDir = path.resolve(
  outIndex >= 0 ? (args.splice(outIndex, 2)[1] ?? "content") : "content",
);
const json = args.includes("--json");
const files = args.filter((arg) => !arg.startsWith("--"));

if (files.length === 0) {
  console.error("Usage: npm run import -- [--json] [--out <dir>] <file> [<file> ...]");
  process.exit(2);
}

function readSource(file: string): ParsedSource {
  return parseSource(readSourceFile(file), file);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

if (json) {
  // One file: its parse as JSON on stdout. Several: an array. Errors go to stderr.
  const parsed: ParsedSource[] = [];
  let failed = false;
  for (const file of files) {
    try {
      parsed.push(readSource(file));
    } catch (error) {
      console.error(message(error));
      failed = true;
    }
  }
  if (parsed.length) {
    // Wait for stdout to drain: process.exit() would cut a large document short on a pipe.
    const text = `${JSON.stringify(parsed.length === 1 ? parsed[0] : parsed, null, 2)}\n`;
    await new Promise<void>((resolve) => process.stdout.write(text, () => resolve()));
  }
  process.exit(failed ? 1 : 0);
}

// Convert every file first; a bad file is reported and skipped, the others go on.
const written: string[] = [];
let failures = 0;
for (const file of files) {
  try {
    const parsed = readSource(file);
    const target = path.join(contentDir, `${parsed.slug}.md`);
    if (path.resolve(file) !== target) {
      fs.mkdirSync(contentDir, { recursive: true });
      fs.writeFileSync(target, serializeContent(parsed));
    }
    written.push(target);
    const kind =
      parsed.type === "document"
        ? `${parsed.turns.length} turns`
        : `${parsed.entries.length} entries`;
    console.log(`${file} -> ${path.relative(process.cwd(), target)} (${kind})`);
    const missing = parsed.type === "document" ? missingMetadata(parsed) : [];
    if (missing.length > 0) console.log(`  not found in the source: ${missing.join(", ")}`);
    for (const line of parsed.dropped) {
      console.log(`  dropped ${file}:${line.line}: ${JSON.stringify(line.text)} (${line.reason})`);
    }
  } catch (error) {
    failures++;
    console.error(message(error));
  }
}

if (written.length) {
  const { loadIntoDatabase } = await import("./lib/import-db");
  // An unreachable database or a failed migration: its one-line reason, not a stack trace.
  const report = await loadIntoDatabase(written).catch((error: unknown) => {
    console.error(message(error));
    process.exit(1);
  });
  for (const item of report.loaded) {
    const orphans = item.orphanedAnnotations
      ? `; ${item.orphanedAnnotations} annotation(s) could not be placed and are shown as orphans`
      : "";
    console.log(`${item.status}: ${item.kind} ${item.slug} (${item.count})${orphans}`);
    for (const orphan of item.orphans ?? [])
      console.log(`  orphan ${orphan.id}: ${JSON.stringify(orphan.quote)}`);
  }
  for (const failure of report.failed) console.error(failure.message);
  failures += report.failed.length;
}
process.exit(failures ? 1 : 0);
