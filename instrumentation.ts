/**
 * Next.js calls register() once when a server starts. Building the Chicago citation engine
 * (citeproc parsing the CSL style) takes seconds of CPU, so it is done here, just after start,
 * rather than by the first reader who presses "Cite".
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { warmChicago } = await import("@/lib/citations/chicago");
  setTimeout(warmChicago, 1_000).unref();
  // With a read replica: listen from the start, so reads know which changes the replica must
  // have replayed before it may answer them (lib/db/read.ts).
  if (process.env.DATABASE_REPLICA_URL) {
    const { watchChanges } = await import("@/lib/live/listener");
    watchChanges();
  }
}
