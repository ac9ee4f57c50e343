import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getPrisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

// Next's server build gives each chunk its own copy of a module it bundles: the server actions'
// chunk and the pages' chunk each evaluate lib/db/raw.ts. The app's one PrismaClient lives on
// globalThis (lib/db/index.ts), so the pool it was made on must be found from every copy, or the
// hot reads of that chunk quietly fall back to Prisma's engine. A fresh module registry
// (vi.resetModules) is such a second copy.

afterEach(() => {
  vi.restoreAllMocks();
});

async function secondCopyOf<T>(load: () => Promise<T>): Promise<T> {
  vi.resetModules();
  return load();
}

describe("the pool behind the app's client", () => {
  it("is found by every copy of lib/db/raw.ts, not only by the one that registered it", async () => {
    const prisma = getPrisma();
    const first = await import("@/lib/db/raw");
    const second = await secondCopyOf(() => import("@/lib/db/raw"));
    expect(second).not.toBe(first);
    expect(first.poolOf(prisma)).toBeInstanceOf(pg.Pool);
    expect(second.poolOf(prisma)).toBe(first.poolOf(prisma));
    // On the pool, a column Prisma cannot read (void) is no error.
    const [row] = await second.rawRows<{ notified: string }>(
      prisma,
      Prisma.sql`SELECT pg_notify('memcon_test', 'x') AS notified`,
    );
    expect(row).toEqual({ notified: "" });
  });

  it("announces a change from another copy of the live channel, without an error in the log", async () => {
    const prisma = getPrisma();
    const channel = await secondCopyOf(() => import("@/lib/live/channel"));
    const logged = vi.spyOn(console, "error");
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    try {
      await listener.query(`LISTEN ${channel.LIVE_CHANNEL}`);
      const heard = new Promise<string>((resolve) =>
        listener.on("notification", (message) => resolve(message.payload ?? "")),
      );
      const event = { documentId: "d1", kind: "annotation" as const, id: "a1" };
      await channel.publishChange(prisma, event);
      expect(channel.parseLiveEvent(await heard)).toEqual(event);
      expect(logged).not.toHaveBeenCalled();
    } finally {
      await listener.end();
    }
  });

  it("announces a change through a client without a known pool (a transaction's, a script's)", async () => {
    const { publishChange } = await import("@/lib/live/channel");
    const logged = vi.spyOn(console, "error");
    await getPrisma().$transaction(async (transaction) => {
      await publishChange(transaction as never, { documentId: "d1", kind: "reply", id: "r1" });
    });
    expect(logged).not.toHaveBeenCalled();
  });
});
