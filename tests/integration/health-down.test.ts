import { describe, expect, it } from "vitest";

describe("/api/health when the database is unreachable", () => {
  it("answers 503 with a short reason and no connection details", async () => {
    // Nothing listens on port 1: the connection is refused at once.
    process.env.DATABASE_URL = "postgresql://memcon:secret@127.0.0.1:1/memcon";
    const { GET } = await import("@/app/api/health/route");
    const response = await GET();
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.status).toBe("unavailable");
    expect(body.database).toEqual({ status: "down", error: "database unreachable" });
    expect(JSON.stringify(body)).not.toContain("secret");
  });
});
