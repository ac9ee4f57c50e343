import { describe, expect, it } from "vitest";
import { splitSentences } from "@/lib/importer/sentences";
import {
  createStatementReader,
  dialogueLabel,
  hasSpeechVerb,
  isEditorial,
  readSentence,
} from "@/lib/importer/statements";
import type { Participant } from "@/lib/importer/types";

// One table per rule, with sentences from the seeds and the FRUS samples.

const dullesTani: Participant[] = [
  { id: "tani", name: "Tani", title: "Ambassador" },
  { id: "dulles", name: "Dulles", title: "Secretary" },
  { id: "allison", name: "Allison", title: "Ambassador" },
];
const kishiHerter: Participant[] = [
  { id: "kishi", name: "Nobusuke Kishi", title: "Prime Minister" },
  { id: "herter", name: "Christian A. Herter", title: "Secretary of State" },
  { id: "parsons", name: "J. Graham Parsons", role: "Assistant Secretary of State" },
];

describe("splitSentences", () => {
  it.each([
    [
      "The Secretary then asked if Prime Minister Hatoyama was going to Moscow. Ambassador Tani said that there were news reports.",
      [
        "The Secretary then asked if Prime Minister Hatoyama was going to Moscow.",
        "Ambassador Tani said that there were news reports.",
      ],
    ],
    [
      "Mr. Kishi pointed out that Messrs. Ishibashi and Matsumura went.",
      ["Mr. Kishi pointed out that Messrs. Ishibashi and Matsumura went."],
    ],
    ["Christian A. Herter said so. He agreed.", ["Christian A. Herter said so.", "He agreed."]],
    ["consulting with the U.S.*3* He felt so.", ["consulting with the U.S.*3*", "He felt so."]],
    ["the U.S. Delegate at San Francisco spoke.", ["the U.S. Delegate at San Francisco spoke."]],
    [
      "tantamount to recognition.1 The Prime Minister said no.",
      ["tantamount to recognition.1", "The Prime Minister said no."],
    ],
    [
      "Vice Minister Han said, “In the same way as yesterday. The Japanese side ought to say so.” With that, we ended.",
      [
        "Vice Minister Han said, “In the same way as yesterday. The Japanese side ought to say so.”",
        "With that, we ended.",
      ],
    ],
    [
      "(Parsons indicated this. He agreed.) Secretary Herter inquired.",
      ["(Parsons indicated this. He agreed.)", "Secretary Herter inquired."],
    ],
  ])("%s", (text, expected) => {
    const sentences = splitSentences(text);
    expect(sentences.map((sentence) => sentence.text)).toEqual(expected);
    // Exact slices: the paragraph is the sentences joined by the spaces between them.
    for (const sentence of sentences)
      expect(text.slice(sentence.start, sentence.start + sentence.text.length)).toBe(sentence.text);
  });
});

