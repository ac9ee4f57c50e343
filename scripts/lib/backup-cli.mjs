// The shell of `npm run backup` and `npm run restore`: a failure prints one line (MEMCON_DEBUG=1
// adds the stack) and exits 1.
export async function runCommand(work) {
  try {
    await work(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    if (process.env.MEMCON_DEBUG) console.error(error?.stack ?? "");
    process.exitCode = 1;
  }
}
