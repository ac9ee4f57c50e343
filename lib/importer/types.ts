// The importer's output: what it understood of one archive source. This is also the JSON printed
// by `npm run import -- --json <file>` and the model the content files (content/*.md) serialise.

/** What a turn is. Only `speech` and `paragraph` carry (optional) speakers. */
export type TurnKind =
  | "speech" // a line of dialogue with an explicit speaker label ("Liao: ...")
  | "paragraph" // narrative or reported speech ("The Secretary said ..."); speaker when attributable
  | "heading" // a title or section heading inside the document body
  | "header" // document furniture before the text proper (classification, "To be destroyed", time lines)
  | "note" // a footnote or source note; `label` holds its number or mark
  | "attachment" // an attachment or enclosure heading/body
  | "original"; // original-language text kept as such (`lang` says which)

/** A footnote's reference mark in a turn: the note's label, at an offset of the turn's text. */
export interface NoteRef {
  label: string;
  /** Offset in `text` where the mark stood (right after the words it annotates). */
  at: number;
}

/** A page break inside a turn: `page` begins at an offset of the turn's text (0: at its start). */
export interface PageBreak {
  page: string;
  at: number;
}

/** A footnote of the document: listed under the text, opened from its reference marks. */
export interface Footnote {
  label: string;
  text: string;
}

export interface ParsedTurn {
  kind: TurnKind;
  /** Participant id (see `participants`), only when the speaker is known. */
  speaker?: string;
  /**
   * The words, verbatim from the source. Page markers and footnote marks are apparatus, not
   * words: they are left out of the text and kept in `pages` and `notes`.
   */
  text: string;
  /** A footnote number, a cable paragraph number ("1"), etc. */
  label?: string;
  /** BCP 47 language tag when not English (e.g. "ja", "zh"). */
  lang?: string;
  /**
   * True when this turn continues the source paragraph of the turn before: the paragraph was
   * split where the speaker changes, and the reader shows the two as one paragraph.
   */
  continues?: true;
  /** Footnote reference marks in the text, in order. */
  notes?: NoteRef[];
  /** Page breaks in the text, in order. */
  pages?: PageBreak[];
}

export interface Participant {
  /** Stable id used by turns, e.g. "liao". Lowercase ASCII, hyphens. */
  id: string;
  /** Full name as the source gives it, e.g. "Liao Chengzhi". */
  name: string;
  /** The short label the transcript uses, e.g. "Liao", or the title, e.g. "the Secretary". */
  label?: string;
  /**
   * Form of address or office printed before the name, e.g. "Mr.", "Ambassador", "Prime Minister".
   * Attribution uses it to resolve "the Ambassador" or "General Biddle" to this participant.
   */
  title?: string;
  /** Office or description, e.g. "Secretary of State". */
  role?: string;
}

export interface DroppedLine {
  line: number;
  text: string;
  reason: string;
}

export interface ParsedDocument {
  type: "document";
  slug: string;
  title: string;
  /** ISO 8601 date (YYYY-MM-DD, or YYYY-MM / YYYY when that is all the source gives). */
  date?: string;
  /** Time of day or range as printed ("9:00 a.m.", "19:40"). */
  time?: string;
  place?: string;
  /** The archive or publication the text was copied from. */
  archive?: string;
  archiveUrl?: string;
  citation?: string;
  summary?: string;
  /** Translator of the text we read (the English translation), from the citation. */
  translator?: string;
  /** The meeting's interpreter, from the record itself: not the translator of the text. */
  interpreter?: string;
  /** Note-taker as printed; absent when the copy lost the name (only □ left). */
  noteTaker?: string;
  originalLanguage?: string;
  classification?: string;
  /** FRUS-style source note, when given apart from the footnotes. */
  sourceNote?: string;
  /** Which source shape the importer recognised. */
  shape: "dialogue" | "memorandum" | "cable" | "tei";
  /** Any further header fields, verbatim (cable Number/Sent/Received/To/From, Subject, ...). */
  fields: Record<string, string>;
  participants: Participant[];
  turns: ParsedTurn[];
  /** The footnotes (not the source note, which is `sourceNote`), in the source's order. */
  footnotes?: Footnote[];
  /** Web-page debris and other lines deliberately not imported, with the reason. */
  dropped: DroppedLine[];
}

export interface CollectionEntry {
  /** ISO date of the listed document. */
  date: string;
  title: string;
  summary?: string;
  /** Slug of the library document this entry refers to, when it is in the library. */
  document?: string;
}

export interface ParsedCollection {
  type: "collection";
  slug: string;
  title: string;
  description?: string;
  archive?: string;
  entries: CollectionEntry[];
  dropped: DroppedLine[];
}

export type ParsedSource = ParsedDocument | ParsedCollection;