describe("readSentence", () => {
  it.each([
    // Rule 1: an editor's parenthesis is narrative, even naming a participant.
    [
      "(Assistant Secretary Parsons, with Secretary Herter’s approval, subsequently indicated to Ambassador Asakai that the U.S. would not object.)",
      kishiHerter,
      { type: "narrative" },
    ],
    // Rule 2: a participant as subject of a verb of speech.
    [
      "The Secretary then asked if Prime Minister Hatoyama was going to Moscow.",
      dullesTani,
      { type: "speaker", id: "dulles" },
    ],
    ["Ambassador Tani concurred.", dullesTani, { type: "speaker", id: "tani" }],
    [
      "Basically, the Secretary continued, the USSR is going to be guided by its estimate.",
      dullesTani,
      { type: "speaker", id: "dulles" },
    ],
    [
      "Subsequently, Prime Minister Kishi referred to the importance attached by Japan.",
      kishiHerter,
      { type: "speaker", id: "kishi" },
    ],
    [
      "The Prime Minister said that there have been no contacts.",
      kishiHerter,
      { type: "speaker", id: "kishi" },
    ],
    [
      "Mr. Kishi pointed out that Japan’s relations were ruptured.",
      kishiHerter,
      { type: "speaker", id: "kishi" },
    ],
    // ...and doing something else is narrative.
    [
      "The Secretary handed Ambassador Tani an Aide-Memoire, copy of which is attached hereto.",
      dullesTani,
      { type: "narrative" },
    ],
    [
      "Ambassador Tani called at the Secretary's request at the Secretary's home at 9 PM.",
      dullesTani,
      { type: "narrative" },
    ],
    // Rule 3: a speaker tag inside the sentence.
    [
      "If, the Secretary said, you are going to allow them to come in, you should make them pay.",
      dullesTani,
      { type: "speaker", id: "dulles" },
    ],
    [
      "His reference to Article 26, he said, had been entirely in this spirit.",
      dullesTani,
      { type: "continues" },
    ],
    // Rules 4 and 5: pronouns and everything else continue the statement under way.
    ["He did not know whether these reports were accurate.", dullesTani, { type: "continues" }],
    [
      "These two Conservative leaders were invited to Communist China.",
      kishiHerter,
      { type: "continues" },
    ],
  ] as const)("%s", (sentence, participants, expected) => {
    expect(readSentence(sentence, participants)).toEqual(expected);
  });

  it("resolves a title two participants share to the one in the exchange under way", () => {
    const sentence = "The Ambassador said that he had read the Secretary's statement.";
    expect(readSentence(sentence, dullesTani)).toEqual({ type: "continues" });
    expect(readSentence(sentence, dullesTani, { recent: ["dulles", "tani"] })).toEqual({
      type: "speaker",
      id: "tani",
    });
  });

  it("reads a cable's first person as its sender", () => {
    const cable: Participant[] = [
      { id: "sato", name: "Sato", label: "the Ambassador", title: "Ambassador" },
      { id: "han", name: "Han Nianlong", title: "Vice Minister" },
    ];
    expect(
      readSentence("I next proposed, “As promised yesterday, I think so.”", cable, {
        firstPerson: "sato",
      }),
    ).toEqual({ type: "speaker", id: "sato" });
    expect(
      readSentence(
        "When I said that I would be happy to listen to the Chinese side’s thoughts at the next meeting as well, when the Chinese side would have examined the Japanese draft in earnest, Vice Minister Han said that he had heard it.",
        cable,
        { firstPerson: "sato" },
      ),
    ).toEqual({ type: "speaker", id: "han" });
  });
});

describe("word rules", () => {
  it.each([
    ["Ambassador Tani concurred.", true],
    ["The Secretary went on to say in conclusion that the U.S. wants to help.", true],
    ["The Secretary handed Ambassador Tani an Aide-Memoire.", false],
  ])("hasSpeechVerb(%s)", (sentence, expected) => expect(hasSpeechVerb(sentence)).toBe(expected));
  it.each([
    [
      "(The place of the meeting and the participants were the same as for the first meeting.)",
      true,
    ],
    ["(Navy anti-submarine planes) were discussed.", false],
  ])("isEditorial(%s)", (sentence, expected) => expect(isEditorial(sentence)).toBe(expected));
});

describe("dialogueLabel", () => {
  const kissingerZhou: Participant[] = [
    { id: "kissinger", name: "Henry A. Kissinger", role: "Assistant to the President" },
    { id: "zhou", name: "Zhou Enlai", title: "Premier" },
  ];
  it.each([
    ["Kissinger: We have no objection.", { speaker: "kissinger", text: "We have no objection." }],
    ["Zhou: That is the question.", { speaker: "zhou", text: "That is the question." }],
    ["Premier Zhou: That is the question.", { speaker: "zhou", text: "That is the question." }],
    ["Note: this was not recorded.", undefined],
  ])("%s", (paragraph, expected) =>
    expect(dialogueLabel(paragraph, kissingerZhou)).toEqual(expected),
  );
});

describe("createStatementReader", () => {
  it("splits a paragraph where the speaker changes and carries a speaker into 'He said'", () => {
    const reader = createStatementReader(dullesTani);
    const first = reader.read(
      "The Secretary asked how many prisoners the Japanese estimate still to be in Soviet hands. Ambassador Tani said that their figure is 11,000. Recently a group had returned. The Secretary commented that it is very difficult.",
    );
    expect(first.map((statement) => [statement.speaker, statement.text.slice(0, 24)])).toEqual([
      ["dulles", "The Secretary asked how "],
      ["tani", "Ambassador Tani said tha"],
      ["dulles", "The Secretary commented "],
    ]);
    expect(reader.read("He said that the U.S. is willing.")[0]!.speaker).toBe("dulles");
  });

  it("leaves a paragraph opening with narrative unattributed, and lets a colon carry the speaker on", () => {
    const reader = createStatementReader(dullesTani);
    expect(
      reader.read("The conversation then turned to the fisheries.")[0]!.speaker,
    ).toBeUndefined();
    reader.read("Ambassador Tani stated the following two points:");
    expect(reader.read("First, the fisheries pact must come into effect.")[0]!.speaker).toBe(
      "tani",
    );
  });
});
