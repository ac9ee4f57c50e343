import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The layers of ARCHITECTURE.md are enforced by `npm run lint` (eslint.config.js). These tests
// lint small files placed where a wrong arrow would be, with the project's own configuration,
// and check that the linter refuses them: a rule that stopped matching would pass silently.

const root = path.resolve(__dirname, "../../..");
const eslint = new ESLint({ cwd: root, cache: false });

/**
 * Lint `code` as the file `filePath` would be. The file is really written (the cycle rule reads
 * the files an import names, so a file that is not on disk cannot be linted) and removed again.
 */
async function problems(filePath: string, code: string): Promise<string[]> {
  const file = path.join(root, filePath.replace(/(\.tsx?)$/, `-lint-${process.pid}$1`));
  writeFileSync(file, code);
  try {
    const [result] = await eslint.lintFiles([file]);
    return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
  } finally {
    rmSync(file, { force: true });
  }
}

// Generous: the cycle rule walks the whole import graph the first time (seconds to a minute).
describe("the linter keeps the layers", { timeout: 180_000 }, () => {
  it("refuses lib/ importing a component", async () => {
    const found = await problems(
      "lib/annotations/example.ts",
      'import { SiteHeader } from "@/components/SiteHeader";\nexport const x = SiteHeader;\n',
    );
    expect(found.join("\n")).toMatch(
      /no-restricted-imports: .*lib\/ never imports app\/ or components\//,
    );
  });

  it("refuses a lib folder importing a later tier (anchoring -> annotations)", async () => {
    const found = await problems(
      "lib/anchoring/example.ts",
      'import type { AnnotationRecord } from "@/lib/annotations/types";\nexport type X = AnnotationRecord;\n',
    );
    expect(found.join("\n")).toMatch(/lib\/anchoring is in tier 1 of LIB_TIERS/);
  });

  it("refuses a lib folder importing one of its own tier (annotations -> lti)", async () => {
    const found = await problems(
      "lib/annotations/example.ts",
      'import { linkedPlatformName } from "@/lib/lti/linked-platform";\nexport const x = linkedPlatformName;\n',
    );
    expect(found.join("\n")).toMatch(/lib\/annotations is in tier \d+ of LIB_TIERS/);
  });

  it("refuses a pure core touching the database", async () => {
    const found = await problems(
      "lib/richtext/example.ts",
      'import pg from "pg";\nexport const x = pg;\n',
    );
    expect(found.join("\n")).toMatch(/A pure core stays framework-free/);
  });

  it("refuses a component touching the database, but lets it call a server action", async () => {
    const db = await problems(
      "components/example.tsx",
      'import { getPrisma } from "@/lib/db";\nexport const x = getPrisma;\n',
    );
    expect(db.join("\n")).toMatch(/Components do not touch the database/);
    const action = await problems(
      "components/example.tsx",
      'import { signOutAction } from "@/app/actions/auth";\nexport const x = signOutAction;\n',
    );
    expect(action.filter((p) => p.startsWith("no-restricted-imports"))).toEqual([]);
  });

  it("accepts the arrows that run the right way", async () => {
    const found = await problems(
      "lib/annotations/example.ts",
      'import { describeSelection } from "@/lib/anchoring";\nimport { parseBody } from "@/lib/richtext/body";\nexport const x = [describeSelection, parseBody];\n',
    );
    expect(found.filter((p) => p.startsWith("no-restricted-imports"))).toEqual([]);
  });
});

describe("the linter refuses an import cycle", { timeout: 180_000 }, () => {
  // Real files: the cycle rule follows imports on disk. A folder of its own, removed afterwards.
  const folder = path.join(root, "components", `lint-cycle-${process.pid}`);
  beforeAll(() => {
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      path.join(folder, "a.ts"),
      'import { b } from "./b";\nexport const a = () => b;\n',
    );
    writeFileSync(
      path.join(folder, "b.ts"),
      'import { a } from "./a";\nexport const b = () => a;\n',
    );
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("reports both files of a two-file cycle", async () => {
    const results = await eslint.lintFiles([path.join(folder, "a.ts"), path.join(folder, "b.ts")]);
    for (const result of results)
      expect(result.messages.map((m) => m.ruleId)).toContain("import/no-cycle");
  });
});
