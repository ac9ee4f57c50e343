import { getDocumentProxy } from "unpdf";
import { SourceError, UPLOAD_LIMITS } from "./limits";

// PDF -> plain text for the importer, by unpdf (pdf.js for servers): the text layer page by page.
// A scan without a text layer has nothing to read; the instructor is told to OCR it first.

export const NO_TEXT_LAYER =
  "This PDF has no text layer (it is a scan: pictures of pages). Run it through OCR first " +
  "(for example ocrmypdf, or Adobe Acrobat's “Recognize Text”) and upload the result, " +
  "or paste the text.";

interface TextItem {
  str: string;
  hasEOL?: boolean;
  transform?: number[];
  height?: number;
}

/**
 * A page's text layer as lines, with a blank line where the gap between two lines is clearly
 * wider than the page's usual line spacing: the paragraph breaks the importer reads turns by
 * (pdf.js's own text extraction joins every line with a single newline).
 */
function pageText(items: readonly unknown[]): string {
  const lines: { text: string; y: number; height: number }[] = [];
  let current = { text: "", y: NaN, height: 0 };
  for (const raw of items) {
    const item = raw as TextItem;
    if (typeof item.str !== "string") continue;
    if (current.text === "" && item.transform) current.y = item.transform[5]!;
    current.text += item.str;
    current.height = Math.max(current.height, item.height ?? 0);
    if (item.hasEOL) {
      lines.push(current);
      current = { text: "", y: NaN, height: 0 };
    }
  }
  if (current.text) lines.push(current);
  const gaps = lines
    .slice(1)
    .map((line, index) => lines[index]!.y - line.y)
    .filter((gap) => gap > 0)
    .sort((a, b) => a - b);
  const usual = gaps[Math.floor(gaps.length / 4)] ?? 0;
  return lines
    .map((line, index) => {
      const gap = index > 0 ? lines[index - 1]!.y - line.y : 0;
      const breaks = usual > 0 && (gap > usual * 1.4 || gap < 0) ? "\n" : "";
      return breaks + line.text.trimEnd();
    })
    .join("\n");
}

export async function pdfToText(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes ownership of (and detaches) the buffer it is given: give it a copy.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false });
  } catch (error) {
    const reason = error instanceof Error && /password/i.test(error.message);
    throw new SourceError(
      reason
        ? "This PDF is protected by a password; remove it and upload again."
        : "This PDF is damaged and cannot be read.",
    );
  }
  try {
    if (pdf.numPages > UPLOAD_LIMITS.pdfPages)
      throw new SourceError(
        `This PDF has ${pdf.numPages} pages; Memcon reads at most ${UPLOAD_LIMITS.pdfPages}. ` +
          "Upload the pages of the one document you want.",
        413,
      );
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number++)
      pages.push(pageText((await (await pdf.getPage(number)).getTextContent()).items).trim());
    if (pages.every((page) => page.replace(/\s+/g, "") === ""))
      throw new SourceError(NO_TEXT_LAYER);
    return { text: pages.filter(Boolean).join("\n\n"), pages: pdf.numPages };
  } finally {
    await pdf.destroy().catch(() => {});
  }
}
