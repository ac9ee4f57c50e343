// Which edition a library document is, in a line: two copies of one FRUS document share a title
// ("Memorandum of Conversation: Relations With Communist China" is both seed 001, a plain-text
// copy from the web, and the FRUS TEI edition of 1958–60 vol. XVIII doc. 143), and the library
// must tell them apart without rewording either source. Pure.

export interface EditionFacts {
  shape: string;
  archive: string | null;
  archiveUrl: string | null;
  date: string | null;
  fields: unknown;
}

const FRUS_URL =
  /history\.state\.gov\/historicaldocuments\/frus(\d{4})-(\d{2,4})v(\d+)(?:p(\d+))?\/d(\d+)/;

const ROMAN: [number, string][] = [
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

/** 18 -> "XVIII", as FRUS numbers its volumes. */
export function roman(value: number): string {
  let rest = value;
  let out = "";
  for (const [size, letters] of ROMAN)
    while (rest >= size) {
      out += letters;
      rest -= size;
    }
  return out;
}

/** "1958", "60" -> "1958–60"; "1955", "57" -> "1955–57". */
const years = (from: string, to: string) => `${from}–${to.length === 4 ? to.slice(2) : to}`;

/**
 * The edition line of a document: "FRUS 1958–60, vol. XVIII, doc. 143 · TEI edition
 * (history.state.gov)"; "FRUS doc. 143 · plain-text copy (no volume, date or address)".
 * Null for documents that are not FRUS (their titles name them well enough).
 */
export function editionLabel(document: EditionFacts): string | null {
  const number =
    document.fields && typeof document.fields === "object"
      ? (document.fields as Record<string, unknown>)["Document"]
      : undefined;
  const url = document.archiveUrl ? FRUS_URL.exec(document.archiveUrl) : null;
  if (url) {
    const [, from, to, volume, part, doc] = url;
    const where = `FRUS ${years(from!, to!)}, vol. ${roman(Number(volume))}${part ? `, part ${part}` : ""}, doc. ${doc}`;
    return `${where} · ${document.shape === "tei" ? "TEI edition" : "edition"} (history.state.gov)`;
  }
  if (document.archive === "Foreign Relations of the United States" && typeof number === "string") {
    const missing = [
      "volume",
      ...(document.date ? [] : ["date"]),
      ...(document.archiveUrl ? [] : ["address"]),
    ];
    const list =
      missing.length > 1 ? `${missing.slice(0, -1).join(", ")} or ${missing.at(-1)}` : missing[0];
    return `FRUS doc. ${number} · plain-text copy (no ${list} given)`;
  }
  return null;
}
