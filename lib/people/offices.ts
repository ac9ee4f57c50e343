import { isHonorific } from "@/lib/importer/participants";

// Offices by date, from the participants lists: each document lists a person with a title
// ("Prime Minister") and/or a role ("Ambassador E. & P., Embassy of Japan") on the day it records.
// Pure: the appearances in, the offices out.

export interface Appearance {
  /** The document's ISO date (YYYY, YYYY-MM or YYYY-MM-DD), or null when it gives none. */
  date: string | null;
  slug: string;
  /** Form of address or office printed before the name ("Mr.", "Prime Minister"). */
  title: string | null;
  /** The office or description after the name ("Secretary of State"). */
  role: string | null;
}

export interface Office {
  /** As the first document that lists it prints it (a repeated word removed, see below). */
  office: string;
  /** Earliest and latest dated documents listing it (null: only undated ones do). */
  from: string | null;
  to: string | null;
  /** The documents, in date order. */
  slugs: string[];
}

/**
 * The office a participants list gives: the role after the name, else the title before it unless
 * that is only a form of address ("Mr."). A word printed twice in a row is printed once: the FRUS
 * TEI of 1958–60 vol. XVIII doc. 139 lists "Prime Minister Minister Nobusuke Kishi".
 */
export function officeOf(appearance: Pick<Appearance, "title" | "role">): string | null {
  const text =
    appearance.role?.trim() ||
    (isHonorific(appearance.title ?? undefined) ? "" : appearance.title?.trim());
  if (!text) return null;
  return text.replace(/\b(\p{L}+)(\s+\1\b)+/gu, "$1").replace(/\s+/g, " ");
}

/** Two printings of one office compare equal: "E. and P." is "E. & P.", case and spaces aside. */
const officeKey = (office: string) =>
  office
    .toLowerCase()
    .replace(/\s+&\s+/g, " and ")
    .replace(/[.,]/g, "")
    .replace(/\s+/g, " ")
    .trim();

/** Undated documents sort after dated ones. */
const byDate = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;

/** Each office once, with the span of dates the documents list it, earliest first. */
export function officesByDate(appearances: readonly Appearance[]): Office[] {
  const offices = new Map<string, Office>();
  const sorted = [...appearances].sort((a, b) => byDate(a.date, b.date));
  for (const appearance of sorted) {
    const office = officeOf(appearance);
    if (!office) continue;
    const key = officeKey(office);
    const known = offices.get(key);
    if (!known) {
      offices.set(key, {
        office,
        from: appearance.date,
        to: appearance.date,
        slugs: [appearance.slug],
      });
      continue;
    }
    if (!known.slugs.includes(appearance.slug)) known.slugs.push(appearance.slug);
    if (appearance.date !== null) {
      if (known.from === null || appearance.date < known.from) known.from = appearance.date;
      if (known.to === null || appearance.date > known.to) known.to = appearance.date;
    }
  }
  return [...offices.values()].sort((a, b) => byDate(a.from, b.from));
}
