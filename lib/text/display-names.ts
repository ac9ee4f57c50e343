import unhomoglyph from "unhomoglyph";

// Display names are chosen by their owners (sign-up, an OAuth provider's profile), and shown to
// others where it matters who is who: the roster, the assignment dashboard. Two tricks make one
// person look like another: direction controls ("\u202enimdA etiS" shows as "Site Admin") and
// look-alike letters from another script (a Cyrillic "а" in "Hаna Mori"). Direction and
// invisible formatting characters are removed wherever a name is shown or saved; look-alikes
// are flagged, using Unicode TR39: the mixed-script test (with the usual Latin + Han + kana /
// Hangul / Bopomofo combinations allowed) and skeletons (confusables.txt, from the maintained
// `unhomoglyph` package) to find a name that imitates another one on the same list.

/** Bidi embeddings, overrides, isolates and marks; zero-width and other invisible formatting. */
const INVISIBLE_FORMATTING =
  /[\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb]/gu;

/** The name without direction controls or invisible characters, spaces collapsed. */
export function cleanDisplayName(name: string): string {
  return name.replace(INVISIBLE_FORMATTING, "").replace(/\s+/gu, " ").trim();
}

/** TR39 skeleton: NFD, each character replaced by its prototype, NFD again. */
export function skeleton(text: string): string {
  return unhomoglyph(cleanDisplayName(text).normalize("NFD")).normalize("NFD");
}

const SCRIPTS = [
  "Latin",
  "Cyrillic",
  "Greek",
  "Armenian",
  "Georgian",
  "Cherokee",
  "Hebrew",
  "Arabic",
  "Devanagari",
  "Bengali",
  "Thai",
  "Lao",
  "Ethiopic",
  "Han",
  "Hiragana",
  "Katakana",
  "Hangul",
  "Bopomofo",
] as const;
type Script = (typeof SCRIPTS)[number] | "Other";
const SCRIPT_TESTS = SCRIPTS.map(
  (script) => [script, new RegExp(`\\p{Script=${script}}`, "u")] as const,
);

/** The scripts of a text's letters (Common and Inherited characters belong to none). */
export function scriptsOf(text: string): Set<Script> {
  const found = new Set<Script>();
  for (const char of text) {
    if (!/\p{L}/u.test(char)) continue;
    found.add(SCRIPT_TESTS.find(([, test]) => test.test(char))?.[0] ?? "Other");
  }
  return found;
}

/** TR39's "highly restrictive" combinations: one script, or Latin with one CJK writing system. */
const ALLOWED_MIXES: ReadonlySet<Script>[] = [
  new Set(["Latin", "Han", "Hiragana", "Katakana"]),
  new Set(["Latin", "Han", "Bopomofo"]),
  new Set(["Latin", "Han", "Hangul"]),
];

export function isMixedScript(text: string): boolean {
  const scripts = scriptsOf(text);
  if (scripts.size <= 1) return false;
  return !ALLOWED_MIXES.some((allowed) => [...scripts].every((script) => allowed.has(script)));
}

/**
 * A warning per person whose name may pass for someone else's on this list: it mixes scripts,
 * or it looks like (same skeleton as) another person's different name. Absent: nothing seen.
 */
export function nameWarnings(
  people: readonly { id: string; name: string | null }[],
): Map<string, string> {
  const warnings = new Map<string, string>();
  const bySkeleton = new Map<string, { id: string; name: string }[]>();
  for (const person of people) {
    if (!person.name) continue;
    const key = skeleton(person.name);
    bySkeleton.set(key, [...(bySkeleton.get(key) ?? []), { id: person.id, name: person.name }]);
  }
  for (const person of people) {
    if (!person.name) continue;
    const shown = cleanDisplayName(person.name);
    const twin = bySkeleton
      .get(skeleton(person.name))!
      .find((other) => other.id !== person.id && cleanDisplayName(other.name) !== shown);
    if (isMixedScript(shown)) {
      const scripts = [...scriptsOf(shown)].filter((script) => script !== "Other").join(" and ");
      warnings.set(
        person.id,
        `This name mixes ${scripts || "different"} letters${twin ? ` and looks like ${cleanDisplayName(twin.name)}` : ""}: check the email.`,
      );
    } else {
      // A plain name is flagged only beside another plain one it could pass for (say, all
      // Cyrillic against all Latin); beside a mixed one, that one carries the warning.
      const plainTwin = bySkeleton
        .get(skeleton(person.name))!
        .find(
          (other) =>
            other.id !== person.id &&
            cleanDisplayName(other.name) !== shown &&
            !isMixedScript(cleanDisplayName(other.name)),
        );
      if (plainTwin)
        warnings.set(
          person.id,
          `This name looks like ${cleanDisplayName(plainTwin.name)}: check the email.`,
        );
    }
  }
  return warnings;
}
