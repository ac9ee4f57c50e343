import "server-only";
import { getPrisma } from "./index";

export type DatabaseStatus =
  { status: "up"; latencyMs: number } | { status: "down"; error: string };

/** Ask the database a trivial question, with a deadline so a hung server cannot hang the caller. */
export async function checkDatabase(timeoutMs = 2000): Promise<DatabaseStatus> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([getPrisma().$queryRaw`SELECT 1`, deadline]);
    return { status: "up", latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    // Report the kind of failure, never connection strings or stack traces.
    const message = error instanceof Error ? error.message : String(error);
    return { status: "down", error: summarise(message) };
  } finally {
    clearTimeout(timer);
  }
}

function summarise(message: string): string {
  if (/ECONNREFUSED|reach database|connect|terminat/i.test(message)) return "database unreachable";
  if (/no answer within/.test(message)) return message;
  if (/DATABASE_URL/.test(message)) return "database not configured";
  return "database error";
}
