import pg from "pg";
import { parseLsn } from "@/lib/db/lsn";
import { setChangeWatch } from "@/lib/db/change-watch";
import { LIVE_CHANNEL, parseLiveEvent, type LiveEvent } from "./channel";

// One LISTEN connection per server process, shared by every open event stream. It reconnects by
// itself after the database restarts (with backoff) and tells subscribers, who then catch up.

type Listener = (event: LiveEvent | { reconnected: true }) => void;

interface Hub {
  subscribers: Map<string, Set<Listener>>;
  client?: pg.Client;
  /** The primary's WAL position at the newest change heard (lib/db/read.ts, replica reads). */
  lastLsn?: bigint;
  connecting?: Promise<void>;
  retryMs: number;
}

const globalForLive = globalThis as unknown as { memconLive?: Hub };
const hub: Hub = (globalForLive.memconLive ??= { subscribers: new Map(), retryMs: 500 });

function broadcast(event: LiveEvent | { reconnected: true }, documentId?: string) {
  const targets = documentId
    ? [hub.subscribers.get(documentId) ?? new Set<Listener>()]
    : [...hub.subscribers.values()];
  for (const set of targets) for (const listener of set) listener(event);
}

async function connect(): Promise<void> {
  // LISTEN needs a session of its own on the primary: not PgBouncer's transaction pooling (which
  // cannot keep one) and not a replica (which is not told). DIRECT_DATABASE_URL names it when
  // DATABASE_URL goes through a pooler.
  const connectionString = process.env.DIRECT_DATABASE_URL || process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set.");
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000 });
  const reconnect = () => {
    if (hub.client !== client) return;
    hub.client = undefined;
    client.end().catch(() => {});
    retryLater();
  };
  client.on("error", reconnect);
  client.on("end", reconnect);
  client.on("notification", (message) => {
    const lsn = lsnOf(message.payload);
    if (lsn !== null && hub.client === client && (hub.lastLsn ?? -1n) < lsn) hub.lastLsn = lsn;
    const event = parseLiveEvent(message.payload);
    if (event) broadcast(event, event.documentId);
  });
  await client.connect();
  // Changes before this moment were not heard: count them all as the newest one. One statement
  // string, LISTEN first, so no change falls between the two.
  const results = (await client.query(
    `LISTEN ${LIVE_CHANNEL}; SELECT pg_current_wal_lsn()::text AS lsn`,
  )) as unknown as pg.QueryResult<{ lsn: string }>[];
  hub.lastLsn = parseLsn(results[1]?.rows[0]?.lsn) ?? undefined;
  hub.client = client;
  hub.retryMs = 500;
}

/** Try again after a growing delay, for as long as anyone is listening and the database is away. */
function retryLater() {
  const delay = hub.retryMs;
  hub.retryMs = Math.min(hub.retryMs * 2, 5_000);
  setTimeout(() => {
    if (hub.subscribers.size === 0) return; // the next subscriber connects afresh
    ensureListening()
      .then(() => broadcast({ reconnected: true }))
      .catch(retryLater);
  }, delay);
}

export function ensureListening(): Promise<void> {
  if (hub.client) return Promise.resolve();
  hub.connecting ??= connect().finally(() => {
    hub.connecting = undefined;
  });
  return hub.connecting;
}

/** Hear changes to one document's discussion; returns the function that stops listening. */
export async function subscribe(documentId: string, listener: Listener): Promise<() => void> {
  const set = hub.subscribers.get(documentId) ?? new Set<Listener>();
  set.add(listener);
  hub.subscribers.set(documentId, set);
  await ensureListening();
  return () => {
    set.delete(listener);
    if (set.size === 0) hub.subscribers.delete(documentId);
  };
}

const WATCH = "\0replica-reads";

/**
 * Keep listening for good and tell lib/db/read.ts what was heard: with a read replica, each
 * process must know the newest change to tell whether the replica has it (instrumentation.ts).
 */
export function watchChanges(): void {
  setChangeWatch(lastHeardLsn);
  if (hub.subscribers.has(WATCH)) return;
  void subscribe(WATCH, () => {}).catch(() => {}); // retried by the hub while subscribed
}

/**
 * The primary's WAL position at the newest change this process heard of: undefined while not
 * listening (then nobody can tell what the replica lacks).
 */
export function lastHeardLsn(): bigint | undefined {
  return hub.client ? hub.lastLsn : undefined;
}

function lsnOf(payload: string | undefined): bigint | null {
  try {
    return parseLsn((JSON.parse(payload ?? "") as { lsn?: string }).lsn);
  } catch {
    return null;
  }
}

/** Close the LISTEN connection (tests, shutdown); the next subscriber opens a new one. */
export async function stopListening(): Promise<void> {
  const client = hub.client;
  hub.client = undefined;
  hub.subscribers.clear();
  await client?.end().catch(() => {});
}
