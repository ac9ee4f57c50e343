import { DOMParser } from "@xmldom/xmldom";
import type { Element, Node } from "@xmldom/xmldom";
import { ImportError } from "./errors";
import { classificationInSourceNote } from "./notes";
import { assignIds, parseParticipantLine, participantsFromText } from "./participants";
import {
  extractApparatus,
  noteSentinel,
  pageSentinel,
  shareApparatus,
  withApparatus,
} from "./apparatus";
import { distinguishingTitle } from "./metadata";
import { withSlug } from "./slug";
import { createStatementReader, statementTurns } from "./statements";
import { compact, findTime, normaliseSpace } from "./text";
import type { ParsedDocument, ParsedTurn, Participant, TurnKind } from "./types";

// One FRUS document in TEI P5 (the Office of the Historian's edition): <head> with the inline
// source note, <opener><dateline>, subject and participants lists, then <p> paragraphs of reported
// speech with inline <note> footnotes and <pb/> page breaks. Unknown elements flatten to their text.
// Over 300 lines: one reader of one format, element by element.

const TEI_NS = "http://www.tei-c.org/ns/1.0";
const FRUS_NS = "http://history.state.gov/frus/ns/1.0";
const FRUS_ARCHIVE = "Foreign Relations of the United States";
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

const isElement = (node: Node): node is Element => node.nodeType === ELEMENT_NODE;
const childElements = (element: Element): Element[] =>
  Array.from(element.childNodes).filter(isElement);
const localName = (element: Element) => element.localName ?? element.nodeName;
/** xmldom counts lines from 1 in its locator. */
const lineOf = (node: Node | undefined) => node?.lineNumber ?? 1;

/** A bare <div> copied out of a volume declares no namespaces: wrap it, on the same line. */
function withNamespaces(text: string): string {
  const body = text.replace(/^\uFEFF?\s*<\?xml[^>]*\?>/, (declaration) =>
    " ".repeat(declaration.length),
  );
  // The first start tag, found with indexOf: a regex scanning for its ">" from every "<" took
  // quadratic time on a long run of "<" without one.
  const start = body.search(/<[A-Za-z]/);
  const end = start < 0 ? -1 : body.indexOf(">", start);
  if (end >= 0 && /\sxmlns(:\w+)?=/.test(body.slice(start, end))) return text;
  return `<root xmlns="${TEI_NS}" xmlns:frus="${FRUS_NS}">${body}</root>`;
}

/** Real FRUS documents nest a dozen levels; far deeper input would overflow the recursive walk. */
const MAX_DEPTH = 200;

/** The first element nested deeper than MAX_DEPTH, found without recursion. */
function tooDeep(root: Element): Element | undefined {
  const stack: { element: Element; depth: number }[] = [{ element: root, depth: 1 }];
  while (stack.length > 0) {
    const { element, depth } = stack.pop()!;
    if (depth > MAX_DEPTH) return element;
    for (const child of childElements(element)) stack.push({ element: child, depth: depth + 1 });
  }
  return undefined;
}

function parseXml(text: string, file: string): Element {
  let failure: { message: string; line?: number } | undefined;
  const parser = new DOMParser({
    onError: (level, message, context: { locator?: { lineNumber?: number } } | undefined) => {
      failure ??= {
        message,
        line: context?.locator?.lineNumber,
      };
      throw new Error(message);
    },
  });
  let root: Element;
  try {
    const document = parser.parseFromString(withNamespaces(text), "text/xml");
    if (!document.documentElement) throw new Error("no root element");
    root = document.documentElement;
  } catch (error) {
    const message = failure?.message ?? (error instanceof Error ? error.message : String(error));
    const located = (error as { locator?: { lineNumber?: number } }).locator?.lineNumber;
    throw new ImportError(
      file,
      failure?.line ?? located ?? 1,
      `invalid XML: ${normaliseSpace(message)}`,
    );
  }
  const deep = tooDeep(root);
  if (deep)
    throw new ImportError(
      file,
      lineOf(deep),
      `elements nested more than ${MAX_DEPTH} levels deep (not a FRUS document)`,
    );
  return root;
}

