import { Unzip, UnzipInflate } from "fflate";
import mammoth from "mammoth";
import { megabytes, SourceError, UPLOAD_LIMITS } from "./limits";
import { refuseEntityDeclarations } from "./text";

// Word (.docx) -> plain text for the importer, by mammoth. Before mammoth unpacks anything, every
// part of the zip is inflated here (fflate's streaming unzip) with a running count, so a zip bomb
// (a few kilobytes that claim, or secretly hold, gigabytes) stops at the limit whatever its
// headers say, and XML parts that declare entities are refused. mammoth then unpacks the same
// bytes, now known to be safe.

const bomb = (name: string) =>
  new SourceError(
    `This .docx unpacks to far more than a document could hold (${name}; the limit is ` +
      `${megabytes(UPLOAD_LIMITS.docxUnpackedBytes)}): it looks like a zip bomb and is refused.`,
    413,
  );

/** Unpack every part once, counting; refuse bombs, entity declarations and non-Word zips. */
export function checkDocx(bytes: Uint8Array): void {
  let total = 0;
  let problem: SourceError | undefined;
  const names: string[] = [];
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    names.push(file.name);
    const isXml = /\.(xml|rels)$/i.test(file.name);
    const decoder = new TextDecoder();
    let head = "";
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (problem) return;
      if (error) {
        problem = new SourceError("This .docx file is damaged (a part cannot be unpacked).");
        return;
      }
      size += chunk.length;
      total += chunk.length;
      const ratioLimit = Math.max(1024 * 1024, (file.size ?? 0) * UPLOAD_LIMITS.docxRatio);
      if (total > UPLOAD_LIMITS.docxUnpackedBytes || size > ratioLimit) {
        problem = bomb(file.name);
        file.terminate();
        return;
      }
      // A DOCTYPE comes before the root element: the first kilobytes of a part are enough.
      if (isXml && head.length < 4096) head += decoder.decode(chunk, { stream: !final });
      if (isXml && (final || head.length >= 4096)) {
        try {
          refuseEntityDeclarations(head, `This .docx (${file.name})`);
        } catch (refusal) {
          problem = refusal as SourceError;
          file.terminate();
        }
      }
    };
    file.start();
  };
  try {
    unzip.push(bytes, true);
  } catch {
    throw problem ?? new SourceError("This .docx file is damaged (it is not a readable zip).");
  }
  if (problem) throw problem;
  if (!names.includes("word/document.xml"))
    throw new SourceError("This file is a zip archive but not a Word document (.docx).");
}

export async function docxToText(bytes: Uint8Array): Promise<string> {
  checkDocx(bytes);
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return result.value;
  } catch {
    throw new SourceError(
      "This .docx file cannot be read by Word's format rules (is it damaged?).",
    );
  }
}
