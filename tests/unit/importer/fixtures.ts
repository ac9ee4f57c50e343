import fs from "node:fs";
import path from "node:path";

// The real archive texts live in the `shared` folder beside the repository (never copied into
// it). Tests that need them are skipped, with a message saying why, when the folder is missing.

export const SEEDS_DIR = path.resolve(import.meta.dirname, "../../../../shared/seeds");
export const TEI_DIR = path.resolve(import.meta.dirname, "../../../../shared/samples/frus-tei");

export const haveSeeds = fs.existsSync(SEEDS_DIR);
export const haveTei = fs.existsSync(TEI_DIR);
export const SKIP_NOTE =
  haveSeeds && haveTei ? "" : ` (skipped: ${SEEDS_DIR} or ${TEI_DIR} not found)`;

/** A seed by its number: "000" finds 000_9ab23679f081ca9d.txt. */
export function seed(number: string): { text: string; file: string } {
  const name = fs.readdirSync(SEEDS_DIR).find((entry) => entry.startsWith(`${number}_`));
  if (!name) throw new Error(`seed ${number} not found in ${SEEDS_DIR}`);
  return { text: fs.readFileSync(path.join(SEEDS_DIR, name), "utf8"), file: `seeds/${name}` };
}

export function teiSample(name: string): { text: string; file: string } {
  return { text: fs.readFileSync(path.join(TEI_DIR, name), "utf8"), file: name };
}

export const TEI_SAMPLES = ["frus1958-60v18_d139.xml", "frus1955-57v23p1_d96.xml"];
export const SEED_NUMBERS = ["000", "001", "002", "003", "004"];

/** Whitespace-insensitive form, for checking that a turn's words are verbatim in the source. */
export const squash = (text: string) => text.replace(/\s+/g, " ").trim();
