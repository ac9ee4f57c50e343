import { SourceError } from "./limits";

// Plain text and Markdown content files: the importer reads them as they are, once decoded.

/** Bytes as UTF-8 text (a UTF-16 file, as Word's "Unicode text" saves, is decoded too). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
}

/** Refuse XML that declares entities: "billion laughs" expansions and external files. */
export function refuseEntityDeclarations(xml: string, what: string): void {
  if (/<!ENTITY/i.test(xml) || /<!DOCTYPE[^>]*\[/i.test(xml) || /<!DOCTYPE[^>]*SYSTEM/i.test(xml))
    throw new SourceError(
      `${what} declares XML entities (a DOCTYPE with <!ENTITY>), which Memcon refuses: ` +
        "they can expand to gigabytes or read files on the server. Remove the DOCTYPE and upload again.",
    );
}
