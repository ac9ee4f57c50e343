/**
 * Next.js calls register() once when a server starts. Building the Chicago citation engine
 * (citeproc parsing the CSL style) takes seconds of CPU, so it is done here, just after start,
 * rather than by the first reader who presses "Cite".
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { warmChicago } = await import("@/lib/citations/chicago");
  setTimeout(warmChicago, 1_000).unref();
}
