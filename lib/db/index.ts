import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// Shared by the app and the Node scripts (seed, import), so no "server-only" marker here.
// One client per process, created on first use: `next build` loads route modules without a
// database, and hot reload in development must not open a new pool each time.
const globalForPrisma = globalThis as unknown as { memconPrisma?: PrismaClient };

export function getPrisma(): PrismaClient {
  if (!globalForPrisma.memconPrisma) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) {
      throw new Error("DATABASE_URL is not set: start Memcon with `npm start`.");
    }
    globalForPrisma.memconPrisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString }),
    });
  }
  return globalForPrisma.memconPrisma;
}

export type { PrismaClient };
