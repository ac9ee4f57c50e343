// A hand-checked corpus of statements: who speaks each sentence, read by a person from the
// sources (not from the importer's output). `null` is narrative: the memorandum's or cable's own
// account of what happened, or an editor's note. Each entry names its source and the start of the
// sentence; the test finds the turn holding that sentence and compares its speaker.
//
// Judgement calls, stated once: an act that is not speech ("The Secretary handed ...", "Mr.
// Masuhara gave ...") is narrative; a sentence continuing a participant's reported statement
// ("These two Conservative leaders were invited ...") is that participant's; in a cable the
// sender's own reports of what he said ("I next proposed, ...") are his, but the record of what
// both sides did ("We then took a break") is narrative.

export interface CorpusEntry {
  source: string;
  starts: string;
  speaker: string | null;
}

const D102 = "../shared/samples/frus-tei/frus1955-57v23p1_d102.xml";
const D143 = "../shared/samples/frus-tei/frus1958-60v18_d143.xml";
const D96 = "../shared/samples/frus-tei/frus1955-57v23p1_d96.xml";
const D139 = "../shared/samples/frus-tei/frus1958-60v18_d139.xml";
const SEED003 = "../shared/seeds/003_206a6de1f227c97f.txt";
const SEED001 = "../shared/seeds/001_7eaec9279dbe26a3.txt";
const CABLE = "../shared/seeds/004_7ddc44987b359911.txt";

const entry = (source: string, speaker: string | null, starts: string): CorpusEntry => ({
  source,
  starts,
  speaker,
});

