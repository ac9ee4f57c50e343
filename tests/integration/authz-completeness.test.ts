import { describe, expect, it } from "vitest";
import { discoverSurfaces } from "./authz/discover";
import { key } from "./authz/run";
import { TABLE } from "./authz/table";

// A route handler, server action or page added under app/ without a row in the authorization
// matrix (authz/table.ts) fails here by name; so does a row whose target is gone.

describe("authorization matrix completeness", () => {
  it("every route handler, server action and page under app/ has a row, and every row a target", async () => {
    const found = (await discoverSurfaces(process.cwd())).map(key);
    const listed = [...new Set(TABLE.map(key))];
    expect(
      found.filter((item) => !listed.includes(item)),
      "missing from authz/table.ts",
    ).toEqual([]);
    expect(
      listed.filter((item) => !found.includes(item)),
      "rows naming nothing under app/",
    ).toEqual([]);
  });
});
