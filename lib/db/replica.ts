import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createPool, getPrisma } from "./index";
import { parseLsn } from "./lsn";
import { poolOf, registerPool } from "./raw";
import { isDatabaseUnavailable } from "./unavailable";

// The read replica (DATABASE_REPLICA_URL): a second PrismaClient whose pool answers the reads
// that may be a moment behind (lib/db/read.ts decides which). Its pool falls back to the
// primary's by itself: while the replica is down, not streaming or lagging, and for any one read
// that fails because the replica went away mid-query (a read is safe to run again), so losing
// the replica costs no request an error. A probe every second keeps the state for /api/health.

/** Lag past which reads go back to the primary (DATABASE_REPLICA_MAX_LAG_MS, default 5 s). */
const maxLagMs = () => Number(process.env.DATABASE_REPLICA_MAX_LAG_MS ?? 5_000) || 5_000;
const PROBE_EVERY_MS = 1_000;

export interface ReplicaState {
  status: "starting" | "streaming" | "lagging" | "not-streaming" | "down" | "primary";
  usable: boolean;
  lagMs: number | null;
  /** pg_last_wal_replay_lsn() as a number (null: not a standby, or not known yet). */
  replayLsn: bigint | null;
  checkedAt: number;
}

// A hot standby cancels a read that conflicts with replay (40001 "conflict with recovery").
const retryable = (error: unknown) =>
  isDatabaseUnavailable(error) || /conflict with recovery/i.test(String(error));

type Query = (...args: unknown[]) => Promise<unknown>;

/** A pg.Pool on the replica that hands a read to the primary when the replica cannot answer. */
class FailoverPool extends pg.Pool {
  declare replica: Replica;

  query(...args: unknown[]): never {
    const own = super.query as unknown as Query;
    // Callback style (pg-pool itself, never the app) and streaming queries: unchanged.
    const first = args[0] as { submit?: unknown } | undefined;
    if (typeof args[args.length - 1] === "function" || typeof first?.submit === "function")
      return own.apply(this, args) as never;
    const primary = () => (this.replica.primaryPool.query as unknown as Query)(...args);
    if (!this.replica.state.usable) return primary() as never;
    return own.apply(this, args).catch((error) => {
      if (!retryable(error)) throw error;
      this.replica.markDown();
      return primary();
    }) as never;
  }

  connect(...args: unknown[]): never {
    const own = super.connect as unknown as Query;
    if (typeof args[0] === "function") return own.apply(this, args) as never;
    const primary = () => this.replica.primaryPool.connect();
    if (!this.replica.state.usable) return primary() as never;
    return own.apply(this, []).catch((error) => {
      if (!retryable(error)) throw error;
      this.replica.markDown();
      return primary();
    }) as never;
  }

  /** The replica itself, for the probe. */
  direct(text: string) {
    return (super.query as unknown as (text: string) => Promise<pg.QueryResult>).call(this, text);
  }
}

const PROBE = `SELECT pg_is_in_recovery() AS standby,
  (SELECT status = 'streaming' FROM pg_stat_wal_receiver LIMIT 1) AS streaming,
  pg_last_wal_replay_lsn()::text AS replay_lsn,
  CASE WHEN NOT pg_is_in_recovery() OR pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
       ELSE (EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::int
  END AS lag_ms`;

class Replica {
  state: ReplicaState = {
    status: "starting",
    usable: false,
    lagMs: null,
    replayLsn: null,
    checkedAt: 0,
  };
  readonly client: PrismaClient;
  readonly pool: FailoverPool;
  private probing?: Promise<void>;

  constructor(
    url: string,
    readonly primaryPool: pg.Pool,
  ) {
    this.pool = createPool(url, { connectionTimeoutMillis: 2_000 }, FailoverPool) as FailoverPool;
    this.pool.replica = this;
    this.client = new PrismaClient({
      adapter: new PrismaPg(this.pool, { disposeExternalPool: true }),
    });
    registerPool(this.client, this.pool);
    void this.probe();
    setInterval(() => void this.probe(), PROBE_EVERY_MS).unref();
  }

  markDown() {
    this.state = { ...this.state, status: "down", usable: false, checkedAt: Date.now() };
  }

  /** Ask the replica how far it is; one probe at a time. */
  probe(): Promise<void> {
    this.probing ??= this.ask().finally(() => (this.probing = undefined));
    return this.probing;
  }

  private async ask() {
    try {
      const { rows } = await this.pool.direct(PROBE);
      const row = rows[0] as {
        standby: boolean;
        streaming: boolean | null;
        replay_lsn: string | null;
        lag_ms: number;
      };
      const lagMs = Number(row.lag_ms);
      // Not a standby: the URL names a primary (e.g. a promoted replica), current by definition.
      const status: ReplicaState["status"] = !row.standby
        ? "primary"
        : row.streaming === false
          ? "not-streaming"
          : lagMs > maxLagMs()
            ? "lagging"
            : "streaming";
      this.state = {
        status,
        usable: status === "streaming" || status === "primary",
        lagMs,
        replayLsn: row.standby ? parseLsn(row.replay_lsn) : null,
        checkedAt: Date.now(),
      };
    } catch {
      this.markDown();
    }
  }
}

const globalForReplica = globalThis as unknown as { memconReplica?: Replica | null };

/** The replica, or null when DATABASE_REPLICA_URL is not set. */
export function getReplica(): Replica | null {
  if (globalForReplica.memconReplica === undefined) {
    const url = process.env.DATABASE_REPLICA_URL?.trim();
    globalForReplica.memconReplica = url ? new Replica(url, primaryPool()) : null;
  }
  return globalForReplica.memconReplica;
}

export type { Replica };

// The primary's pool (lib/db/index.ts registers it for rawRows).
function primaryPool(): pg.Pool {
  const pool = poolOf(getPrisma());
  if (!pool) throw new Error("The primary's pool is not registered.");
  return pool;
}
