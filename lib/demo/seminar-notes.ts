// The demo seminar's conversation: what four (fictional) students and their instructor wrote on
// two of the library's documents in the first days of the course. Every note quotes words of the
// document as they stand in content/; lib/demo/seminar.ts places them with the app's own anchoring.
// The people are invented (see DEMO_USERS); the quotes and the documents are real.
// Over 300 lines: it is data (the notes and replies), not logic.

export type DemoAuthor = "instructor" | "ada" | "ben" | "chen" | "dana";

export interface SeminarReply {
  /** Stable name: the reply's id is derived from it, so loading it twice finds the first copy. */
  key: string;
  author: DemoAuthor;
  paragraphs: string[];
  hoursAgo: number;
  answers?: SeminarReply[];
}

export interface SeminarNote {
  key: string;
  document: string;
  author: DemoAuthor;
  /** Words of one turn, exactly as in the document; absent for a note on the whole document. */
  quote?: string;
  /** "group": the author's reading group. */
  audience: "course" | "group" | "private";
  tags: string[];
  paragraphs: string[];
  hoursAgo: number;
  replies?: SeminarReply[];
  /** Who marked it helpful. */
  helpful?: DemoAuthor[];
  /** Endorsed by the instructor. */
  endorsed?: boolean;
}

export const LIAO_ISHIBASHI = "1959-09-14-liao-ishibashi-third-conversation";
export const KISHI_HERTER = "memorandum-conversation-relations-communist-china";

