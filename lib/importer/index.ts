import { parseCable } from "./cable";
import { parseCollection } from "./collection";
import { parseContent } from "./content-format";
import { detectShape } from "./detect";
import { parseDialogue } from "./dialogue";
import { ImportError } from "./errors";
import { parseMemorandum } from "./memorandum";
import { parseTei } from "./tei";
import type { ParsedSource } from "./types";

// The importer's single entry point: any archive source (raw text, FRUS TEI, or a content file)
// in, what it understood out. Pure: no file system, database or network.

export { ImportError } from "./errors";
export { detectShape } from "./detect";
export type { SourceShape } from "./detect";
export type * from "./types";

/** Why a text cannot be a document, and where: control bytes (binary) or undecodable bytes. */
function unreadable(text: string): { line: number; detail: string } | undefined {
  const lineAt = (index: number) => text.slice(0, index).split("\n").length;
  const control = text.search(/[\u0000-\u0008\u000E-\u001A\u001C-\u001F]/);
  if (control >= 0)
    return {
      line: lineAt(control),
      detail: "binary data, not a text document (is this the right file?)",
    };
  const replacement = text.indexOf("\uFFFD");
  if (replacement >= 0)
    return { line: lineAt(replacement), detail: "not valid UTF-8 text (save the file as UTF-8)" };
  return undefined;
}

export function parseSource(text: string, fileName: string): ParsedSource {
  const problem = unreadable(text);
  if (problem) throw new ImportError(fileName, problem.line, problem.detail);
  if (text.trim() === "") throw new ImportError(fileName, 1, "empty document");
  switch (detectShape(text)) {
    case "content":
      return parseContent(text, fileName);
    case "tei":
      return parseTei(text, fileName);
    case "collection":
      return parseCollection(text, fileName);
    case "dialogue":
      return parseDialogue(text, fileName);
    case "cable":
      return parseCable(text, fileName);
    case "memorandum":
      return parseMemorandum(text, fileName);
  }
}
