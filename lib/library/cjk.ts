// Chinese, Japanese and Korean text in search. PostgreSQL's full-text parser does not segment
// CJK (a run of kanji is one "word", so 佐藤 never matches 佐藤大使), and the English stemmer is
// meaningless for it. Each turn's CJK runs are indexed as overlapping character bigrams
// ("佐藤大使" -> 佐藤 藤大 大使, plus the run's last character), so a query is a phrase of its own
// bigrams and a two-character word, the usual CJK query, is an exact index hit.
//
// Why bigrams rather than pg_trgm: pg_trgm is an extension (CREATE EXTENSION needs rights a
// hosted DATABASE_URL may not give), it extracts trigrams only from characters the database's
// locale calls alphanumeric (under the C locale CJK characters are not), and it cannot use its
// index for a two-character query. Bigrams need nothing but the built-in "simple" configuration.

const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々〆]+/gu;

/** The CJK runs of a text, in order. */
export function cjkRuns(text: string): string[] {
  return [...text.matchAll(CJK_RUN)].map((match) => match[0]);
}

const bigramsOf = (run: string) => {
  const chars = [...run];
  const grams = chars.slice(0, -1).map((char, index) => char + chars[index + 1]!);
  return [...grams, chars.at(-1)!];
};

/** The indexed form of a turn's text: its CJK bigrams, space-separated; null when it has none. */
export function cjkBigrams(text: string): string | null {
  const runs = cjkRuns(text);
  return runs.length > 0 ? runs.flatMap(bigramsOf).join(" ") : null;
}

/**
 * A tsquery (configuration "simple") for the CJK runs of a query: each run a phrase of its
 * bigrams, a single character a prefix; runs and-ed. Undefined when the query has no CJK.
 */
export function cjkTsQuery(query: string): string | undefined {
  const runs = cjkRuns(query);
  if (runs.length === 0) return undefined;
  return runs
    .map((run) => {
      const chars = [...run];
      if (chars.length === 1) return `'${run}':*`;
      const grams = chars.slice(0, -1).map((char, index) => `'${char}${chars[index + 1]!}'`);
      return grams.length === 1 ? grams[0]! : `(${grams.join(" <-> ")})`;
    })
    .join(" & ");
}
