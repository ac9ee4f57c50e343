import { describe, expect, it } from "vitest";
import { shareOfTalk, wordCount } from "@/lib/library/share-of-talk";
import { contentDocument } from "../citations/content-document";

describe("wordCount", () => {
  it("counts words as a reader would, abbreviations and contractions whole", () => {
    expect(wordCount("Premier Zhou [Enlai] sends you his greetings.")).toBe(7);
    expect(wordCount("U.S.-Japanese relations don’t change — in 1959.")).toBe(6);
    expect(wordCount("  ")).toBe(0);
  });

  it("counts each character of Chinese and Japanese, which do not space words", () => {
    expect(wordCount("周恩来总理向您问候。")).toBe(9);
    expect(wordCount("日米安保条約 and the treaty")).toBe(9);
  });
});

describe("shareOfTalk", () => {
  it("gives the Liao–Ishibashi transcript's turns and words per speaker", () => {
    // Checked by hand: grep -c '^**Liao:**' is 31, '^**Ishibashi:**' 30; their text through
    // `wc -w` is 1,118 and 744 words.
    const document = contentDocument("1959-09-14-liao-ishibashi-third-conversation");
    const turns = document.turns.map((turn) => ({
      speakerId: turn.speaker ?? null,
      text: turn.text,
    }));
    const shares = shareOfTalk(turns, document.participants);
    expect(shares.map(({ speakerId, turns, words }) => ({ speakerId, turns, words }))).toEqual([
      { speakerId: "liao", turns: 31, words: 1118 },
      { speakerId: "ishibashi", turns: 30, words: 744 },
    ]);
    expect(shares[0]!.turnShare + shares[1]!.turnShare).toBeCloseTo(1);
    expect(shares[0]!.wordShare).toBeCloseTo(1118 / 1862);
  });

  it("counts no one for unattributed turns and leaves out the silent, in participants' order", () => {
    const shares = shareOfTalk(
      [
        { speakerId: null, text: "Memorandum of Conversation" },
        { speakerId: "b", text: "one two three" },
        { speakerId: "a", text: "four" },
      ],
      [{ id: "a" }, { id: "silent" }, { id: "b" }],
    );
    expect(shares).toEqual([
      { speakerId: "a", turns: 1, words: 1, turnShare: 0.5, wordShare: 0.25 },
      { speakerId: "b", turns: 1, words: 3, turnShare: 0.5, wordShare: 0.75 },
    ]);
    expect(shareOfTalk([{ speakerId: null, text: "x" }], [{ id: "a" }])).toEqual([]);
  });
});
