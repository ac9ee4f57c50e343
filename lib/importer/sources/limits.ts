// Limits on what an instructor may upload, with the sentences that explain them. One place, so
// the API documentation, the form's hint and the checks never disagree.

export const UPLOAD_LIMITS = {
  /** One file (and one request body, less the form's few fields). */
  fileBytes: 20 * 1024 * 1024,
  /** Pages of a PDF read for their text. */
  pdfPages: 500,
  /** Reading one source (unpacking, text extraction, the importer) may take this long. */
  parseMs: 30_000,
  /** A .docx unpacked: real ones are a few megabytes; more is a zip bomb. */
  docxUnpackedBytes: 60 * 1024 * 1024,
  /** Unpacked size over packed size of one .docx part: text compresses ~10x, bombs ~1000x. */
  docxRatio: 200,
} as const;

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * A source that cannot become a document, with a sentence for the person who sent it
 * (never a stack trace). `status`: 413 too large, 422 unreadable, 502 a reference not reached.
 */
export class SourceError extends Error {
  readonly status: 413 | 422 | 502;
  constructor(message: string, status: 413 | 422 | 502 = 422) {
    super(message);
    this.name = "SourceError";
    this.status = status;
  }
}

/** Run `work`, or fail with a clear sentence once it takes longer than the parse limit. */
export async function withinTimeLimit<T>(
  work: () => Promise<T>,
  what: string,
  limitMs: number = UPLOAD_LIMITS.parseMs,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new SourceError(
            `Reading ${what} took longer than ${limitMs / 1000} seconds; ` +
              "split it into smaller files or paste the text of one document.",
          ),
        ),
      limitMs,
    );
  });
  try {
    return await Promise.race([work(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