function findDocumentDiv(root: Element, file: string): Element {
  const divs = [root, ...Array.from(root.getElementsByTagName("div"))].filter(
    (div) => localName(div) === "div" && div.getAttribute("type") === "document",
  );
  if (divs.length === 1) return divs[0]!;
  if (divs.length === 0)
    throw new ImportError(
      file,
      lineOf(root),
      'no <div type="document"> found (expected one FRUS document)',
    );
  throw new ImportError(
    file,
    lineOf(divs[1]),
    `found ${divs.length} <div type="document"> elements; expected exactly one`,
  );
}

interface Footnote {
  label: string;
  text: string;
}

/**
 * Text of a node, its apparatus as sentinels (see apparatus.ts): <pb n="228"/> a page break,
 * a <note> the reference mark of a footnote collected into `notes`.
 */
function flatten(node: Node, notes?: Footnote[]): string {
  if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE)
    return node.nodeValue ?? "";
  if (!isElement(node)) return "";
  const name = localName(node);
  if (name === "pb") return notes ? ` ${pageSentinel(node.getAttribute("n") ?? "?")} ` : " ";
  if (name === "lb") return " ";
  if (name === "note") {
    if (!notes) return "";
    const label = node.getAttribute("n") ?? String(notes.length + 1);
    notes.push({ label, text: noteText(node) });
    return noteSentinel(label);
  }
  return Array.from(node.childNodes)
    .map((child) => flatten(child, notes))
    .join("");
}

const text = (node: Node | undefined, notes?: Footnote[]) =>
  node ? normaliseSpace(flatten(node, notes)) : "";

/** A note's own words (a note inside a note, which FRUS never has, is left out). */
function noteText(note: Element): string {
  return normaliseSpace(
    Array.from(note.childNodes)
      .map((child) => flatten(child))
      .join(""),
  );
}

/** Title and source note from <head>: "139. Memorandum of Conversation" + <note type="source">. */
function readHead(head: Element | undefined): {
  number?: string;
  title?: string;
  sourceNote?: string;
  notes: Footnote[];
} {
  if (!head) return { notes: [] };
  const notes: Footnote[] = [];
  let sourceNote: string | undefined;
  const title = normaliseSpace(
    Array.from(head.childNodes)
      .map((child) => {
        if (isElement(child) && localName(child) === "note") {
          if (child.getAttribute("type") === "source") sourceNote = noteText(child);
          else
            notes.push({
              text: noteText(child),
              label: child.getAttribute("n") ?? String(notes.length + 1),
            });
          return "";
        }
        return flatten(child);
      })
      .join(""),
  );
  const numbered = /^(\d+)\.\s+(.+)$/.exec(title);
  return {
    notes,
    ...(numbered ? { number: numbered[1]!, title: numbered[2]! } : title ? { title } : {}),
    ...(sourceNote ? { sourceNote } : {}),
  };
}

/** One participants <item>: persName when present, else name and role split at the first comma. */
function participantFromItem(item: Element): Omit<Participant, "id"> | undefined {
  const nodes = Array.from(item.childNodes);
  const at = nodes.findIndex((node) => isElement(node) && localName(node) === "persName");
  if (at < 0) return parseParticipantLine(text(item));
  const before = normaliseSpace(
    nodes
      .slice(0, at)
      .map((node) => flatten(node))
      .join(""),
  );
  let after = normaliseSpace(
    nodes
      .slice(at + 1)
      .map((node) => flatten(node))
      .join(""),
  );
  let name = text(nodes[at]);
  const suffix = /^(Jr\.|Sr\.|II|III|IV)\b,?\s*/.exec(after);
  if (suffix) {
    name = `${name} ${suffix[1]!}`;
    after = after.slice(suffix[0].length);
  }
  const participant: Omit<Participant, "id"> = { name };
  if (before.endsWith(",")) participant.role = before.slice(0, -1).trim();
  else if (before) participant.title = before;
  const role = after.replace(/^,\s*/, "");
  if (role) participant.role = participant.role ? `${participant.role}, ${role}` : role;
  return participant;
}

