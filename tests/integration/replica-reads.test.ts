import { afterAll, afterEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { getReadPrisma, replicaHealth } from "@/lib/db/read";
import { getReplica } from "@/lib/db/replica";
import { rawRows } from "@/lib/db/raw";
import { Prisma } from "@/lib/generated/prisma/client";
import { lastHeardLsn, watchChanges } from "@/lib/live/listener";

// The read replica (DATABASE_REPLICA_URL) as the app sees it, without a second server: a replica
// nobody answers at must cost reads nothing but a trip to the primary, and a "replica" that is
// itself a primary (a promoted one) answers. The real primary + streaming replica are tested by
// `npm run test:cluster`.
const holder = globalThis as unknown as { memconReplica?: unknown };

function useReplica(url: string) {
  delete holder.memconReplica;
  process.env.DATABASE_REPLICA_URL = url;
  return getReplica()!;
}

afterEach(() => {
  delete holder.memconReplica;
  delete process.env.DATABASE_REPLICA_URL;
});
afterAll(() => {
  delete holder.memconReplica;
});

const count = (prisma: Parameters<typeof rawRows>[0]) =>
  rawRows<{ n: number }>(prisma, Prisma.sql`SELECT count(*)::int AS n FROM "User"`);

describe("reads with a read replica configured", () => {
  it("uses the primary while the replica does not answer, and says so in health", async () => {
    const replica = useReplica("postgresql://memcon@127.0.0.1:1/memcon");
    await replica.probe();
    expect(replica.state).toMatchObject({ status: "down", usable: false });
    expect(await getReadPrisma()).toBe(getPrisma());
    expect(replicaHealth()).toMatchObject({ configured: true, inUse: false, status: "down" });
  });

  it("answers a read from the primary when the replica fails in the middle of it", async () => {
    const replica = useReplica("postgresql://memcon@127.0.0.1:1/memcon");
    await replica.probe();
    // As if the probe had just seen it streaming, and it went away since.
    replica.state = { ...replica.state, status: "streaming", usable: true };
    const n = (await count(replica.client))[0]!.n;
    expect(n).toBeGreaterThanOrEqual(0);
    expect(replica.state.usable).toBe(false);
    replica.state = { ...replica.state, status: "streaming", usable: true };
    expect(await replica.client.user.count()).toBe(n);
    expect(replica.state.status).toBe("down");
  });

  it("reads from a node that is not a standby (a promoted replica), once it has heard the primary", async () => {
    const replica = useReplica(process.env.DATABASE_URL!);
    await replica.probe();
    expect(replica.state).toMatchObject({ status: "primary", usable: true, lagMs: 0 });
    // Until the process listens (instrumentation.ts starts it) it cannot tell what the replica
    // must have replayed: the primary answers.
    expect(await getReadPrisma()).toBe(getPrisma());
    watchChanges();
    await expect.poll(() => lastHeardLsn() !== undefined, { timeout: 5000 }).toBe(true);
    expect(await getReadPrisma()).toBe(replica.client);
    expect((await count(replica.client))[0]!.n).toBe((await count(getPrisma()))[0]!.n);
  });

  it("without DATABASE_REPLICA_URL every read is the primary's", async () => {
    expect(getReplica()).toBeNull();
    expect(await getReadPrisma()).toBe(getPrisma());
    expect(replicaHealth()).toEqual({ configured: false });
  });
});
