import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { getPrisma } from "@/lib/db";

describe("/api/health", () => {
  it("answers 200 with the version and an up database", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      status: "ok",
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      database: { status: "up" },
    });
  });

  it("runs against a fresh, migrated database of its own", async () => {
    const prisma = getPrisma();
    const rows = await prisma.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
    expect(rows[0]!.name).toMatch(/^memcon_test_/);
    expect(await prisma.document.count()).toBe(0);
  });
});