export const SEMINAR_NOTES: SeminarNote[] = [
  {
    key: "liao-whole-record",
    document: LIAO_ISHIBASHI,
    author: "instructor",
    audience: "course",
    tags: ["note-taker"],
    paragraphs: [
      "Before deciding who is bluffing, ask who this record was written for. The header says “Top-Secret Document To be Destroyed” and “Not yet approved by Chairman Liao”: a draft by the Chinese note-taker, for readers in Beijing, of a conversation held through an interpreter.",
      "Keep that in mind whenever a turn sounds too neat.",
    ],
    hoursAgo: 22,
    helpful: ["ada", "chen"],
    replies: [
      {
        key: "liao-whole-record-r1",
        author: "chen",
        paragraphs: [
          "So Ishibashi's words reach us twice translated: Japanese to Chinese in the room, Chinese to English for the archive.",
        ],
        hoursAgo: 20,
      },
    ],
  },
  {
    key: "liao-cannot-cut-ties",
    document: LIAO_ISHIBASHI,
    author: "ada",
    quote: "Japan cannot cut its ties with the United States right now.",
    audience: "course",
    tags: ["bluff"],
    paragraphs: [
      "He opens with a refusal, although he is the visitor who came to ask for something. Is Ishibashi bluffing, or setting the floor for what he can defend at home?",
      "Two turns later it is already softer: “we cannot sever all our links with the United States and Taiwan immediately”. Immediately is doing a lot of work there.",
    ],
    hoursAgo: 19,
    helpful: ["ben", "chen", "instructor"],
    replies: [
      {
        key: "liao-cannot-cut-ties-r1",
        author: "ben",
        paragraphs: [
          "I don't read it as a bluff. He holds no office, so the only thing he can trade on is being believed in Tokyo. Promising more than the LDP would accept would cost him that.",
        ],
        hoursAgo: 17,
        answers: [
          {
            key: "liao-cannot-cut-ties-r1-a1",
            author: "chen",
            paragraphs: [
              "But he does have something to offer: the visit itself. Liao's first question is whether he has “other opinions”; the Chinese side wants to know what he will carry back.",
            ],
            hoursAgo: 15,
          },
        ],
      },
      {
        key: "liao-cannot-cut-ties-r2",
        author: "dana",
        paragraphs: [
          "Compare his last answer to Liao: “Before I came, I believed the question to be rather easy.” If this was a bluff, he seems to have stopped believing it by the end.",
        ],
        hoursAgo: 12,
      },
    ],
  },
  {
    key: "liao-legalized",
    document: LIAO_ISHIBASHI,
    author: "chen",
    quote: 'Terms like "legalized" are unnecessary.',
    audience: "course",
    tags: ["translation"],
    paragraphs: [
      "“Legalized” is the translator's English, not necessarily Liao's word. It could render anything from “made lawful” to “made legitimate”, and the difference matters: Ishibashi objects to a word, not to the bases themselves.",
      "Does anyone have the Chinese original of this page?",
    ],
    hoursAgo: 18,
    helpful: ["ada", "dana"],
    replies: [
      {
        key: "liao-legalized-r1",
        author: "dana",
        paragraphs: [
          "The header credits Liu Meihan with the translation. At least the English is consistent: Liao's turn just before says “acknowledge the American military bases in Japan as legalized”, so Ishibashi is answering that exact word.",
        ],
        hoursAgo: 16,
      },
    ],
  },
  {
    key: "liao-security-treaty",
    document: LIAO_ISHIBASHI,
    author: "ben",
    quote:
      "The most important question here is the Security Treaty between Japan and the United States.",
    audience: "course",
    tags: ["security-treaty"],
    paragraphs: [
      "This is where Liao narrows the demand. Not trade, not “general relations or economic relations”: the treaty. In September 1959 the revision of the Security Treaty was still being negotiated, so he is aiming at something that could still change.",
    ],
    hoursAgo: 14,
    helpful: ["ada", "dana", "chen"],
    endorsed: true,
    replies: [
      {
        key: "liao-security-treaty-r1",
        author: "instructor",
        paragraphs: [
          "Good. Keep the date in mind when we read Kishi's conversation with Herter: the same treaty, seen from the other side of the table.",
        ],
        hoursAgo: 10,
      },
    ],
  },
  {
    key: "liao-kishi-step-down",
    document: LIAO_ISHIBASHI,
    author: "instructor",
    quote: "Kishi will step down, so you do not need to notice of him.",
    audience: "course",
    tags: ["comparison", "bluff"],
    paragraphs: [
      "A former prime minister talks about the sitting prime minister of his own party to a foreign official. Read this beside Kishi's own account of the Ishibashi visit in the memorandum of his conversation with Herter. Who is managing whom?",
    ],
    hoursAgo: 13,
    helpful: ["ben", "dana"],
    replies: [
      {
        key: "liao-kishi-step-down-r1",
        author: "dana",
        paragraphs: [
          "Kishi tells Herter the visits were “exploited by the Chinese Communists”, and here Ishibashi disowns Kishi. Each man tells his listener what that listener wants to hear?",
        ],
        hoursAgo: 9,
        answers: [
          {
            key: "liao-kishi-step-down-r1-a1",
            author: "ada",
            paragraphs: [
              "Or Ishibashi is bluffing about his own prospects: “If Kishi resigns and I become the new Prime Minister” comes two turns later.",
            ],
            hoursAgo: 7,
          },
        ],
      },
    ],
  },
  {
    key: "liao-blood",
    document: LIAO_ISHIBASHI,
    author: "ada",
    quote: "We paid for our lessons in blood. Millions of Chinese people died.",
    audience: "private",
    tags: ["question"],
    paragraphs: [
      "For my paper: the only turn where Liao appeals to the war directly, and Ishibashi's answer is three words. Check whether the first two conversations do the same.",
    ],
    hoursAgo: 11,
  },
  {
    key: "liao-stuart",
    document: LIAO_ISHIBASHI,
    author: "ben",
    quote: "John Leighton Stuart",
    audience: "private",
    tags: ["question"],
    paragraphs: ["Look up Stuart before Thursday: who he was in 1948, and why a third party."],
    hoursAgo: 8,
  },
  {
    key: "liao-two-meals",
    document: LIAO_ISHIBASHI,
    author: "dana",
    quote: "tighten our belt, eating two meals a day instead of three",
    audience: "course",
    tags: ["translation"],
    paragraphs: [
      "A quotation inside a quotation: the record puts Liao's retelling of the 1948 answer in quotation marks. The image sounds like a Chinese saying rendered word for word. Does anyone know the original?",
    ],
    hoursAgo: 6,
    helpful: ["chen"],
    replies: [
      {
        key: "liao-two-meals-r1",
        author: "instructor",
        paragraphs: [
          "A good question for the translator's notes. Keeping the image rather than finding an English idiom is the usual choice for records like this one.",
        ],
        hoursAgo: 4,
      },
    ],
  },
  {
    key: "liao-consent",
    document: LIAO_ISHIBASHI,
    author: "dana",
    quote: "(Expressing consent)",
    audience: "group",
    tags: ["note-taker"],
    paragraphs: [
      "The note-taker summarises instead of recording words. What did Ishibashi actually say after Liao quoted Chairman Mao? “Consent” is the record's reading of a gesture or a polite phrase.",
    ],
    hoursAgo: 5,
    replies: [
      {
        key: "liao-consent-r1",
        author: "chen",
        paragraphs: [
          "And it is a draft “not yet approved by Chairman Liao”, so this is exactly the kind of line that could still be shaped.",
        ],
        hoursAgo: 3,
      },
    ],
  },
  {
    key: "liao-pick-you-up",
    document: LIAO_ISHIBASHI,
    author: "chen",
    quote: "If the Premier decides to meet you, I will come and pick you up.",
    audience: "group",
    tags: ["bluff"],
    paragraphs: [
      "“If”: the meeting with Zhou is held back as a reward. In this exchange Liao is the one bluffing, not Ishibashi.",
    ],
    hoursAgo: 4,
    helpful: ["dana"],
    replies: [
      {
        key: "liao-pick-you-up-r1",
        author: "dana",
        paragraphs: [
          "Agreed, and the last line promises the talk “is not going to be released to the press”, a second incentive.",
        ],
        hoursAgo: 2,
      },
    ],
  },
  {
    key: "kishi-peiping",
    document: KISHI_HERTER,
    author: "ada",
    quote:
      "the very fact that Conservatives went to Peiping can be utilized to the general benefit of the Conservative Party",
    audience: "course",
    tags: ["comparison"],
    paragraphs: [
      "Kishi turns Ishibashi's trip into an asset for his own party, while Ishibashi told Liao that Kishi “will step down”. Each claims the other's move for himself.",
    ],
    hoursAgo: 9,
    helpful: ["ben", "instructor"],
    replies: [
      {
        key: "kishi-peiping-r1",
        author: "chen",
        paragraphs: [
          "Note “Peiping”, not Peking: the drafter keeps the name the State Department used, which is itself a position on who governs China.",
        ],
        hoursAgo: 6,
      },
    ],
  },
  {
    key: "kishi-parsons",
    document: KISHI_HERTER,
    author: "ben",
    quote: "subsequently indicated to Ambassador Asakai that two points are important",
    audience: "group",
    tags: ["note-taker"],
    paragraphs: [
      "The drafter folds a later conversation into this memorandum, in parentheses. So the record is not only what was said in the room.",
    ],
    hoursAgo: 7,
    replies: [
      {
        key: "kishi-parsons-r1",
        author: "ada",
        paragraphs: [
          "The source note says Sneider drafted it and it was approved later. The parenthesis is the drafter speaking, not Kishi or Herter.",
        ],
        hoursAgo: 5,
      },
    ],
  },
  {
    key: "kishi-no-further-exchange",
    document: KISHI_HERTER,
    author: "dana",
    quote: "did not think a further exchange was now necessary",
    audience: "course",
    tags: ["bluff"],
    paragraphs: [
      "A polite refusal of Herter's offer of high-level talks on China. Is Kishi keeping his China policy out of American hands, or just out of the newspapers?",
    ],
    hoursAgo: 3,
    helpful: ["ada"],
    replies: [
      {
        key: "kishi-no-further-exchange-r1",
        author: "ben",
        paragraphs: [
          "Maybe both. A minister seen consulting Washington about Beijing would hand his critics at home the argument Ishibashi was making to Liao.",
        ],
        hoursAgo: 1,
      },
    ],
  },
  {
    key: "kishi-flag",
    document: KISHI_HERTER,
    author: "chen",
    quote: "raising a Communist Chinese flag in Japan",
    audience: "private",
    tags: ["question"],
    paragraphs: [
      "Footnote 1 points to telegram 2728 from Tokyo (April 1958). Find it in the Supplement.",
    ],
    hoursAgo: 2,
  },
];
