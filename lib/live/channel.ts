import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { rawRows } from "@/lib/db/raw";
import { outageSummary } from "@/lib/db/unavailable";

// Live updates fan out through PostgreSQL LISTEN/NOTIFY, so every app server behind a load
// balancer hears every change. A notification says only *that* a document's discussion changed
// (never its content): each browser then reloads what it may see through the normal, checked path.

export const LIVE_CHANNEL = "memcon_live";

export interface LiveEvent {
  documentId: string;
  kind: "annotation" | "reply";
  id: string;
}

/**
 * Announce a committed change. Best effort: a lost announcement costs a classmate a reload, so a
 * failure here never fails the write that was already saved. (Database triggers would be the
 * natural home, but Prisma's migration runner cannot apply PL/pgSQL function bodies.)
 */
export async function publishChange(prisma: PrismaClient, event: LiveEvent): Promise<void> {
  try {
    // With the primary's WAL position after the commit, so that a server reading from a replica
    // knows when the replica has the change (lib/db/read.ts). Browsers never see it.
    // On the pool (lib/db/raw.ts), not through Prisma's query compiler: every write announces
    // itself (bench/README.md, round 5).
    // pg_notify returns void, a column Prisma cannot read (a transaction's client goes through
    // Prisma): the statement answers `true` instead.
    await rawRows(
      prisma,
      Prisma.sql`SELECT true AS announced FROM pg_notify(${LIVE_CHANNEL},
        (${JSON.stringify(event)}::jsonb || jsonb_build_object('lsn', pg_current_wal_lsn()::text))::text)`,
    );
  } catch (error) {
    console.error(`[memcon] live update not sent: ${outageSummary(error)}`);
  }
}

export function parseLiveEvent(payload: string | undefined): LiveEvent | null {
  try {
    const value = JSON.parse(payload ?? "") as Partial<LiveEvent>;
    if (typeof value.documentId !== "string" || typeof value.id !== "string") return null;
    if (value.kind !== "annotation" && value.kind !== "reply") return null;
    return { documentId: value.documentId, kind: value.kind, id: value.id };
  } catch {
    return null;
  }
}

/**
 * What a browser is told: only that a kind of thing changed. Every subscriber of a document hears
 * every change, including a private note's; its id would tell others that it exists (and when it
 * was written), and the page reloads through the permission checks anyway.
 */
export function forBrowsers(event: LiveEvent): { kind: LiveEvent["kind"] } {
  return { kind: event.kind };
}
