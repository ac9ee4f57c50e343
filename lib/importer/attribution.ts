import { isHonorific, nameWords, splitTitle } from "./participants";
import type { Participant } from "./types";

// Reported speech ("The Secretary said that ...") carries no speaker label. A paragraph is
// attributed to a participant only when the grammatical subject at its start names one without
// doubt: a name ("Mr. Kishi", "Ambassador Tani") or a title ("the Prime Minister") that fits
// exactly one participant. Pronouns, countries, institutions and ambiguous titles stay unattributed.

export interface AttributionOptions {
  /** The participant a first-person "I" refers to (a cable's sender); otherwise "I" is unsure. */
  firstPerson?: string;
  /**
   * Participants who spoke last, most recent first: a title two participants share ("the
   * Ambassador") means the one of them in the exchange under way.
   */
  recent?: readonly string[];
}

/** Subjects that never name a participant by themselves. */
const PRONOUNS = new Set([
  "He",
  "She",
  "It",
  "They",
  "We",
  "You",
  "This",
  "That",
  "These",
  "Those",
  "There",
  "Its",
  "His",
  "Her",
  "Their",
  "Our",
  "One",
  "Both",
  "Neither",
  "Each",
  "All",
]);
const CAPITALISED = /^\p{Lu}[\p{L}'’.-]*,?$/u;
const POSSESSIVE = /['’]s,?$/;
/** "1. ", "1) ", "(2) ", "(a) " and inline page markers before the first word. */
const LEADING_FURNITURE = /^(?:\s*(?:\[Page [0-9ivxlcdm]+\]|\(?\d+[.)]|\([a-z]\))\s+)+/i;

type Attempt = { id: string } | { unsure: true; candidates?: string[] } | { noSubject: true };

/** Offices a participant holds, for matching "the Secretary": title and role heads. */
function officesOf(participant: Participant): string[] {
  const offices: string[] = [];
  if (participant.title && !isHonorific(participant.title)) offices.push(participant.title);
  if (participant.role) offices.push(participant.role.split(",")[0]!.trim());
  return offices;
}

const startsWithWords = (text: string, prefix: string) =>
  `${text.toLowerCase()} `.startsWith(`${prefix.toLowerCase()} `);

function unique(candidates: readonly Participant[]): Attempt {
  if (candidates.length === 1) return { id: candidates[0]!.id };
  return candidates.length === 0
    ? { noSubject: true }
    : { unsure: true, candidates: candidates.map((candidate) => candidate.id) };
}

/** Of several candidates, the one who spoke most recently, if any did. */
function byRecency(attempt: Attempt, options: AttributionOptions): Attempt {
  if (!("unsure" in attempt) || !attempt.candidates) return attempt;
  const recent = options.recent?.find((id) => attempt.candidates!.includes(id));
  return recent ? { id: recent } : attempt;
}

/** "the Ambassador": an explicit label first, then the one participant holding that office. */
function resolveOffice(office: string, participants: readonly Participant[]): Attempt {
  const labelled = participants.filter(
    (p) => p.label?.toLowerCase() === `the ${office.toLowerCase()}`,
  );
  if (labelled.length > 0) return unique(labelled);
  const holders = participants.filter((p) =>
    officesOf(p).some((held) => startsWithWords(held, office)),
  );
  return holders.length === 0 ? { unsure: true } : unique(holders);
}

/** "Ambassador Tani", "Mr. Kishi", "Masuhara": by name words, the title breaking ties. */
function resolveName(phrase: string, participants: readonly Participant[]): Attempt {
  const byLabel = participants.filter((p) => p.label === phrase);
  if (byLabel.length > 0) return unique(byLabel);
  const { title, name } = splitTitle(phrase);
  const words = nameWords(name);
  if (title && words.length === 0) return resolveOffice(title, participants);
  let candidates = byName(words, participants);
  if (candidates.length === 0 && !title) {
    // "Treaties Division Director Saito": an office this module does not know, then a title it does.
    const phraseWords = phrase.split(/\s+/);
    for (let start = 1; start < phraseWords.length && candidates.length === 0; start += 1) {
      const shorter = splitTitle(phraseWords.slice(start).join(" "));
      if (shorter.title) candidates = byName(nameWords(shorter.name), participants);
    }
  }
  if (candidates.length > 1 && title) {
    candidates = candidates.filter(
      (p) => p.title === title || officesOf(p).some((held) => startsWithWords(held, title)),
    );
  }
  return unique(candidates);
}

function byName(words: readonly string[], participants: readonly Participant[]): Participant[] {
  return participants.filter((p) => {
    const known = nameWords(p.name);
    const ends = [known[0], known.at(-1)];
    return ends.includes(words.at(-1)) && words.every((word) => known.includes(word));
  });
}

/** Read the subject at the very start of `text` and resolve it. */
function attemptAt(
  text: string,
  participants: readonly Participant[],
  options: AttributionOptions,
): Attempt {
  const tokens = text.split(/\s+/);
  const first = tokens[0] ?? "";
  if (first === "I" || first === "I,")
    return options.firstPerson ? { id: options.firstPerson } : { unsure: true };
  if (PRONOUNS.has(first.replace(/,$/, ""))) return { unsure: true };

  const isArticle = first === "The" || first === "the";
  const phrase: string[] = [];
  let index = isArticle ? 1 : 0;
  for (; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    const joinsOffice = isArticle && token === "of" && CAPITALISED.test(tokens[index + 1] ?? "");
    if (!CAPITALISED.test(token) && !joinsOffice) break;
    if (POSSESSIVE.test(token)) return { noSubject: true }; // "Secretary Herter's approval"
    phrase.push(token.replace(/,$/, ""));
    if (token.endsWith(",")) {
      index += 1;
      break;
    }
  }
  const next = tokens[index];
  const endedByComma = tokens[index - 1]?.endsWith(",") ?? false;
  if (phrase.length === 0 || next === undefined) return { noSubject: true };
  if (next === "and" || next === "or" || next === "&") return { unsure: true }; // two subjects
  if (!endedByComma && !/^\p{Ll}/u.test(next)) return { noSubject: true };
  const subject = phrase.join(" ");
  return byRecency(
    isArticle ? resolveOffice(subject, participants) : resolveName(subject, participants),
    options,
  );
}

/** How far into a sentence an introductory clause may run before the subject. */
const MAX_INTRO = 200;

/**
 * The id of the participant who is the subject of the paragraph's first sentence, or undefined
 * when that is not certain. Introductory phrases or clauses ending in commas ("Subsequently,",
 * "After finishing the explanation,", "When I said that ..., when ..., Vice Minister Han said")
 * may precede the subject; the first comma after which a participant stands as subject wins.
 */
export function attributeSpeaker(
  paragraph: string,
  participants: readonly Participant[],
  options: AttributionOptions = {},
): string | undefined {
  const text = paragraph.replace(LEADING_FURNITURE, "").trim();
  const attempt = attemptAt(text, participants, options);
  if ("id" in attempt) return attempt.id;
  if ("unsure" in attempt) return undefined;
  for (const comma of text.slice(0, MAX_INTRO).matchAll(/,\s+/g)) {
    const intro = text.slice(0, comma.index);
    if (/[“”"]/.test(intro)) return undefined; // a quotation is not an introductory phrase
    const afterIntro = attemptAt(text.slice(comma.index + comma[0].length), participants, options);
    if ("id" in afterIntro) return afterIntro.id;
  }
  return undefined;
}
