import { describe, expect, it } from "vitest";

// The JSON API when the database cannot be reached: a clear 503 the client may retry, never a
// 500 or connection details. (scripts/test-faults.mjs checks the same under a real restart.)
describe("the JSON API when the database is unreachable", () => {
  it("answers 503 with Retry-After and a sentence, for reads and writes", async () => {
    // Nothing listens on port 1: the connection is refused at once.
    process.env.DATABASE_URL = "postgresql://memcon:secret@127.0.0.1:1/memcon";
    const { GET, POST } = await import("@/app/api/annotations/route");
    const headers = { Authorization: "Bearer mcn_not-checked-while-the-database-is-down" };
    for (const response of [
      await GET(new Request("http://memcon.test/api/annotations", { headers })),
      await POST(
        new Request("http://memcon.test/api/annotations", {
          method: "POST",
          headers,
          body: JSON.stringify({ documentSlug: "x" }),
        }),
      ),
    ]) {
      expect(response.status).toBe(503);
      expect(response.headers.get("Retry-After")).toBe("5");
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({
        error: { status: 503, message: "The database is unavailable, try again in a moment." },
      });
      expect(text).not.toMatch(/secret|127\.0\.0\.1|prisma|ECONNREFUSED/i);
    }
  });
});
