import { docxToText } from "./docx";
import { megabytes, SourceError, UPLOAD_LIMITS, withinTimeLimit } from "./limits";
import { pdfToText } from "./pdf";
import { teiChoices, teiDocument, type TeiChoice } from "./tei";
import { decodeText } from "./text";

// Source adapters: a file an instructor brings (text, Markdown content file, TEI XML, Word, PDF)
// becomes the text the importer already parses (lib/importer parseSource). They only unpack and
// extract; every reading of turns, speakers and metadata stays in the importer.

export { SourceError, UPLOAD_LIMITS } from "./limits";
export { NO_TEXT_LAYER } from "./pdf";
export type { TeiChoice } from "./tei";

export type SourceKind = "text" | "markdown" | "tei" | "docx" | "pdf";

export interface SourceFile {
  name: string;
  bytes: Uint8Array;
  /** For a file holding several TEI documents: the xml:id of the one wanted. */
  pick?: string;
}

export type SourceText =
  | { ok: true; kind: SourceKind; text: string; fileName: string; note?: string }
  /** A FRUS volume: which document? */
  | { ok: false; kind: "tei"; choices: TeiChoice[] };

const startsWith = (bytes: Uint8Array, ...signature: number[]) =>
  signature.every((byte, index) => bytes[index] === byte);

/** What a file is, from its first bytes (its name only breaks the tie between text formats). */
export function sourceKind(file: SourceFile): SourceKind {
  if (startsWith(file.bytes, 0x25, 0x50, 0x44, 0x46)) return "pdf"; // %PDF
  if (startsWith(file.bytes, 0x50, 0x4b, 0x03, 0x04)) return "docx"; // PK zip
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  if (extension === "doc")
    throw new SourceError(
      "Old Word files (.doc) cannot be read: save it as .docx and upload that.",
    );
  if (extension && ["png", "jpg", "jpeg", "gif", "tif", "tiff", "heic"].includes(extension))
    throw new SourceError(
      "This is a picture: Memcon reads text. Run it through OCR first and upload the text or PDF.",
    );
  const head = decodeText(file.bytes.subarray(0, 512)).trimStart();
  if (head.startsWith("<")) return "tei";
  return extension === "md" ? "markdown" : "text";
}

export async function sourceToText(file: SourceFile): Promise<SourceText> {
  if (file.bytes.length > UPLOAD_LIMITS.fileBytes)
    throw new SourceError(
      `${file.name} is ${megabytes(file.bytes.length)}; the limit is ` +
        `${megabytes(UPLOAD_LIMITS.fileBytes)} per file.`,
      413,
    );
  if (file.bytes.length === 0) throw new SourceError(`${file.name} is empty.`);
  const kind = sourceKind(file);
  return withinTimeLimit(async () => {
    switch (kind) {
      case "pdf": {
        const { text, pages } = await pdfToText(file.bytes);
        return { ok: true, kind, text, fileName: file.name, note: `${pages} PDF pages read` };
      }
      case "docx":
        return { ok: true, kind, text: await docxToText(file.bytes), fileName: file.name };
      case "tei": {
        const xml = decodeText(file.bytes);
        const choices = teiChoices(xml);
        if (choices.length === 0) return { ok: true, kind, text: xml, fileName: file.name };
        if (!file.pick) return { ok: false, kind, choices };
        return {
          ok: true,
          kind,
          text: teiDocument(xml, file.pick),
          fileName: `${file.name}#${file.pick}`,
        };
      }
      default:
        return { ok: true, kind, text: decodeText(file.bytes), fileName: file.name };
    }
  }, file.name);
}
