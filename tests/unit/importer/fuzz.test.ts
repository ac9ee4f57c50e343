import fs from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { ImportError, parseSource } from "@/lib/importer";
import { parseContent, serializeContent } from "@/lib/importer/content-format";
import { haveSeeds, haveTei, SEEDS_DIR, SKIP_NOTE, TEI_DIR } from "./fixtures";
import { damaged, hugeLine, unstructured } from "./fuzz-inputs";

// Property-based fuzzing of the importer: every real source (seeds, FRUS TEI samples, the
// library's own content files) damaged at random, and inputs with no structure at all. Whatever
// comes in, the importer either returns a document that survives the content-file round trip
// (which validates it against the content schema) or throws its own ImportError saying
// `file:line: reason`. Anything else (a TypeError, a stack overflow, minutes of regex
// backtracking) fails. The seed is fixed so that a failure in CI reproduces locally.

const SEED = 20261124;
const FILE = "fuzz/source.txt";
/** Generous limits (CI machines are shared): the bugs they catch took 30 s to many minutes. */
const MS_PER_SOURCE = 5000;
/** A 1 MB line takes about a second to get through every parser on an idle machine. */
const MS_PER_HUGE_SOURCE = 20_000;

const CONTENT_DIR = path.resolve(import.meta.dirname, "../../../content");
const read = (dir: string, extension: string) =>
  fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(extension) && name !== "README.md")
    .map((name) => fs.readFileSync(path.join(dir, name), "utf8"));
const corpus = [
  ...(haveSeeds ? read(SEEDS_DIR, ".txt") : []),
  ...(haveTei ? read(TEI_DIR, ".xml") : []),
  ...read(CONTENT_DIR, ".md"),
];

const tally = { cases: 0, parsed: 0, rejected: 0 };
afterAll(() => {
  console.log(
    `importer fuzz: ${tally.cases} inputs, ${tally.parsed} imported, ${tally.rejected} rejected with file:line`,
  );
});

const lineCount = (text: string) => text.split(/\r\n|\r|\n|\u2028|\u2029|\u0085/).length;

/** Import `text`; fail unless it imports cleanly or is refused with a located ImportError. */
function importOrExplain(text: string, limitMs = MS_PER_SOURCE): void {
  tally.cases += 1;
  const started = performance.now();
  let parsed;
  try {
    parsed = parseSource(text, FILE);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error; // the crash itself is the counterexample
    tally.rejected += 1;
    expect(error.message).toMatch(/^fuzz\/source\.txt:\d+: \S/);
    expect(error.message).not.toMatch(/\n\s+at /);
    expect(error.line).toBeGreaterThanOrEqual(1);
    expect(error.line).toBeLessThanOrEqual(lineCount(text) + 1);
    return;
  } finally {
    expect(performance.now() - started).toBeLessThan(limitMs);
  }
  tally.parsed += 1;
  expect(parsed.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  // What `npm run import` writes must read back as the same document.
  const reread = parseContent(serializeContent(parsed), "fuzz/written.md");
  expect(isDeepStrictEqual(reread, parsed)).toBe(true);
}

describe(`importer fuzzing (fast-check seed ${SEED})${SKIP_NOTE}`, () => {
  it("real sources, cut short, reordered, re-encoded or broken, import or fail with file:line", () => {
    fc.assert(
      fc.property(damaged(corpus), (text) => importOrExplain(text)),
      { seed: SEED, numRuns: 600 },
    );
  }, 30_000);

  it("inputs with no structure (binary, random unicode, markup soup) fail with file:line", () => {
    fc.assert(
      fc.property(unstructured, (text) => importOrExplain(text)),
      { seed: SEED, numRuns: 400 },
    );
  }, 30_000);

  it("a source with a line of a megabyte or more gets through in seconds", () => {
    fc.assert(
      fc.property(fc.constantFrom(...corpus), hugeLine, (text, insertLine) =>
        importOrExplain(insertLine(text), MS_PER_HUGE_SOURCE),
      ),
      { seed: SEED, numRuns: 10 },
    );
  }, 60_000);

  // Inputs the random search found to crash or hang before they were fixed, kept as regressions.
  it.each([
    {
      name: "a megabyte of 'Vice ' in a memorandum (quadratic title regex: minutes)",
      text: `143. Memorandum of Conversation\n\nWashington, May 1, 1958.\n\n${"Vice ".repeat(220_000)}\n\nThe Secretary said so.\n`,
    },
    {
      name: "a run of '<' without '>' (quadratic namespace scan: 30 s at 240 KB)",
      text: `<a${" <b".repeat(80_000)}`,
    },
    {
      name: "TEI nested 20,000 elements deep (stack overflow)",
      text: `<div type="document"><head>1. Memo</head><p>${"<hi>".repeat(20_000)}x${"</hi>".repeat(20_000)}</p></div>`,
    },
    {
      name: "YAML front matter nested 15,000 deep (the YAML parser's stack overflow)",
      text: `---\ntype: document\n${"? ".repeat(15_000)}\n---\n\nText.\n`,
    },
    {
      name: "a megabyte of '[Page 1] ' in front matter (45 s in the YAML parser)",
      text: `---\ntype: document\ntitle: x\n${"[Page 1] ".repeat(120_000)}\n---\n\nText.\n`,
    },
  ])("$name", ({ text }) => importOrExplain(text, MS_PER_HUGE_SOURCE), 30_000);

  it("a title without Latin letters still gets a usable slug (was an empty slug, '.md')", () => {
    const listing =
      "中日关系\n\n• May 06, 1946\n\n会谈记录\n\n• May 07, 1946\n\n电报\n\n• May 08, 1946\n\n备忘录\n";
    const parsed = parseSource(listing, "listing.txt");
    expect(parsed.slug).toMatch(/^collection-[0-9a-f]{8}$/);
    expect(parseSource(listing, "again.txt").slug).toBe(parsed.slug);
    importOrExplain(listing);
  });
});