/** Section titles print as italic-only or "sectiontitle" paragraphs ("1. U.S.-Japan Trade"). */
function isHeadingParagraph(paragraph: Element, words: string): boolean {
  if (/sectiontitle/i.test(paragraph.getAttribute("rend") ?? "")) return true;
  const meaningful = Array.from(paragraph.childNodes).filter(
    (node) => isElement(node) || (node.nodeValue ?? "").trim() !== "",
  );
  return (
    meaningful.length === 1 &&
    isElement(meaningful[0]!) &&
    localName(meaningful[0]) === "hi" &&
    words.length < 80 &&
    !/[.:;]$/.test(words)
  );
}

interface BodyState {
  turns: ParsedTurn[];
  /** The footnotes, in the order of their marks. */
  footnotes: Footnote[];
  /** A page break seen between paragraphs, waiting for the next paragraph's text. */
  pendingPage: string;
  participants: Participant[];
  reader: ReturnType<typeof createStatementReader>;
}

/** Parts of the document's top level read as metadata (title, dateline, subject, participants). */
function isMetadata(element: Element): boolean {
  const name = localName(element);
  if (name === "list")
    return ["subject", "participants"].includes(element.getAttribute("type") ?? "");
  return ["head", "opener", "byline", "docAuthor"].includes(name);
}

function pushTurn(state: BodyState, kind: TurnKind, words: string, notes: Footnote[]): void {
  const marked = normaliseSpace(`${state.pendingPage} ${words}`);
  state.pendingPage = "";
  state.footnotes.push(...notes);
  const apparatus = extractApparatus(marked);
  if (apparatus.text === "") return;
  if (kind !== "paragraph") {
    state.turns.push(withApparatus({ kind, text: apparatus.text }, apparatus));
    return;
  }
  const statements = shareApparatus(state.reader.read(apparatus.text), apparatus);
  const turns = statementTurns(statements);
  state.turns.push(...turns.map((turn, index) => withApparatus(turn, statements[index]!)));
}

/** One block-level element (a paragraph, a list item, anything unknown) as a turn. */
function pushBlock(element: Element, state: BodyState, inAttachment: boolean): void {
  const notes: Footnote[] = [];
  const words = text(element, notes);
  const heading = localName(element) === "p" && isHeadingParagraph(element, words);
  pushTurn(state, heading ? "heading" : inAttachment ? "attachment" : "paragraph", words, notes);
}

/** Walk a (possibly nested) division, turning each block-level child into turns. */
function walk(container: Element, state: BodyState, inAttachment: boolean, top: boolean): void {
  for (const child of Array.from(container.childNodes)) {
    if (!isElement(child)) {
      const stray = child.nodeType === TEXT_NODE ? normaliseSpace(child.nodeValue ?? "") : "";
      if (stray) pushTurn(state, inAttachment ? "attachment" : "paragraph", stray, []);
      continue;
    }
    const name = localName(child);
    if (top && isMetadata(child)) continue;
    if (name === "pb") {
      state.pendingPage = normaliseSpace(`${state.pendingPage} ${flatten(child, [])}`);
    } else if (name === "div" || name === "attachment") {
      const attachment = name === "attachment" || child.getAttribute("type") === "attachment";
      walk(child, state, inAttachment || attachment, false);
    } else if (name === "head") {
      const notes: Footnote[] = [];
      pushTurn(state, inAttachment ? "attachment" : "heading", text(child, notes), notes);
    } else if (name === "note") {
      // An inline "source" note labels an attachment ("[Attachment]"); others are footnotes.
      if (child.getAttribute("type") === "source")
        pushTurn(state, inAttachment ? "attachment" : "heading", noteText(child), []);
      else
        state.footnotes.push({
          label: child.getAttribute("n") ?? String(state.footnotes.length + 1),
          text: noteText(child),
        });
    } else if (name === "list" || name === "table") {
      // Items and rows become paragraphs of their own.
      for (const item of childElements(child)) pushBlock(item, state, inAttachment);
    } else {
      pushBlock(child, state, inAttachment);
    }
  }
}

