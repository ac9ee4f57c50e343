// Recognise "the database is not there right now" (restarting, unreachable, out of connections,
// a connection cut mid-query) among the errors that pg, the Prisma driver adapter and Prisma
// Client throw, so that callers answer 503 "try again" instead of a generic failure.

export const DATABASE_UNAVAILABLE_MESSAGE = "The database is unavailable, try again in a moment.";

// Socket errors, PostgreSQL's connection-exception class (08xxx), shutdown/startup (57P0x),
// too many connections (53300), and Prisma's own connection codes.
const CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
  // A transaction cut short (its connection died, or it ran out of time): it was rolled back.
  "P2028",
]);
// What the driver adapter calls these (DriverAdapterError's cause.kind).
const KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
// pg's own errors without a code.
const MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Can't reach database|Server has closed the connection|the database system is (starting up|shutting down|in recovery)|terminating connection due to administrator command|ECONNREFUSED|ECONNRESET|canceling statement due to statement timeout|Query read timeout/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const value = error as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown };
  if (typeof value.code === "string" && CODES.has(value.code)) return true;
  if (typeof value.kind === "string" && KINDS.has(value.kind)) return true;
  if (value.kind === "postgres" && typeof value.code === "string" && /^(08|57P0)/.test(value.code))
    return true;
  if (typeof value.message === "string" && MESSAGES.test(value.message)) return true;
  if (
    error instanceof AggregateError &&
    error.errors.some((e) => isDatabaseUnavailable(e, depth + 1))
  )
    return true;
  return isDatabaseUnavailable(value.cause, depth + 1);
}

/** One line for the server log: Prisma's messages start with several lines of call site. */
export function outageSummary(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split("\n").filter((line) => line.trim());
  return lines[lines.length - 1]?.trim() ?? "unknown error";
}
