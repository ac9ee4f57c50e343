// Every importer failure names the file and, when known, the 1-based line, so an editor can jump
// straight to the problem: `seeds/000.txt:12: unknown speaker label "Liaoo"`.

export class ImportError extends Error {
  readonly file: string;
  readonly line?: number;
  /** The problem alone, without the `file:line:` prefix. */
  readonly detail: string;

  constructor(file: string, line: number | undefined, detail: string) {
    super(line === undefined ? `${file}: ${detail}` : `${file}:${line}: ${detail}`);
    this.name = "ImportError";
    this.file = file;
    this.detail = detail;
    if (line !== undefined) this.line = line;
  }
}
