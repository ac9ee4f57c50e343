import type { ParsedDocument } from "./types";

// Metadata a reader needs to cite a document, and what the importer could not find of it.

/** Titles that many documents share ("Memorandum of Conversation"): they need their subject. */
const GENERIC_TITLE =
  /^(?:Memorandum of (?:a )?Conversation|Memorandum|Conversation|Telegram|Cable|Letter|Record of (?:a )?Conversation)$/i;

/**
 * A title that tells the document from others of its kind: a generic title with its subject line
 * ("Memorandum of Conversation: Relations With Communist China"); any other title as printed.
 */
export function distinguishingTitle(title: string, subject: string | undefined): string {
  return subject && GENERIC_TITLE.test(title.trim()) ? `${title.trim()}: ${subject}` : title;
}

/** The fields a citation needs, in the words of the import report. */
const CITATION_FIELDS = [
  ["date", "date"],
  ["place", "place"],
  ["archive", "archive"],
  ["archiveUrl", "source link"],
] as const;

/** What the source did not say, for the import report ("date, place, source link"). */
export function missingMetadata(document: ParsedDocument): string[] {
  return CITATION_FIELDS.filter(([key]) => !document[key]).map(([, words]) => words);
}
