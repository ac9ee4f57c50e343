import type { TurnText } from "@/lib/anchoring";

// Turns from the "Record of the Third Conversation between Comrade Liao Chengzhi and Ishibashi
// Tanzan", 14 September 1959 (Wilson Center Digital Archive, PRC FMA 105-00669-02), as the
// importer stores them: the speaker is a separate field, the text is the utterance.

export interface FixtureTurn extends TurnText {
  speaker: "Liao" | "Ishibashi";
}

export const liaoIshibashi: FixtureTurn[] = [
  {
    anchor: 1,
    speaker: "Liao",
    text: "Premier Zhou [Enlai] sends you his greetings, and would like to know whether you have other opinions.",
  },
  {
    anchor: 2,
    speaker: "Ishibashi",
    text: "Japan cannot cut its ties with the United States right now. Therefore, it would be impossible to enter into further negotiations if the third point listed in my letter to Premier Zhou is not given careful consideration.",
  },
  {
    anchor: 3,
    speaker: "Liao",
    text: "If the prerequisite for further negotiations is to accept the numerous American military bases in Japan, then it is indeed impossible to talk.",
  },
  {
    anchor: 4,
    speaker: "Ishibashi",
    text: 'Terms like "legalized" are unnecessary. Japan cannot remove all the military bases at once.',
  },
  {
    anchor: 5,
    speaker: "Liao",
    text: "We paid for our lessons in blood. Millions of Chinese people died.",
  },
  { anchor: 6, speaker: "Ishibashi", text: "That is also true." },
  {
    anchor: 7,
    speaker: "Liao",
    text: "The United States attempted to make China its 50th state, but this could never be achieved.",
  },
  { anchor: 8, speaker: "Ishibashi", text: "That is also true." },
];

/** The header turns of the same record, with the archive's redaction boxes, plus astral characters. */
export const unicodeTurns: TurnText[] = [
  { anchor: 21, text: "Note-taker: □□□ □□" },
  // 𠮷 (U+20BB7, the "tsuchi-yoshi" of 𠮷田) and 🤝 are surrogate pairs: two code units each.
  { anchor: 22, text: "東京発 telegram for Mr. 𠮷田 □□□" },
  { anchor: 23, text: "Ishibashi: (Expressing consent) 🤝 None." },
];

/** A copy of the turns with some replaced (by anchor), removed or inserted: a re-import. */
export function revise(
  turns: readonly TurnText[],
  edit: (turn: TurnText) => TurnText | TurnText[] | null,
): TurnText[] {
  return turns.flatMap((turn) => {
    const result = edit({ anchor: turn.anchor, text: turn.text });
    return result === null ? [] : result;
  });
}
