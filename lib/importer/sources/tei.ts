import { DOMParser, XMLSerializer, type Element } from "@xmldom/xmldom";
import { SourceError } from "./limits";
import { refuseEntityDeclarations } from "./text";

// FRUS TEI: one <div type="document"> goes to the importer as it is. A whole volume (or any file
// with several documents) is first listed, the instructor picks one, and that one <div> is cut
// out, serialised with its namespaces, and handed to the importer like a single document.

export interface TeiChoice {
  /** The div's xml:id ("d143"), which names it in a FRUS URL. */
  id: string;
  /** Its heading, e.g. "143. Memorandum of Conversation". */
  title: string;
}

const documentDivs = (root: Element) =>
  [root, ...Array.from(root.getElementsByTagName("div"))].filter(
    (div) => div.getAttribute("type") === "document",
  );

/** A <div> copied out of a volume declares no namespaces (its frus: attributes need one). */
function declared(xml: string): string {
  const body = xml.replace(/^\uFEFF?\s*<\?xml[^>]*\?>/, "");
  const start = body.search(/<[A-Za-z]/);
  const end = start < 0 ? -1 : body.indexOf(">", start);
  if (end >= 0 && /\sxmlns(:\w+)?=/.test(body.slice(start, end))) return xml;
  return `<root xmlns="${TEI_NS}" xmlns:frus="${FRUS_NS}">${body}</root>`;
}

const TEI_NS = "http://www.tei-c.org/ns/1.0";
const FRUS_NS = "http://history.state.gov/frus/ns/1.0";

function parseVolume(source: string): Element {
  refuseEntityDeclarations(source, "This XML file");
  const xml = declared(source);
  try {
    const document = new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") throw new Error(message);
      },
    }).parseFromString(xml, "text/xml");
    if (!document.documentElement) throw new Error("no root element");
    return document.documentElement;
  } catch (error) {
    throw new SourceError(
      `This XML file cannot be read (${error instanceof Error ? error.message.split("\n")[0] : String(error)}).`,
    );
  }
}

/** Does this XML hold more than one document (a volume), so the instructor must pick one? */
export function teiChoices(xml: string): TeiChoice[] {
  const divs = documentDivs(parseVolume(xml));
  if (divs.length < 2) return [];
  return divs.map((div, index) => {
    const head = div.getElementsByTagName("head")[0];
    // The head's own words, without its inline source note.
    const words = head
      ? Array.from(head.childNodes)
          .filter((node) => node.nodeName !== "note")
          .map((node) => node.textContent ?? "")
          .join("")
      : "";
    return {
      id: div.getAttribute("xml:id") ?? div.getAttribute("n") ?? String(index + 1),
      title: words.replace(/\s+/g, " ").trim() || `Document ${index + 1}`,
    };
  });
}

/** The chosen document of a volume as XML the importer reads on its own. */
export function teiDocument(xml: string, id: string): string {
  const divs = documentDivs(parseVolume(xml));
  const div = divs.find(
    (candidate, index) =>
      (candidate.getAttribute("xml:id") ?? candidate.getAttribute("n") ?? String(index + 1)) === id,
  );
  if (!div)
    throw new SourceError(`This XML file holds no document "${id}"; pick one from its list.`);
  return new XMLSerializer().serializeToString(div);
}
