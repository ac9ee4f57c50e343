import type { CslItem, Locator } from "./item";

/**
 * BibTeX (biblatex fields, readable by BibTeX too) serialised by hand from the CSL-JSON item: a
 * dozen fields with fixed rules, where a conversion library (citation-js) would bring a plugin
 * system and its own idea of the mapping.
 */

const SPECIAL = /[\\{}&%$#_~^]/g;
const ESCAPES: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
};

/** A value in braces with TeX's special characters escaped. */
const tex = (value: string) =>
  value.replace(SPECIAL, (character) => ESCAPES[character] ?? `\\${character}`);

/** A citation key from the item's id: letters, digits and hyphens, e.g. "liao-ishibashi-t12". */
export function bibtexKey(item: CslItem): string {
  return item.id
    .replace("#t-", "-t")
    .replace(/[^A-Za-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

const pad = (n: number) => String(n).padStart(2, "0");

export function bibtex(item: CslItem, locator: Locator = null): string {
  const fields: [string, string][] = [["title", `{${tex(item.title)}}`]];
  const parts = item.issued?.["date-parts"][0];
  if (parts?.length) {
    fields.push(["date", parts.map((part, i) => (i === 0 ? String(part) : pad(part))).join("-")]);
    fields.push(["year", String(parts[0])]);
  }
  if (item.genre) fields.push(["type", tex(item.genre)]);
  if (item.translator?.length)
    // Literal names in an extra pair of braces, so BibTeX does not split them into given/family.
    fields.push([
      "translator",
      item.translator
        .map((name) => ("literal" in name ? `{${tex(name.literal)}}` : tex(name.family)))
        .join(" and "),
    ]);
  if (item.archive) fields.push(["howpublished", tex(item.archive)]);
  if (item.archive_location) fields.push(["number", tex(item.archive_location)]);
  const pages = locator?.locator ?? item.page;
  if (pages) fields.push(["pages", tex(pages.replace(/-/g, "--"))]);
  if (item.note) fields.push(["note", tex(item.note)]);
  fields.push(["url", item.URL]);
  if (item.language) fields.push(["langid", item.language === "en" ? "english" : item.language]);
  const body = fields.map(([name, value]) => `  ${name} = {${value}},`).join("\n");
  return `@misc{${bibtexKey(item)},\n${body}\n}`;
}