/** A participants list that only points to another document's. */
export const LIST_ELSEWHERE = /same list as Document (\d+)/i;

/** ISO date from @when, @from or the FRUS min date-time: the date part only. */
const isoPart = (value: string | null | undefined) =>
  value ? /^\d{4}(?:-\d{2}){0,2}/.exec(value)?.[0] : undefined;

/** https://history.state.gov/historicaldocuments/<volume>/<doc> from a HistoryAtState file name. */
function frusUrl(fileName: string): string | undefined {
  const match = /(frus\d{4}[\w-]*?)_(d\d+)\.xml$/i.exec(fileName);
  return match
    ? `https://history.state.gov/historicaldocuments/${match[1]!}/${match[2]!}`
    : undefined;
}

export function parseTei(source: string, file: string): ParsedDocument {
  const div = findDocumentDiv(parseXml(source, file), file);
  const children = childElements(div);
  const head = readHead(children.find((child) => localName(child) === "head"));
  if (!head.title) throw new ImportError(file, lineOf(div), "the document has no <head> title");

  const dateline = div.getElementsByTagName("dateline")[0];
  const dateElement = dateline?.getElementsByTagName("date")[0];
  const placeName = dateline?.getElementsByTagName("placeName")[0];
  const lists = children.filter((child) => localName(child) === "list");
  const listOf = (type: string) => lists.find((list) => list.getAttribute("type") === type);
  const items = (list: Element | undefined) =>
    list ? childElements(list).filter((child) => localName(child) === "item") : [];

  const listed = items(listOf("participants"))
    .map(participantFromItem)
    .filter((person) => person !== undefined);
  const participants =
    listed.length > 0
      ? assignIds(listed)
      : participantsFromText(
          Array.from(div.getElementsByTagName("p")).map((paragraph) => text(paragraph)),
        );
  const state: BodyState = {
    turns: [],
    footnotes: [...head.notes],
    pendingPage: "",
    participants,
    reader: createStatementReader(participants),
  };
  walk(div, state, false, true);
  if (state.turns.length === 0)
    throw new ImportError(file, lineOf(div), "the document has no paragraphs");

  const number = head.number ?? div.getAttribute("n") ?? undefined;
  const subjects = items(listOf("subject")).map((item) => text(item));
  // "[Here follows the same list as Document 139.]": kept verbatim, resolved by the library
  // (lib/library/people.ts) when that document is in it.
  const pointer = items(listOf("participants"))
    .map((item) => text(item))
    .find((words) => LIST_ELSEWHERE.test(words));
  const fields = compact({
    Document: number ?? "",
    Subject: subjects.join("; "),
    Participants: listed.length === 0 ? (pointer ?? "") : "",
  });
  const document: ParsedDocument = compact({
    type: "document",
    slug: "",
    title: distinguishingTitle(head.title, fields["Subject"]),
    date:
      isoPart(dateElement?.getAttribute("when")) ??
      isoPart(dateElement?.getAttribute("from")) ??
      isoPart(div.getAttributeNS(FRUS_NS, "doc-dateTime-min")),
    time: dateElement ? findTime(text(dateElement)) : undefined,
    place: placeName ? text(placeName) : undefined,
    archive: FRUS_ARCHIVE,
    archiveUrl: frusUrl(file),
    classification: classificationInSourceNote(head.sourceNote),
    sourceNote: head.sourceNote,
    shape: "tei",
    fields,
    participants: state.participants,
    turns: state.turns,
    footnotes: state.footnotes.length > 0 ? state.footnotes : undefined,
    dropped: [],
  });
  return withSlug(document);
}