export const CORPUS: CorpusEntry[] = [
  // FRUS 1955-57 XXIII, 102: Dulles and Tani, September 7, 1956.
  entry(D102, null, "Ambassador Tani called at the Secretary’s request"),
  entry(D102, null, "The Secretary handed Ambassador Tani"),
  entry(D102, "dulles", "The Secretary said that Ambassador Allison"),
  entry(D102, "dulles", "He said that the U.S. is willing"),
  entry(D102, "tani", "Ambassador Tani concurred."),
  entry(D102, "dulles", "The Secretary proceeded to make"),
  entry(D102, null, "The changes and interpolations"),
  entry(D102, "dulles", "The Secretary then asked if Prime Minister Hatoyama"),
  entry(D102, "tani", "Ambassador Tani said that there were news reports"),
  entry(D102, "tani", "He did not know whether these reports"),
  entry(D102, "dulles", "The Secretary asked how many prisoners"),
  entry(D102, "tani", "Ambassador Tani said that their figure is 11,000"),
  entry(D102, "tani", "As Minister Kono had said here"),
  entry(D102, "tani", "Recently a group of between 150 and 200"),
  entry(D102, "dulles", "The Secretary commented that it is very difficult"),
  entry(D102, "dulles", "The Secretary went on to say in conclusion"),
  entry(D102, "dulles", "Its only desire is to be helpful."),
  entry(D102, "dulles", "His reference to Article 26, he said"),
  entry(D102, "tani", "Ambassador Tani said that he understood this"),
  entry(D102, "dulles", "All he had done was to recall"),
  entry(D102, "tani", "The Ambassador said that he had read the Secretary’s statement"),
  entry(D102, "tani", "Ambassador Tani referred also to public statements"),
  entry(D102, "tani", "He understood, he said, that it would not be feasible"),
  entry(D102, "dulles", "The Secretary said that this was a very hard"),
  entry(D102, "dulles", "He recalled that the Potsdam declaration"),
  entry(D102, "dulles", "A full conference would open up other questions"),
  entry(D102, "dulles", "Basically, the Secretary continued"),
  entry(D102, "dulles", "The whole pattern of Soviet conduct"),
  entry(D102, "tani", "Ambassador Tani said that personally"),
  entry(D102, "tani", "The Ambassador recalled that he was in Tokyo"),
  entry(D102, "tani", "Shigemitsu had started the negotiations"),
  entry(D102, "dulles", "The Secretary agreed with these last sentiments"),
  entry(D102, "tani", "He could assure the Secretary"),
  entry(D102, "tani", "He felt, the Ambassador said"),
  entry(D102, "dulles", "Japan should not be in a position of a suppliant."),
  entry(D102, "dulles", "If, the Secretary said, you are going"),
  entry(D102, "tani", "He referred to Mr. Kono’s comments"),
  // The same conversation in "The World and Japan" database's copy (seed 003).
  entry(SEED003, "tani", "Ambassador Tani said that there were news reports"),
  entry(SEED003, "dulles", "The Secretary commented that it is very difficult"),
  entry(SEED003, "tani", "Ambassador Tani said that he agreed that subversion"),
  // FRUS 1958-60 XVIII, 143: Kishi and Herter on Communist China, January 19, 1960.
  entry(D143, "kishi", "Prime Minister Kishi raised the question"),
  entry(D143, "kishi", "These two Conservative leaders were invited"),
  entry(D143, "kishi", "The Prime Minister expressed the hope"),
  entry(D143, "kishi", "Mr. Kishi pointed out that Japan’s relations"),
  entry(D143, "kishi", "He mentioned possible contacts in the fields"),
  entry(D143, null, "(Assistant Secretary Parsons"),
  entry(D143, "herter", "Secretary Herter inquired whether"),
  entry(D143, "kishi", "The Prime Minister said that there have been no contacts"),
  entry(D143, "herter", "Secretary Herter informed the Prime Minister"),
  entry(D143, "kishi", "The Prime Minister said that he had been very pleased"),
  entry(D143, "herter", "The Secretary mentioned that the U.S. had had fruitful"),
  entry(D143, "herter", "He said that, if such talks would be helpful"),
  // The same document copied from the web (seed 001).
  entry(SEED001, "kishi", "Mr. Kishi pointed out that Japan’s relations"),
  entry(SEED001, "kishi", "The Prime Minister said that there have been no contacts"),
  entry(SEED001, "herter", "The Secretary mentioned that the U.S. had had fruitful"),
  // FRUS 1955-57 XXIII, 96: Masuhara's courtesy call, August 31, 1956.
  entry(D96, "robertson", "Mr. Robertson greeted Mr. Masuhara"),
  entry(D96, "masuhara", "He planned to spend four days in Washington"),
  entry(D96, "masuhara", "Mr. Masuhara stated that he had no particular matters"),
  entry(D96, null, "Mr. Masuhara gave Mr. Robertson two copies"),
  entry(D96, "robertson", "Mr. Robertson said that he would study"),
  entry(D96, "masuhara", "The United States still had some Japanese military documents"),
  entry(D96, "robertson", "Mr. Robertson asked Mr. Hemmendinger"),
  entry(D96, "martin", "Mr. Martin stated that preparations"),
  entry(D96, "masuhara", "Mr. Masuhara expressed his thanks."),
  entry(D96, "hemmendinger", "Mr. Hemmendinger asked what problems"),
  entry(D96, "masuhara", "Such an increase would bring them to 170,000."),
  entry(D96, "masuhara", "Mr. Masuhara replied that the JSDF"),
  entry(D96, "biddle", "General Biddle asked about the development program"),
  entry(D96, "masuhara", "General Masuhara replied that unlike the plan"),
  entry(D96, "masuhara", "This would cost three billion yen."),
  // FRUS 1958-60 XVIII, 139: Kishi and Herter on economic problems, January 19, 1960.
  entry(D139, "kishi", "Prime Minister Kishi opened the discussion"),
  entry(D139, "kishi", "The Prime Minister then referred to the positive measures"),
  entry(D139, "herter", "Secondly, there had been a sudden shift"),
  entry(D139, "kishi", "Prime Minister Kishi replied that the Japanese Government"),
  entry(D139, "herter", "Secretary Herter replied that the U.S. fully appreciated"),
  entry(D139, "herter", "Secretary Herter commented that, since the United States"),
  entry(D139, "macarthur", "Ambassador MacArthur mentioned that Mr. Adachi"),
  entry(D139, "herter", "Secretary Herter mentioned that American antitrust laws"),
  entry(D139, "herter", "He reiterated the President’s remarks"),
  entry(D139, "macarthur", "Ambassador MacArthur commented that the working level talks"),
  // Cable No. 1384, Ambassador Sato, July 22, 1978 (Sato writes "I").
  entry(CABLE, null, "Following is a summary of the second meeting"),
  entry(CABLE, null, "(The place of the meeting and the participants"),
  entry(CABLE, "han", "First, Vice Minister Han, based on a text"),
  entry(CABLE, "han", "He then stated the following two points:"),
  entry(CABLE, "han", "We expect Japan and the United States"),
  entry(CABLE, "han", "The Ambassador, too, said yesterday"),
  entry(CABLE, "han", "I have said enough."),
  entry(CABLE, "sato", "I replied to Vice Minister Han’s statement"),
  entry(CABLE, "sato", "I next proposed, “As promised yesterday"),
  entry(CABLE, null, "We then took a break for 25 minutes."),
  entry(CABLE, null, "We met again from around 4:15."),
  entry(CABLE, "saito", "Treaties Division Director Saito then read aloud"),
  entry(CABLE, "sato", "After finishing the explanation, I said"),
  entry(CABLE, "han", "When I said that I would be happy to listen"),
  entry(CABLE, "sato", "When I replied to this in proposing"),
  entry(CABLE, "han", "Vice Minister Han then replied only with"),
  entry(CABLE, "sato", "I further proposed, “Even if the Chinese side"),
  entry(CABLE, "han", "Vice Minister Han thereupon said"),
  entry(CABLE, "sato", "Last, I proposed again consulting"),
  entry(CABLE, "han", "Vice Minister Han said, “In the same way as yesterday"),
  entry(CABLE, null, "With that, we ended today’s meeting."),
];
