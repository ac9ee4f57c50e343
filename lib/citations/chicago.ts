import { readFileSync } from "node:fs";
import path from "node:path";
import CSL from "citeproc";
import type { CslItem, Locator } from "./item";

/**
 * Chicago (18th edition, notes and bibliography) through citeproc-js and the CSL project's own
 * style file, `styles/chicago-notes-bibliography.csl`, with `styles/locales-en-US.xml` (both
 * CC BY-SA 3.0, Citation Style Language project; see styles/README.md).
 *
 * Building an engine parses a 240 kB style and takes seconds on a busy machine, so one engine is
 * built on first use and kept; rendering an item with it takes milliseconds. Rendering is
 * synchronous, so requests cannot interleave inside it.
 */
const STYLES = path.join(process.cwd(), "lib", "citations", "styles");

type Engine = {
  setOutputFormat(format: "text" | "html"): void;
  updateItems(ids: string[]): void;
  makeCitationCluster(cites: { id: string; locator?: string; label?: string }[]): string;
  makeBibliography(): [unknown, string[]] | false;
};

const items = new Map<string, CslItem>();
let engine: Engine | null = null;

function chicagoEngine(): Engine {
  if (engine) return engine;
  const style = readFileSync(path.join(STYLES, "chicago-notes-bibliography.csl"), "utf8");
  const locale = readFileSync(path.join(STYLES, "locales-en-US.xml"), "utf8");
  const sys = {
    retrieveLocale: () => locale,
    retrieveItem: (id: string) => items.get(id),
  };
  engine = new CSL.Engine(sys, style, "en-US") as Engine;
  engine.setOutputFormat("text");
  return engine;
}

/** Build the engine now (instrumentation.ts, at server start); a failure waits for first use. */
export function warmChicago() {
  try {
    chicagoEngine();
  } catch (error) {
    console.error("[memcon] the Chicago citation style could not be loaded", error);
  }
}

export type Chicago = { note: string; bibliography: string };

/** The full note (with the turn's pages as locator) and the bibliography entry, as plain text. */
export function chicago(item: CslItem, locator: Locator = null): Chicago {
  const processor = chicagoEngine();
  items.clear();
  items.set(item.id, item);
  processor.updateItems([item.id]);
  const note = processor.makeCitationCluster([{ id: item.id, ...(locator ?? {}) }]);
  const bibliography = processor.makeBibliography();
  return {
    note: note.trim(),
    bibliography: bibliography ? bibliography[1].join("").trim() : "",
  };
}
