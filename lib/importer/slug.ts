import { asciiWords } from "./text";
import type { ParsedCollection, ParsedDocument } from "./types";

// Slugs name library URLs and content files, so they must be stable: the same source always gives
// the same slug. Shape: date, the participants the title names, then the title's telling words
// (the subject's too when the title is generic, e.g. "Memorandum of Conversation").

const STOP_WORDS = new Set([
  "a",
  "an",
  "the",
  "of",
  "and",
  "between",
  "with",
  "on",
  "to",
  "in",
  "for",
  "by",
  "at",
  "from",
  "comrade",
  "record",
  "mr",
  "mrs",
  "no",
  "s",
]);
const MAX_WORDS = 8;
const MAX_LENGTH = 80;

/** Ids of participants whose surname appears in `text`, in order of appearance. */
function namedParticipants(text: string, document: ParsedDocument): string[] {
  const words = asciiWords(text);
  return document.participants
    .map((participant) => {
      const surname = asciiWords(participant.label ?? participant.name).at(-1) ?? "";
      return { id: participant.id, at: words.indexOf(surname) };
    })
    .filter((found) => found.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((found) => found.id);
}

function titleWords(text: string, exclude: ReadonlySet<string>): string[] {
  return asciiWords(text).filter((word) => !STOP_WORDS.has(word) && !exclude.has(word));
}

/** Cut to at most `MAX_LENGTH` characters, at a hyphen. */
function clip(slug: string): string {
  if (slug.length <= MAX_LENGTH) return slug;
  const cut = slug.slice(0, MAX_LENGTH + 1);
  return cut.slice(0, cut.lastIndexOf("-"));
}

export function makeSlug(source: ParsedDocument | ParsedCollection): string {
  if (source.type === "collection")
    return clip(titleWords(source.title, new Set()).slice(0, MAX_WORDS).join("-"));
  const head = source.title.split(",")[0]!;
  const nameWordSet = new Set(
    source.participants.flatMap((participant) => asciiWords(participant.name)),
  );
  const names = namedParticipants(source.title, source);
  const words = titleWords(head, nameWordSet);
  const subject = source.fields["Subject"];
  if (names.length + words.length < 3 && subject) {
    names.push(...namedParticipants(subject, source).filter((id) => !names.includes(id)));
    words.push(...titleWords(subject, nameWordSet));
  }
  const parts = [...names, ...words].slice(0, MAX_WORDS);
  return clip(
    [source.date, ...parts].filter((part) => part !== undefined && part !== "").join("-"),
  );
}

/** A stable 8-hex-digit FNV-1a hash: the slug of a title with no Latin letters or digits at all. */
function titleHash(title: string): string {
  let hash = 0x811c9dc5;
  for (const char of title) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** The source with its slug set, `type` and `slug` first so that JSON output reads well. */
export function withSlug<T extends ParsedDocument | ParsedCollection>(source: T): T {
  // "廖承志与石桥湛山的谈话" has no ASCII words; an empty slug would name the file ".md".
  const slug = makeSlug(source) || `${source.type}-${titleHash(source.title)}`;
  return Object.assign({ type: source.type, slug }, source, { slug });
}
