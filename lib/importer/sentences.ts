// Sentences of a paragraph, as exact slices of its text: statement-level attribution splits a
// paragraph only between sentences, so the turns' words joined back give the paragraph unchanged.

/** Words ending in a full stop that do not end a sentence ("Mr. Kishi", "Messrs. Ishibashi"). */
export const ABBREVIATIONS = new Set([
  "Mr",
  "Mrs",
  "Ms",
  "Dr",
  "Messrs",
  "St",
  "Jr",
  "Sr",
  "No",
  "Nos",
  "Gen",
  "Lt",
  "Col",
  "Capt",
  "Adm",
  "Sen",
  "Gov",
  "Rep",
  "Amb",
  "Vol",
  "pp",
  "p",
  "cf",
  "vs",
  "viz",
  "Dept",
  "Co",
  "Corp",
  "Inc",
]);

/**
 * After a dotted abbreviation ("U.S.", "p.m.") a sentence ends only when one of these words
 * follows: "... consulting with the U.S. He felt ..." ends; "the U.S. Delegate" does not.
 */
export const SENTENCE_STARTERS = new Set([
  "He",
  "She",
  "It",
  "They",
  "We",
  "I",
  "The",
  "This",
  "That",
  "These",
  "Those",
  "There",
  "However",
  "In",
  "As",
  "If",
  "When",
  "After",
  "Subsequently",
  "Mr.",
  "Ambassador",
  "Secretary",
  "Prime",
  "Vice",
  "General",
]);

export interface Sentence {
  text: string;
  /** Offset of the sentence in the paragraph's text. */
  start: number;
}

/** Where a candidate boundary is: end punctuation, closers, a glued note mark, then space. */
const BOUNDARY =
  /([.?!])(["”’)\]]*)(?:\d{1,2}|\*\d{1,2}\*)?(\s+)(?=[“"‘(\[\p{Lu}\p{N}]|[\p{Lo}])/gu;

function wordBefore(text: string, end: number): string {
  const match = /(\S+)$/.exec(text.slice(0, end));
  return match ? match[1]! : "";
}

function wordAfter(text: string, start: number): string {
  return /^\S+/.exec(text.slice(start))?.[0] ?? "";
}

/** Quote and parenthesis depth at every position; undefined when they do not balance. */
function nestingDepths(text: string): Uint16Array | undefined {
  const depth = new Uint16Array(text.length + 1);
  let curly = 0;
  let straight = false;
  let parens = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (char === "“") curly += 1;
    else if (char === "”") curly = Math.max(0, curly - 1);
    else if (char === '"') straight = !straight;
    else if (char === "(") parens += 1;
    else if (char === ")") parens = Math.max(0, parens - 1);
    depth[index + 1] = curly + (straight ? 1 : 0) + parens;
  }
  return depth[text.length] === 0 ? depth : undefined;
}

function endsSentence(text: string, punctuationAt: number, next: number): boolean {
  if (text[punctuationAt] !== ".") return true;
  const word = wordBefore(text, punctuationAt + 1).replace(/^[“"‘(\[]+/, "");
  const bare = word.slice(0, -1);
  if (ABBREVIATIONS.has(bare)) return false;
  // A lone initial ("Christian A. Herter", "E. and P.").
  if (/^\p{Lu}$/u.test(bare)) return false;
  // A dotted abbreviation ("U.S.", "p.m."): only before a word that starts sentences.
  if (/\p{L}\.\p{L}/u.test(word)) return SENTENCE_STARTERS.has(wordAfter(text, next));
  return true;
}

/**
 * The paragraph's sentences. Quotations and parentheses are never split (a quoted statement is
 * one unit, and an editor's parenthesis is one statement), unless they do not balance.
 */
export function splitSentences(text: string): Sentence[] {
  const depth = nestingDepths(text);
  const sentences: Sentence[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const punctuationAt = match.index;
    const spaceAt = punctuationAt + match[0].length - match[3]!.length;
    const next = punctuationAt + match[0].length;
    if (depth && depth[spaceAt] !== 0) continue;
    if (!endsSentence(text, punctuationAt, next)) continue;
    sentences.push({ text: text.slice(start, spaceAt), start });
    start = next;
  }
  if (start < text.length) sentences.push({ text: text.slice(start), start });
  return sentences;
}
