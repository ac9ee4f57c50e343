import { afterAll, inject } from "vitest";
// @ts-expect-error -- plain ESM helper shared with the Node scripts
import { createTestDatabase } from "../../scripts/lib/test-cluster.mjs";

// Each integration test file runs against its own fresh database, cloned from the template:
// files run in parallel and can never see each other's rows.
const database = await createTestDatabase(inject("testAdminUrl"), inject("testTemplate"));
process.env.DATABASE_URL = database.url;

afterAll(async () => {
  const { stopListening } = await import("@/lib/live/listener");
  await stopListening();
  const holder = globalThis as unknown as { memconPrisma?: { $disconnect(): Promise<void> } };
  await holder.memconPrisma?.$disconnect();
  delete holder.memconPrisma;
  await database.drop();
});
