// Original-language text (a Japanese cable form, a Chinese record) is kept as `original` turns
// tagged with a BCP 47 language. Telegram headers may be kanji only, so kana alone cannot decide.

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;
/** Kanji in their post-war Japanese forms, written differently in both Chinese scripts. */
const JAPANESE_ONLY_KANJI = /[発総駅歩払読戦図広転伝売営円拠脳悪齢効経済渋桜]/u;

/** True when most of the text's letters are Chinese, Japanese or Korean characters. */
export function isMostlyCjk(text: string): boolean {
  const letters = text.replace(/[\s\d\p{P}\p{S}]/gu, "");
  if (letters.length === 0) return false;
  return (text.match(CJK)?.length ?? 0) / letters.length >= 0.5;
}

/** "ja", "ko" or "zh" for a CJK text. */
export function cjkLanguage(text: string): "ja" | "ko" | "zh" {
  if (KANA.test(text) || JAPANESE_ONLY_KANJI.test(text)) return "ja";
  if (HANGUL.test(text)) return "ko";
  return "zh";
}
