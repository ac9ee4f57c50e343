import type { CslItem, Locator } from "./item";

/**
 * RIS serialised by hand from the CSL-JSON item (a tagged line format: "TY  - MANSCPT" ...
 * "ER  - "). Tags as Zotero's RIS translator reads them for a manuscript: DB the archive, AN the
 * archive's identifier, A4 the translator, M3 the kind of record.
 */

const pad = (n: number) => String(n).padStart(2, "0");
/** One line of RIS: a value never spans lines. */
const line = (tag: string, value: string) => `${tag}  - ${value.replace(/\s*\n\s*/g, " ")}`;

export function ris(item: CslItem, locator: Locator = null): string {
  const lines = [line("TY", "MANSCPT"), line("TI", item.title)];
  for (const name of item.translator ?? [])
    lines.push(line("A4", "literal" in name ? name.literal : name.family));
  const parts = item.issued?.["date-parts"][0];
  if (parts?.length) {
    lines.push(line("PY", String(parts[0])));
    // RIS dates are YYYY/MM/DD/ with empty parts left empty.
    lines.push(
      line("DA", `${parts[0]}/${parts[1] ? pad(parts[1]) : ""}/${parts[2] ? pad(parts[2]) : ""}/`),
    );
  }
  if (item.genre) lines.push(line("M3", item.genre));
  if (item.archive) lines.push(line("DB", item.archive));
  if (item.archive_location) lines.push(line("AN", item.archive_location));
  const pages = locator?.locator ?? item.page;
  if (pages) {
    const [start, end] = pages.split("-");
    lines.push(line("SP", start!));
    if (end) lines.push(line("EP", end));
  }
  if (item.language) lines.push(line("LA", item.language));
  lines.push(line("UR", item.URL));
  if (item.note) lines.push(line("N1", item.note));
  lines.push("ER  - ");
  return lines.join("\n");
}
