import { groupPeople } from "@/lib/library/people";
import { asciiWords } from "@/lib/importer/text";
import { nameWords, splitTitle } from "@/lib/importer/participants";

// The people merge: which of the names the documents use ("KISHI", "Prime Minister Kishi",
// "Mr. Kishi", "Kishi", "Nobusuke Kishi") are one person, and why. Pure: names in, people out.
//
// The rule, in order:
// 1. A name's form of address or office is not part of it: "Prime Minister Kishi" and "Mr. Kishi"
//    are "Kishi" (the importer's title list, so the reader and the merge agree on what a title is).
// 2. Capitals are typography: "KISHI" is "Kishi", "TANAKA Akihiko" is "Tanaka Akihiko".
// 3. The same words in the other order are one name ("Tanaka Akihiko", "Akihiko Tanaka"): East
//    Asian names are printed surname first in one record and last in another.
// 4. Full names join when the surname is the same and the given names do not contradict each
//    other ("J. Graham Parsons", "Graham Parsons"), as the library's participant filter does.
// 5. A bare surname ("Kishi") joins the one fuller name it belongs to ("Nobusuke Kishi"). When two
//    different people share it ("Sato Eisaku", "Sato Shoji") it stays a person of its own: a
//    wrong merge puts one man's words in another's mouth; a missed one only splits a page.

export interface MergedName {
  /** The name as a document printed it. */
  form: string;
  /** Why it is this person's (absent for the name the person is listed under). */
  because?: string;
}

export interface MergedPerson {
  /** The fullest name the documents use, without title, in the documents' capitals. */
  name: string;
  /** Stable address: /people/<slug>. */
  slug: string;
  /** Every form, the listed name first. */
  names: MergedName[];
}

/** Roman numerals stay in capitals ("Douglas MacArthur II"). */
const NUMERAL = /^(?:I|II|III|IV|V|VI)$/;

/** "KISHI" -> "Kishi"; "MacArthur" and "II" unchanged. */
function unshout(word: string): string {
  if (NUMERAL.test(word) || !/\p{Lu}{2}/u.test(word) || /\p{Ll}/u.test(word)) return word;
  return word.charAt(0) + word.slice(1).toLowerCase();
}

/** The name a form stands for: no title, no capitals for emphasis. */
export function coreName(form: string): { core: string; title?: string; shouted: boolean } {
  const trimmed = form.trim().replace(/\s+/g, " ");
  const words = trimmed.split(" ");
  const quiet = words.map(unshout).join(" ");
  const shouted = quiet !== trimmed;
  const { title, name } = splitTitle(quiet);
  return { core: name, ...(title ? { title } : {}), shouted };
}

/** The address of a name: lowercase ASCII words joined by hyphens ("nobusuke-kishi"). */
export function personSlug(name: string): string {
  return asciiWords(coreName(name).core).join("-") || "person";
}

const sameWords = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((word, index) => word === b[index]);

/** Why `core` (a name without title) is the same person as `name`, in a sentence. */
function joinReason(core: string, name: string): string {
  const mine = nameWords(core);
  const theirs = nameWords(name);
  if (mine.length <= 1)
    return `“${core}” is a name of “${name}”, the only person in these documents it can belong to`;
  if (sameWords([...mine].reverse(), theirs))
    return `“${core}” is “${name}” in the other order (surname first)`;
  return `“${core}” and “${name}” share the surname and their given names agree`;
}

/** How a printed form became its core name, or undefined when it is the name itself. */
function formReason(form: string): string | undefined {
  const { core, title, shouted } = coreName(form);
  const parts: string[] = [];
  if (title) parts.push(`“${title}” is a title`);
  if (shouted) parts.push("printed in capitals");
  return parts.length ? `“${form}” is “${core}” (${parts.join("; ")})` : undefined;
}

/**
 * The people behind the names the documents use, each once, with every form and the reason it
 * joined. Sorted by name.
 */
export function mergePeople(forms: readonly string[]): MergedPerson[] {
  const printed = [...new Set(forms.map((form) => form.trim().replace(/\s+/g, " ")))].filter(
    Boolean,
  );
  // Rules 1-2: each form's core name.
  const coreOf = new Map(printed.map((form) => [form, coreName(form).core]));
  // Rule 3: a name in the other order is read as the first one seen.
  const cores: string[] = [];
  const orderOf = new Map<string, string>();
  for (const core of new Set(coreOf.values())) {
    const reversed = [...nameWords(core)].reverse();
    const earlier =
      reversed.length > 1 ? cores.find((seen) => sameWords(nameWords(seen), reversed)) : undefined;
    if (earlier) orderOf.set(core, earlier);
    else cores.push(core);
  }
  // Rules 4-5.
  const grouped = groupPeople(cores);
  return grouped.map((group) => {
    const names: MergedName[] = [{ form: group.name }];
    const add = (form: string, because: string | undefined) => {
      if (!names.some((known) => known.form === form))
        names.push(because ? { form, because } : { form });
    };
    for (const core of group.names)
      if (core !== group.name) add(core, joinReason(core, group.name));
    for (const [core, read] of orderOf)
      if (group.names.includes(read)) add(core, joinReason(core, read));
    for (const form of printed) {
      const core = coreOf.get(form)!;
      if (group.names.includes(core) || group.names.includes(orderOf.get(core) ?? "")) {
        if (form !== core) add(form, formReason(form));
      }
    }
    return { name: group.name, slug: personSlug(group.name), names };
  });
}

/** The person a printed name belongs to, among merged people. */
export function personOfName(
  people: readonly MergedPerson[],
  form: string,
): MergedPerson | undefined {
  const wanted = form.trim().replace(/\s+/g, " ");
  return people.find((person) => person.names.some((name) => name.form === wanted));
}

/**
 * The person an address names: their own slug, or the slug of any of their names (an address
 * made when the library knew only "Kishi" still finds him once "Nobusuke Kishi" arrives).
 */
export function personOfSlug(
  people: readonly MergedPerson[],
  slug: string,
): MergedPerson | undefined {
  return (
    people.find((person) => person.slug === slug) ??
    people.find((person) => person.names.some((name) => personSlug(name.form) === slug))
  );
}
