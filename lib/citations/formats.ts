import { bibtex } from "./bibtex";
import { chicago } from "./chicago";
import { cslItem, turnLocator, type CitationDocument, type CitedTurn } from "./item";
import { ris } from "./ris";

export type CitationFormat = {
  id: "chicago-note" | "chicago-bibliography" | "bibtex" | "ris" | "csl-json";
  label: string;
  text: string;
};

/** Every format Memcon offers for citing a document or one of its turns, in menu order. */
export function citationFormats(
  document: CitationDocument,
  site: string,
  turn?: CitedTurn,
): CitationFormat[] {
  const item = cslItem(document, site, turn);
  const locator = turnLocator(turn);
  const { note, bibliography } = chicago(item, locator);
  // CSL-JSON carries the turn's pages as the item's page, as a reference manager would store it.
  const cslJson = locator ? { ...item, page: locator.locator } : item;
  return [
    { id: "chicago-note", label: "Chicago note", text: note },
    { id: "chicago-bibliography", label: "Chicago bibliography", text: bibliography },
    { id: "bibtex", label: "BibTeX", text: bibtex(item, locator) },
    { id: "ris", label: "RIS", text: ris(item, locator) },
    { id: "csl-json", label: "CSL-JSON", text: JSON.stringify([cslJson], null, 2) },
  ];
}
