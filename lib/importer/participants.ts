import type { Participant } from "./types";
import { asciiWords, normaliseSpace, withoutPageMarkers } from "./text";

// Who takes part: read from a participants list ("Mr. Masayuki Tani, Ambassador E. & P., Embassy
// of Japan") or, where the list is missing, from the people the text names with a title
// ("Prime Minister Kishi", "Secretary Herter").

/** Forms of address that say nothing about office. */
const HONORIFICS = ["Mr.", "Mrs.", "Ms.", "Miss", "Dr.", "Comrade"];
/** Nouns of office; a title ends with one of them ("Assistant Secretary", "Vice Minister"). */
const OFFICES = [
  "Minister",
  "Secretary",
  "Ambassador",
  "President",
  "Premier",
  "Chairman",
  "General",
  "Admiral",
  "Colonel",
  "Captain",
  "Commander",
  "Major",
  "Director",
  "Counselor",
  "Counsellor",
  "Senator",
  "Governor",
  "Chancellor",
  "Commissioner",
  "Consul",
  "Attaché",
  "Professor",
  "Judge",
  "Marshal",
];
/** Words that qualify an office ("Prime", "Vice", "Lt."). */
const MODIFIERS = [
  "Prime",
  "Foreign",
  "Vice",
  "Assistant",
  "Under",
  "Deputy",
  "Acting",
  "Lt.",
  "Lieutenant",
  "Brigadier",
  "Rear",
  "Chief",
  "Special",
];
/** Generational suffixes that belong to the name ("John Irwin II", "James V. Martin, Jr."). */
const SUFFIX = /^(?:Jr\.|Sr\.|II|III|IV)$/;
/** Capitalised words that follow a title but are institutions, not people. */
const NOT_NAMES = new Set([
  "Government",
  "Embassy",
  "Department",
  "Ministry",
  "Bureau",
  "Office",
  "Party",
  "Committee",
  "Council",
  "Delegation",
  "Side",
  "State",
  "States",
  "Union",
  "Conference",
  "The",
]);

const escape = (word: string) => word.replace(/\./g, "\\.");
const alternatives = (words: readonly string[]) => words.map(escape).join("|");

/**
 * A title: honorific, or modifiers + office noun (+ "of State"), e.g. "Assistant Secretary".
 * At most three modifiers ("Acting Deputy Assistant Secretary"): an unbounded run made a line of
 * "Vice Vice Vice ..." take minutes, each start position rescanning the whole run.
 */
export const TITLE_SOURCE = `(?:(?:${alternatives(HONORIFICS)})|(?:(?:${alternatives(MODIFIERS)})\\s+){0,3}(?:${alternatives(OFFICES)})(?:\\s+of\\s+State)?)`;

const TITLE_PREFIX = new RegExp(`^(${TITLE_SOURCE}(?:\\s+${TITLE_SOURCE})*)\\s+(.+)$`, "u");
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’-]*\.?|\p{Lu}\.)$/u;

export function isHonorific(title: string | undefined): boolean {
  return title !== undefined && HONORIFICS.includes(title);
}

/** Name words without generational suffixes: the last one is the surname in Western order. */
export function nameWords(name: string): string[] {
  return name
    .replace(/,/g, " ")
    .split(/\s+/)
    .filter((word) => word !== "" && !SUFFIX.test(word));
}

function looksLikeName(text: string): boolean {
  const words = nameWords(text);
  return words.length >= 1 && words.length <= 5 && words.every((word) => NAME_WORD.test(word));
}

/** "Lt. Colonel Toshiro Magari" -> title "Lt. Colonel", name "Toshiro Magari". */
export function splitTitle(text: string): { title?: string; name: string } {
  const match = TITLE_PREFIX.exec(normaliseSpace(text));
  if (match && looksLikeName(match[2]!)) return { title: match[1]!, name: match[2]! };
  return { name: normaliseSpace(text) };
}

/**
 * One participants-list line: name and role split at the first comma (a "Jr." after that comma
 * stays with the name). Undefined when the line does not start with a person ("See Document 139").
 */
