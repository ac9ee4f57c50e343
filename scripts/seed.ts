// Loads content/ and, with --demo, the demo accounts into DATABASE_URL; with --demo-seminar also
// the demo seminar's notes and discussions (lib/demo/seminar.ts). Run by `npm start` and the test
// harness through tsx. Human-readable lines go to stderr; with --report-json the last stdout line
// is a JSON summary for the caller.
import { getPrisma } from "@/lib/db";
import { demoCredentialLines, ensureDemoData } from "@/lib/demo/accounts";
import { ensureDemoSeminar } from "@/lib/demo/seminar";
import { listContentFiles, loadContentFiles } from "@/lib/library/load-content";

const prisma = getPrisma();
try {
  const report = await loadContentFiles(prisma, listContentFiles("content"));
  for (const failure of report.failed)
    console.error(`[memcon] content not loaded: ${failure.message}`);
  const changed = report.loaded.filter((item) => item.status !== "unchanged");
  for (const item of changed) {
    const orphans = item.orphanedAnnotations
      ? `, ${item.orphanedAnnotations} annotation(s) now orphaned`
      : "";
    console.error(`[memcon] ${item.status} ${item.kind} ${item.slug} (${item.count}${orphans})`);
  }
  const documents = report.loaded.filter((item) => item.kind === "document").length;
  const collections = report.loaded.length - documents;
  const summary =
    `Library: ${documents} document(s), ${collections} collection(s)` +
    (changed.length ? `, ${changed.length} loaded or updated` : ", all up to date") +
    (report.failed.length ? `, ${report.failed.length} file(s) with errors` : "") +
    ".";

  const demo = process.argv.includes("--demo");
  if (demo) await ensureDemoData(prisma);
  if (demo && process.argv.includes("--demo-seminar")) {
    const seminar = await ensureDemoSeminar(prisma);
    const { notes, replies } = seminar.created;
    if (notes || replies)
      console.error(`[memcon] demo seminar: ${notes} note(s) and ${replies} reply(ies) added`);
    for (const skipped of seminar.skipped) console.error(`[memcon] demo note skipped: ${skipped}`);
  }
  const credentials = demo ? demoCredentialLines() : [];

  if (process.argv.includes("--report-json")) console.log(JSON.stringify({ summary, credentials }));
  else console.log([summary, ...credentials].join("\n"));
} finally {
  await prisma.$disconnect();
}
