import { comparableWords, similarity } from "./normalise";

/**
 * Whether two documents of the library are editions of one record: the catalogue makes them
 * candidates (same date, or the same numbered document of the same series, as FRUS numbers
 * its documents), and their words confirm it. A suggestion for readers, not a link an editor
 * has confirmed.
 */

type Record = { date: string | null; archive: string | null; fields: unknown };

const documentNumber = (record: Record) => {
  const fields = record.fields as { Document?: unknown } | null;
  return typeof fields?.Document === "string" ? fields.Document : undefined;
};

export function mayBeEditions(a: Record, b: Record): boolean {
  if (a.date && a.date === b.date) return true;
  const number = documentNumber(a);
  return !!number && !!a.archive && a.archive === b.archive && number === documentNumber(b);
}

/** Share of words two whole texts have in common (Dice over all their words). */
export function textAgreement(a: readonly string[], b: readonly string[]): number {
  return similarity(a.flatMap(comparableWords), b.flatMap(comparableWords));
}

/** Texts that share at least this share of their words are taken as editions of one record. */
export const SAME_RECORD = 0.6;