export function parseParticipantLine(line: string): Omit<Participant, "id"> | undefined {
  const parts = normaliseSpace(line).split(", ");
  let namePart = parts.shift() ?? "";
  if (parts[0] && SUFFIX.test(parts[0])) namePart += `, ${parts.shift()!}`;
  const { title, name } = splitTitle(namePart);
  if (!looksLikeName(name)) return undefined;
  const participant: Omit<Participant, "id"> = { name };
  if (title) participant.title = title;
  if (parts.length > 0) participant.role = parts.join(", ");
  return participant;
}

/** Lowercase ASCII id: the surname, or the whole name when two participants share a surname. */
export function assignIds(people: readonly Omit<Participant, "id">[]): Participant[] {
  const surname = (person: Omit<Participant, "id">) =>
    asciiWords(nameWords(person.name).at(-1) ?? person.name).join("-");
  const counts = new Map<string, number>();
  for (const person of people) counts.set(surname(person), (counts.get(surname(person)) ?? 0) + 1);
  const used = new Set<string>();
  return people.map((person) => {
    let id = counts.get(surname(person))! > 1 ? asciiWords(person.name).join("-") : surname(person);
    if (id === "") id = "participant";
    for (let n = 2; used.has(id); n += 1) id = `${id.replace(/-\d+$/, "")}-${n}`;
    used.add(id);
    return { id, ...person };
  });
}

/**
 * A capitalised name word of two letters or more (a lone capital is an initial, or the "E." of
 * "Ambassador E. and P."); an apostrophe only before a capital ("O'Brien", not "Herter's").
 */
const NAME_SOURCE = "\\p{Lu}[\\p{L}-]+(?:['’]\\p{Lu}[\\p{L}-]+)?";

/** Title + capitalised name (one or two words) anywhere in a text: "Vice Minister Han Nianlong". */
const TITLED_NAME = new RegExp(
  `(?<![\\p{L}])(${TITLE_SOURCE})\\s+(${NAME_SOURCE}(?:\\s+(?:\\p{Lu}\\.\\s+){0,3}${NAME_SOURCE})?)`,
  "gu",
);

interface Mention {
  title: string;
  name: string;
}

function titledMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  for (const match of withoutPageMarkers(text).matchAll(TITLED_NAME)) {
    const words = match[2]!.split(/\s+/);
    const kept: string[] = [];
    for (const word of words) {
      if (NOT_NAMES.has(word) || OFFICES.includes(word) || MODIFIERS.includes(word)) break;
      kept.push(word);
    }
    if (kept.length > 0) mentions.push({ title: match[1]!, name: kept.join(" ") });
  }
  return mentions;
}

/**
 * People named with a title in running text, one per person: "Mr. Kishi" and "Prime Minister
 * Kishi" merge (the office wins over an honorific), as do "Han" and "Han Nianlong" (the longer
 * name wins; the id is the shortest form the text uses, which is how it refers to the person).
 */
export function participantsFromText(paragraphs: readonly string[]): Participant[] {
  const people: { name: string; shortest: string; title: string }[] = [];
  for (const mention of paragraphs.flatMap(titledMentions)) {
    const words = mention.name.split(" ");
    const same = people.find((person) => {
      const known = person.name.split(" ");
      return (
        words.every((word) => known.includes(word)) || known.every((word) => words.includes(word))
      );
    });
    if (!same) {
      people.push({ name: mention.name, shortest: mention.name, title: mention.title });
      continue;
    }
    if (words.length > same.name.split(" ").length) same.name = mention.name;
    if (words.length < same.shortest.split(" ").length) same.shortest = mention.name;
    if (isHonorific(same.title) && !isHonorific(mention.title)) same.title = mention.title;
  }
  const used = new Set<string>();
  return people.map(({ name, shortest, title }) => {
    let id = asciiWords(shortest.split(" ").at(-1)!).join("-");
    for (let n = 2; used.has(id); n += 1) id = `${id.replace(/-\d+$/, "")}-${n}`;
    used.add(id);
    return { id, name, title };
  });
}
