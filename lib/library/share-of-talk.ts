/**
 * Share of talk: how much each speaker says in a document, in turns and in words.
 *
 * A word is a run of letters or digits, with apostrophes, hyphens and periods inside it
 * ("don't", "U.S.-Japanese" is one); in Chinese and Japanese, which do not space words, each
 * character counts as one (the usual measure of length there). A regular expression rather than
 * Intl.Segmenter: the segmenter took seconds on a 2,000-turn document, the expression
 * milliseconds, and the counts serve a proportion, not a lexicon.
 */

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const WORD = /[\p{L}\p{N}]+(?:['’.\-]+[\p{L}\p{N}]+)*/gu;

export function wordCount(text: string): number {
  const characters = text.match(CJK)?.length ?? 0;
  const words = text.replace(CJK, " ").match(WORD)?.length ?? 0;
  return characters + words;
}

export type SpeakerShare = {
  speakerId: string;
  turns: number;
  words: number;
  /** Fractions of all the document's attributed turns and words (0 when there are none). */
  turnShare: number;
  wordShare: number;
};

/**
 * Turns and words per speaker, in the order of `speakers` (the participants list), for the
 * speakers who say anything. Turns without a speaker (headings, notes) count for no one.
 */
export function shareOfTalk(
  turns: readonly { speakerId: string | null; text: string }[],
  speakers: readonly { id: string }[],
): SpeakerShare[] {
  const tally = new Map<string, { turns: number; words: number }>();
  for (const turn of turns) {
    if (!turn.speakerId) continue;
    const counts = tally.get(turn.speakerId) ?? { turns: 0, words: 0 };
    counts.turns += 1;
    counts.words += wordCount(turn.text);
    tally.set(turn.speakerId, counts);
  }
  let allTurns = 0;
  let allWords = 0;
  for (const counts of tally.values()) {
    allTurns += counts.turns;
    allWords += counts.words;
  }
  return speakers.flatMap(({ id }) => {
    const counts = tally.get(id);
    if (!counts) return [];
    return [
      {
        speakerId: id,
        ...counts,
        turnShare: allTurns ? counts.turns / allTurns : 0,
        wordShare: allWords ? counts.words / allWords : 0,
      },
    ];
  });
}

// A document's turns are one array for as long as its body is cached (lib/library/document.ts),
// so its counts are worked out once per import rather than on every page view.
const counted = new WeakMap<object, SpeakerShare[]>();

/** shareOfTalk, remembered for the same turns array. */
export function shareOfTalkOnce(
  turns: readonly { speakerId: string | null; text: string }[],
  speakers: readonly { id: string }[],
): SpeakerShare[] {
  const known = counted.get(turns);
  if (known) return known;
  const shares = shareOfTalk(turns, speakers);
  counted.set(turns, shares);
  return shares;
}
