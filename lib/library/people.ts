// People across documents. Each document lists its own participants under the names it uses
// ("Kishi" in one copy, "Nobusuke Kishi" in another); the library's participant filter lists each
// person once, under the fullest name, and finds every document that names them in any form.
// Pure: the names in, the people out.

export interface Person {
  /** The fullest name the documents use: what the filter shows. */
  name: string;
  /** Every name the documents use for this person (the filter matches any). */
  names: string[];
}

/** Generational suffixes are part of the name, not its words ("Douglas MacArthur II"). */
const SUFFIX = /^(?:Jr\.?|Sr\.?|II|III|IV)$/;

const words = (name: string) =>
  name
    .replace(/,/g, " ")
    .split(/\s+/)
    .filter((word) => word !== "" && !SUFFIX.test(word));

/** "J." fits "John"; "Graham" fits "Graham". */
const givenFits = (short: string, long: string) =>
  short === long || (/^\p{Lu}\.$/u.test(short) && long.startsWith(short[0]!));

/**
 * Whether two full names can be one person: the same surname (last word) and given names that do
 * not contradict each other (one's given names all fit, in order, among the other's).
 */
function sameFullName(a: string[], b: string[]): boolean {
  if (a.at(-1) !== b.at(-1)) return false;
  const shorter =
    a.length < b.length || (a.length === b.length && a.join(" ").length <= b.join(" ").length);
  const [short, long] = shorter ? [a, b] : [b, a];
  let at = 0;
  for (const given of short.slice(0, -1)) {
    while (at < long.length - 1 && !givenFits(given, long[at]!)) at += 1;
    if (at >= long.length - 1) return false;
    at += 1;
  }
  return true;
}

/**
 * The people behind a list of participant names. A bare name ("Kishi") joins the one fuller name
 * it is a word of ("Nobusuke Kishi", or "Liao" of "Liao Chengzhi"); when two different people
 * share it, it stays apart rather than be guessed.
 */
export function groupPeople(names: readonly string[]): Person[] {
  const distinct = [...new Set(names.map((name) => name.trim()).filter(Boolean))];
  const full = distinct.filter((name) => words(name).length > 1);
  const bare = distinct.filter((name) => words(name).length <= 1);
  const people: Person[] = [];
  // Longest names first, so that each person is named by the fullest form.
  for (const name of [...full].sort(
    (a, b) => words(b).length - words(a).length || b.length - a.length,
  )) {
    const person = people.find((candidate) => sameFullName(words(candidate.name), words(name)));
    if (person) person.names.push(name);
    else people.push({ name, names: [name] });
  }
  for (const name of bare) {
    const word = words(name)[0] ?? name;
    const holders = people.filter((person) =>
      person.names.some((known) => words(known).includes(word)),
    );
    if (holders.length === 1) holders[0]!.names.push(name);
    else people.push({ name, names: [name] });
  }
  return people.sort((a, b) => a.name.localeCompare(b.name));
}

/** The person a filter value names (any of their names), or undefined. */
export function findPerson(people: readonly Person[], value: string): Person | undefined {
  return people.find((person) => person.names.includes(value.trim()));
}

/** The participants' shape this needs (importer and database alike). */
interface NamedParticipant {
  name: string;
  title?: string;
  role?: string;
}

/**
 * A document whose participants list only points to another document's ("[Here follows the same
 * list as Document 139.]") takes that list: each person it already knows from its text ("Kishi")
 * gets the full record under the id its turns use, and the others join. Nobody is dropped.
 */
export function participantsThrough<T extends NamedParticipant & { id: string }>(
  own: readonly T[],
  listed: readonly NamedParticipant[],
  newId: (person: NamedParticipant, taken: ReadonlySet<string>) => string,
): (NamedParticipant & { id: string })[] {
  const result: (NamedParticipant & { id: string })[] = [];
  const used = new Set<number>();
  for (const person of listed) {
    const at = own.findIndex(
      (mine, index) =>
        !used.has(index) &&
        findPerson(groupPeople([mine.name, person.name]), mine.name)?.names.includes(person.name),
    );
    if (at >= 0) used.add(at);
    const id =
      at >= 0
        ? own[at]!.id
        : newId(person, new Set([...own.map((p) => p.id), ...result.map((p) => p.id)]));
    // The list's title, else the one the text gave ("Prime Minister Kishi").
    const title = person.title ?? (at >= 0 ? own[at]!.title : undefined);
    result.push({
      id,
      name: person.name,
      ...(title ? { title } : {}),
      ...(person.role ? { role: person.role } : {}),
    });
  }
  return [...result, ...own.filter((_, index) => !used.has(index))];
}
