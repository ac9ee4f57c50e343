import { describe, expect, it } from "vitest";
import { attributeSpeaker } from "@/lib/importer/attribution";
import { assignIds, parseParticipantLine, participantsFromText } from "@/lib/importer/participants";
import type { Participant } from "@/lib/importer/types";

// Speaker attribution for reported speech: only a certain subject at the start of the paragraph
// names a speaker; anything doubtful stays unattributed.

const listed = (lines: string[]): Participant[] =>
  assignIds(lines.map((line) => parseParticipantLine(line)!));

/** A participants list like "The World and Japan" memoranda print. */
const dullesMeeting = listed([
  "Mr. Masayuki Tani, Ambassador E. & P., Embassy of Japan",
  "Mr. Shigenobu Shima, Minister Plenipotentiary, Embassy of Japan",
  "Mr. John Foster Dulles, Secretary of State",
  "Mr. Walter S. Robertson, Assistant Secretary, Bureau of Far Eastern Affairs",
  "General Biddle, Head of MAAG–Japan",
  "Mr. Keikichi Masuhara, Vice Director General, Japanese Defense Agency",
]);

/** Two ambassadors and two directors, as in FRUS 1958–60 vol. XVIII doc. 139. */
const kishiMeeting: Participant[] = [
  { id: "kishi", name: "Nobusuke Kishi", title: "Prime Minister" },
  { id: "fujiyama", name: "Aiichiro Fujiyama", title: "Foreign Minister" },
  { id: "asakai", name: "Koichiro Asakai", title: "Ambassador" },
  { id: "macarthur", name: "Douglas MacArthur II", title: "Ambassador" },
  { id: "mori", name: "Haruki Mori", title: "Mr.", role: "Director, American Affairs Bureau" },
  {
    id: "bane",
    name: "David M. Bane",
    title: "Mr.",
    role: "Director, Office of Northeast Asian Affairs",
  },
  { id: "herter", name: "Christian A. Herter", title: "Secretary of State" },
];

/** A cable: the sender writes "I" and is "the Ambassador"; another ambassador is mentioned. */
const cable: Participant[] = [
  { id: "sato", name: "Sato", label: "the Ambassador", title: "Ambassador" },
  { id: "han", name: "Han Nianlong", title: "Vice Minister" },
  { id: "ogawa", name: "Ogawa", title: "Ambassador" },
];

const cases: {
  name: string;
  text: string;
  participants: Participant[];
  firstPerson?: string;
  expected: string | undefined;
}[] = [
  {
    name: "title + surname",
    text: "Ambassador Tani said that he understood this.",
    participants: dullesMeeting,
    expected: "tani",
  },
  {
    name: "the title of a listed role",
    text: "The Secretary handed Ambassador Tani an Aide-Memoire.",
    participants: dullesMeeting,
    expected: "dulles",
  },
  {
    name: "lowercase article",
    text: "the Secretary said so.",
    participants: dullesMeeting,
    expected: "dulles",
  },
  {
    name: "a role distinct from a longer one",
    text: "The Assistant Secretary asked whether this was so.",
    participants: dullesMeeting,
    expected: "robertson",
  },
  {
    name: "a title-only role from the title",
    text: "The Prime Minister said that Japan agreed.",
    participants: kishiMeeting,
    expected: "kishi",
  },
  {
    name: "a two-word office",
    text: "The Foreign Minister replied at length.",
    participants: kishiMeeting,
    expected: "fujiyama",
  },
  {
    name: "honorific + surname where the list has an office",
    text: "Mr. Kishi pointed out that trade mattered.",
    participants: kishiMeeting,
    expected: "kishi",
  },
  {
    name: "an office in the list, a surname in the text",
    text: "Secretary Herter inquired whether there had been talks.",
    participants: kishiMeeting,
    expected: "herter",
  },
  {
    name: "bare surname",
    text: "Masuhara said that the plan was being revised.",
    participants: dullesMeeting,
    expected: "masuhara",
  },
  {
    name: "military title",
    text: "General Biddle asked about the development program.",
    participants: dullesMeeting,
    expected: "biddle",
  },
  {
    name: "after a one-word introduction",
    text: "Subsequently, Prime Minister Kishi referred to the importance of consultation.",
    participants: kishiMeeting,
    expected: "kishi",
  },
  {
    name: "subject inside an introduction and a parenthesis",
    text: "Basically, the Secretary continued, the USSR is going to be guided by its estimate.",
    participants: dullesMeeting,
    expected: "dulles",
  },
  {
    name: "subject followed by a parenthetical clause",
    text: "First, Vice Minister Han, based on a text prepared in advance, said that.",
    participants: cable,
    expected: "han",
  },
  {
    name: "page marker and paragraph number before the subject",
    text: "[Page 12] 3. The Secretary said that it was late.",
    participants: dullesMeeting,
    expected: "dulles",
  },
  {
    name: "first person in a cable",
    text: "I replied to Vice Minister Han’s statement.",
    participants: cable,
    firstPerson: "sato",
    expected: "sato",
  },
  {
    name: "first person after a short introduction",
    text: "After finishing the explanation, I said that I would answer.",
    participants: cable,
    firstPerson: "sato",
    expected: "sato",
  },
  {
    name: "an explicit label beats a shared title",
    text: "The Ambassador said that he agreed.",
    participants: cable,
    expected: "sato",
  },
  // Negative cases: unsure means no speaker.
  {
    name: "pronoun He",
    text: "He mentioned that the meeting had been useful.",
    participants: dullesMeeting,
    expected: undefined,
  },
  {
    name: "pronoun It",
    text: "It is not clear to us why the position has hardened.",
    participants: dullesMeeting,
    expected: undefined,
  },
  {
    name: "pronoun We",
    text: "We met again from around 4:15.",
    participants: cable,
    firstPerson: "sato",
    expected: undefined,
  },
  {
    name: "a country",
    text: "Japan would like to resume trade under proper conditions.",
    participants: kishiMeeting,
    expected: undefined,
  },
  {
    name: "a country before a comma",
    text: "Japan, however, would like to resume trade.",
    participants: kishiMeeting,
    expected: undefined,
  },
  {
    name: "an institution with an article",
    text: "The Government of the United States has considered seriously.",
    participants: dullesMeeting,
    expected: undefined,
  },
  {
    name: "a title two participants hold",
    text: "The Ambassador commented that the talks were confidential.",
    participants: kishiMeeting,
    expected: undefined,
  },
  {
    name: "another shared title",
    text: "The Director said that the bureau agreed.",
    participants: kishiMeeting,
    expected: undefined,
  },
  {
    name: "someone not in the list",
    text: "Mr. Smith said that he was glad.",
    participants: dullesMeeting,
    expected: undefined,
  },
  {
    name: "two subjects",
    text: "Mr. Robertson and Mr. Masuhara discussed the plan.",
    participants: dullesMeeting,
    expected: undefined,
  },
  {
    name: "a possessive is not a subject",
    text: "Secretary Herter’s approval was given later.",
    participants: kishiMeeting,
    expected: undefined,
  },
  {
    name: "first person without a known writer",
    text: "I have often pointed out that promises were broken.",
    participants: dullesMeeting,
    expected: undefined,
  },
  {
    name: "an introduction too long to skip",
    text: "When I replied to this in proposing, “The Japanese side would like to meet.”",
    participants: cable,
    firstPerson: "sato",
    expected: undefined,
  },
  {
    name: "a sentence with no subject at its start",
    text: "Following is a summary of the second meeting, which took two hours.",
    participants: cable,
    firstPerson: "sato",
    expected: undefined,
  },
];

