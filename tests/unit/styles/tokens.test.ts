import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The design tokens (app/styles/tokens.css) name every shared colour once. A stylesheet that
// writes one of those colours as a value instead of its name would drift from the rest the day
// the token changes; a var() naming no defined property silently falls back to nothing.

const root = path.resolve(__dirname, "../../..");
const stylesDir = path.join(root, "app/styles");
const sheets = readdirSync(stylesDir)
  .filter((name) => name.endsWith(".css"))
  .map((name) => ({ name, text: readFileSync(path.join(stylesDir, name), "utf8") }));
const tokens = sheets.find((sheet) => sheet.name === "tokens.css")!.text;

/** #fff and #ffffff are one colour. */
function normalHex(hex: string): string {
  const digits = hex.slice(1).toLowerCase();
  return digits.length === 3 ? [...digits].map((d) => d + d).join("") : digits;
}

const tokenColours = new Map(
  [...tokens.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{3,8})\b/gi)].map((m) => [normalHex(m[2]!), m[1]!]),
);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("design tokens", () => {
  it("defines the colours, the type scale and the spacing steps", () => {
    expect(tokenColours.size).toBeGreaterThan(10);
    expect(tokens).toMatch(/--text-sm:/);
    expect(tokens).toMatch(/--space-4:/);
  });

  it.each(sheets.filter((sheet) => sheet.name !== "tokens.css"))(
    "$name writes no token's colour as a value",
    ({ text }) => {
      const literal = [...text.matchAll(/#[0-9a-f]{3,8}\b/gi)]
        .map((m) => m[0])
        .filter((hex) => tokenColours.has(normalHex(hex)))
        .map((hex) => `${hex} is var(${tokenColours.get(normalHex(hex))})`);
      expect(literal).toEqual([]);
    },
  );

  it("every var() names a custom property defined in a stylesheet or set by a component", () => {
    const defined = new Set<string>();
    for (const { text } of sheets)
      for (const m of text.matchAll(/(--[\w-]+)\s*:/g)) defined.add(m[1]!);
    for (const file of [
      ...sourceFiles(path.join(root, "components")),
      ...sourceFiles(path.join(root, "app")),
    ])
      for (const m of readFileSync(file, "utf8").matchAll(/["'`](--[\w-]+)["'`]/g))
        defined.add(m[1]!);
    const used = sheets.flatMap(({ name, text }) =>
      [...text.matchAll(/var\((--[\w-]+)/g)].map((m) => ({ name, property: m[1]! })),
    );
    expect(used.filter(({ property }) => !defined.has(property))).toEqual([]);
  });
});
