import { coreName, mergePeople, personOfName, personSlug, type MergedName } from "./merge";
import { officeOf, officesByDate, type Office } from "./offices";
import { nameWords } from "@/lib/importer/participants";

// People of the library, from the participants rows of the documents a viewer may read (the
// caller scopes the rows; nothing here reads the database). Pure.

/** One participants-list entry of one document, with what the people pages need of it. */
export interface ParticipantRow {
  id: string;
  name: string;
  label: string | null;
  title: string | null;
  role: string | null;
  turns: number;
  /** `edition`: which edition it is, where titles are shared (lib/library/edition-label.ts). */
  document: { slug: string; title: string; date: string | null; edition?: string | null };
}

export interface PersonDocument {
  slug: string;
  title: string;
  date: string | null;
  edition?: string | null;
  /** The office this document's list gives them, if any. */
  office: string | null;
  turns: number;
}

export interface Person {
  name: string;
  slug: string;
  /** Every form the documents use, with where each merge came from. */
  names: (MergedName & { documents: string[] })[];
  offices: Office[];
  /** Their documents, in date order (undated last). */
  documents: PersonDocument[];
  /** Addresses that find this person: the slug of each name merged (not labels or titles). */
  slugs: string[];
  /** Participants rows: their turns are the person's turns. */
  participantIds: string[];
  turns: number;
  first: string | null;
  last: string | null;
}

const byDate = (
  a: { date: string | null; title: string },
  b: { date: string | null; title: string },
) =>
  a.date === b.date
    ? a.title.localeCompare(b.title)
    : a.date === null
      ? 1
      : b.date === null
        ? -1
        : a.date < b.date
          ? -1
          : 1;

/**
 * The people behind participants rows, each once. Besides the names merged (lib/people/merge.ts),
 * a person's forms include the short labels their documents give them ("Liao", "the Ambassador")
 * and title + surname as the text addresses them ("Prime Minister Kishi"), each with its source.
 */
export function buildPeople(rows: readonly ParticipantRow[]): Person[] {
  const merged = mergePeople(rows.map((row) => row.name));
  return merged
    .map((person) => {
      const mine = rows.filter((row) => personOfName([person], row.name));
      const names: Person["names"] = person.names.map((name) => ({
        ...name,
        documents: [
          ...new Set(mine.filter((row) => row.name === name.form).map((row) => row.document.slug)),
        ],
      }));
      const addForm = (form: string, because: string, slug: string) => {
        const known = names.find((name) => name.form === form);
        if (known) {
          if (!known.documents.includes(slug)) known.documents.push(slug);
        } else names.push({ form, because, documents: [slug] });
      };
      for (const row of mine) {
        if (row.label && row.label !== row.name)
          addForm(
            row.label,
            `the label “${row.document.title}” gives ${row.name}`,
            row.document.slug,
          );
        const surname = nameWords(coreName(row.name).core).at(-1);
        if (row.title && surname)
          addForm(
            `${officeOf({ title: row.title, role: null }) ?? row.title} ${surname}`,
            `title and surname, as the participants lists give them`,
            row.document.slug,
          );
      }
      const bySlug = new Map<string, PersonDocument>();
      for (const row of mine) {
        const known = bySlug.get(row.document.slug);
        const office = officeOf(row);
        if (known) {
          known.turns += row.turns;
          known.office ??= office;
        } else bySlug.set(row.document.slug, { ...row.document, office, turns: row.turns });
      }
      const documents = [...bySlug.values()].sort(byDate);
      const dated = documents.flatMap((document) => (document.date ? [document.date] : []));
      return {
        name: person.name,
        slug: person.slug,
        names,
        offices: officesByDate(
          mine.map((row) => ({ ...row, slug: row.document.slug, date: row.document.date })),
        ),
        documents,
        slugs: [...new Set([person.slug, ...person.names.map((name) => personSlug(name.form))])],
        participantIds: mine.map((row) => row.id),
        turns: mine.reduce((sum, row) => sum + row.turns, 0),
        first: dated[0] ?? null,
        last: dated.at(-1) ?? null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
