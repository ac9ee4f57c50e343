import fs from "node:fs";
import { ImportError } from "./errors";

// Reading a source file for the importer (the parsers themselves never touch the file system).
// Whatever the path turns out to be (missing, a directory, a device that never ends, a file too
// big to be one document), the caller gets one ImportError naming it, never a raw Node error.

/** The longest real source is about 15 KB; anything past this is not one archive document. */
export const MAX_SOURCE_BYTES = 16 * 1024 * 1024;

const REASONS: Record<string, string> = {
  ENOENT: "no such file",
  ENOTDIR: "no such file (a folder on the path is a file)",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "is a folder, not a file",
  ELOOP: "too many symbolic links",
  ENAMETOOLONG: "file name too long",
};

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (code && REASONS[code]) ?? `cannot be read (${code ?? String(error)})`;
}

/** The file's text, decoded as UTF-8 (bad bytes become U+FFFD, which the importer reports). */
export function readSourceFile(path: string, name: string = path): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(path);
  } catch (error) {
    throw new ImportError(name, undefined, reason(error));
  }
  if (stat.isDirectory()) throw new ImportError(name, undefined, REASONS.EISDIR!);
  // A device or a pipe may never end (/dev/zero): refuse it before reading a byte.
  if (!stat.isFile())
    throw new ImportError(name, undefined, "not a regular file (a device, pipe or socket)");
  if (stat.size > MAX_SOURCE_BYTES)
    throw new ImportError(
      name,
      undefined,
      `too large to be one document (${(stat.size / 1024 / 1024).toFixed(1)} MB; the limit is ` +
        `${MAX_SOURCE_BYTES / 1024 / 1024} MB)`,
    );
  try {
    return fs.readFileSync(path, "utf8");
  } catch (error) {
    throw new ImportError(name, undefined, reason(error));
  }
}
