import "server-only";
import { cookies, headers } from "next/headers";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { heardLsn } from "./change-watch";
import { getPrisma } from "./index";
import { FRESH_WRITE_COOKIE, FRESH_WRITE_HEADER, verifyFreshWrite } from "./fresh-write";
import { getReplica, type Replica } from "./replica";

/**
 * The client for a read that may be answered by the read replica (DATABASE_REPLICA_URL): the
 * reader's index and cards, the API's lists, exports, search. The primary answers instead when
 * no replica is configured; when it is down, not streaming or lagging; when this request wrote
 * or its browser wrote in the last few seconds (lib/db/fresh-write.ts: read your own writes);
 * and when the replica has not yet replayed the last change this process heard announced
 * (LISTEN, lib/live), so a classmate's note that a browser was just told about is never missing
 * from the index it then fetches. Everything that decides a write stays on getPrisma().
 */
export async function getReadPrisma(): Promise<PrismaClient> {
  const replica = getReplica();
  if (!replica || !replica.state.usable) return getPrisma();
  if (await wroteRecently()) return getPrisma();
  return (await caughtUp(replica)) ? replica.client : getPrisma();
}

async function wroteRecently(): Promise<boolean> {
  try {
    if ((await headers()).get(FRESH_WRITE_HEADER) === "1") return true;
    const cookie = (await cookies()).get(FRESH_WRITE_COOKIE)?.value;
    return cookie ? await verifyFreshWrite(cookie, process.env.AUTH_SECRET ?? "") : false;
  } catch {
    return false; // outside a request (scripts): nothing to read back
  }
}

/** Has the replica replayed the newest change announced to this process? */
async function caughtUp(replica: Replica): Promise<boolean> {
  const needed = heardLsn();
  if (needed === undefined) return false; // not listening (yet): cannot tell, ask the primary
  if (needed === null || replica.state.status === "primary") return true;
  if ((replica.state.replayLsn ?? -1n) >= needed) return true;
  await replica.probe();
  return (replica.state.replayLsn ?? -1n) >= needed && replica.state.usable;
}

/** For /api/health: whether reads use the replica, and how far behind it is. */
export function replicaHealth() {
  const replica = getReplica();
  if (!replica) return { configured: false as const };
  const { status, usable, lagMs } = replica.state;
  return { configured: true as const, status, inUse: usable, lagMs };
}