describe("attributeSpeaker", () => {
  it.each(cases)("$name", ({ text, participants, firstPerson, expected }) => {
    expect(attributeSpeaker(text, participants, firstPerson ? { firstPerson } : {})).toBe(expected);
  });
});

describe("participants", () => {
  it.each([
    [
      "Mr. Masayuki Tani, Ambassador E. & P., Embassy of Japan",
      { name: "Masayuki Tani", title: "Mr.", role: "Ambassador E. & P., Embassy of Japan" },
    ],
    [
      "Lt. Colonel Toshiro Magari, Defense Attaché, Embassy of Japan",
      { name: "Toshiro Magari", title: "Lt. Colonel", role: "Defense Attaché, Embassy of Japan" },
    ],
    [
      "General Biddle, Head of MAAG–Japan",
      { name: "Biddle", title: "General", role: "Head of MAAG–Japan" },
    ],
    [
      "Mr. James V. Martin, Jr., Officer in Charge, Japanese Affairs",
      { name: "James V. Martin, Jr.", title: "Mr.", role: "Officer in Charge, Japanese Affairs" },
    ],
    [
      "Captain Susumu Toyoda, U.S. Army Interpreter",
      { name: "Susumu Toyoda", title: "Captain", role: "U.S. Army Interpreter" },
    ],
  ])("reads the list line %s", (line, expected) => {
    expect(parseParticipantLine(line)).toEqual(expected);
  });

  it("rejects lines that do not start with a person", () => {
    expect(parseParticipantLine("See Document 139.")).toBeUndefined();
    expect(
      parseParticipantLine("the meeting was held at the Department, as agreed"),
    ).toBeUndefined();
  });

  it("gives two people with one surname distinct ids", () => {
    const ids = assignIds([
      { name: "John Smith" },
      { name: "Jane Smith" },
      { name: "Ann Lee" },
    ]).map((p) => p.id);
    expect(ids).toEqual(["john-smith", "jane-smith", "lee"]);
  });

  it("builds participants from titled names in the text, merging short and full forms", () => {
    const people = participantsFromText([
      "First, Vice Minister Han said that the talks would go on. Ambassador Ogawa has spoken.",
      "I replied to what Vice Minister Han Nianlong has just said. Secretary [Page 3] Herter’s view.",
      "Prime Minister Kishi raised the question. Mr. Kishi pointed out the difficulty. The President agreed.",
    ]);
    expect(people).toEqual([
      { id: "han", name: "Han Nianlong", title: "Vice Minister" },
      { id: "ogawa", name: "Ogawa", title: "Ambassador" },
      { id: "herter", name: "Herter", title: "Secretary" },
      { id: "kishi", name: "Kishi", title: "Prime Minister" },
    ]);
  });
});
