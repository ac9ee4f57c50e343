import { attributeSpeaker } from "./attribution";
import type { AttributionOptions } from "./attribution";
import { splitSentences } from "./sentences";
import type { ParsedTurn, Participant } from "./types";

// Statement-level attribution of reported speech. Memoranda and cables report a question and its
// answer in one paragraph ("The Secretary asked ... Ambassador Tani said ..."), so a paragraph is
// read sentence by sentence:
//
//   1. an editor's parenthesis ("(Assistant Secretary Parsons ... indicated ...)") is narrative;
//   2. a participant as the subject of a verb of speech starts that participant's statement
//      ("The Secretary then asked", "Ambassador Tani said", "Basically, the Secretary continued");
//      a participant doing something else ("The Secretary handed ...") is narrative;
//   3. a speaker tag inside the sentence ("..., he said, ...", "If, the Secretary said, you ...")
//      names its speaker;
//   4. a pronoun subject ("He said", "He did not know") continues the statement under way, and at
//      the start of a paragraph the speaker of the paragraph before;
//   5. any other sentence continues the statement under way (reported speech runs on: "These two
//      Conservative leaders were invited ..."); at the start of a paragraph it is narrative, unless
//      the paragraph before announced a statement with a colon ("He then stated the following:").
//
// The rules are data (the word lists below) and pure functions; tests/unit/importer hold a table
// per rule and a hand-checked corpus of statements with the accuracy.
// Over 300 lines: one algorithm (the rules above, in order) with the word lists it needs.

/** Verbs (and verb phrases) that report speech, or thought stated in the conversation. */
export const SPEECH_VERBS = [
  "said",
  "says",
  "stated",
  "asked",
  "inquired",
  "enquired",
  "queried",
  "replied",
  "responded",
  "answered",
  "rejoined",
  "added",
  "continued",
  "went on",
  "proceeded",
  "remarked",
  "commented",
  "observed",
  "noted",
  "mentioned",
  "pointed out",
  "explained",
  "emphasized",
  "emphasised",
  "stressed",
  "underlined",
  "agreed",
  "concurred",
  "disagreed",
  "objected",
  "suggested",
  "proposed",
  "recalled",
  "referred",
  "raised",
  "expressed",
  "indicated",
  "informed",
  "told",
  "assured",
  "thanked",
  "urged",
  "hoped",
  "felt",
  "thought",
  "believed",
  "understood",
  "wished",
  "wondered",
  "requested",
  "reiterated",
  "repeated",
  "reviewed",
  "outlined",
  "summarized",
  "described",
  "elaborated",
  "opened",
  "greeted",
  "welcomed",
  "congratulated",
  "called attention",
  "drew attention",
  "spoke",
  "declared",
  "announced",
  "acknowledged",
  "admitted",
  "confirmed",
  "insisted",
  "argued",
  "warned",
  "promised",
  "predicted",
  "read",
  "interjected",
  "interrupted",
  "concluded",
  "closed",
  "reported",
  "conveyed",
  "presented",
  "put forward",
  "put forth",
  "questioned",
  "doubted",
  "feared",
  "regretted",
  "considered",
  "reminded",
  "recommended",
  "advised",
  "cited",
  "quoted",
  "invited",
  "will",
  "would",
  "could",
  "can",
  "cannot",
  "must",
  "should",
  "think",
  "say",
  "believe",
  "hope",
  "understand",
  "propose",
] as const;

/** Tags that name a speaker inside a sentence: ", he said,", "If, the Secretary said, ...". */
export const SPEAKER_TAG_VERBS = ["said", "continued", "added", "stated", "noted", "went on"];

/** Subjects that refer back to the person speaking. */
export const CONTINUING_PRONOUNS = ["He", "She", "His", "Her"];

/** How many words after the sentence's start a verb of speech may come (subject, adverbs). */
const VERB_WINDOW = 14;

export interface Statement {
  text: string;
  /** Offset in the paragraph's text. */
  start: number;
  speaker?: string;
  /** A direct-dialogue line ("Zhou: ..."): a speech turn, its label left out of the text. */
  direct?: true;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const SPEECH_VERB = new RegExp(
  `(?<![\\p{L}])(?:${SPEECH_VERBS.map(escape).join("|")})(?![\\p{L}])`,
  "u",
);
const TAG = new RegExp(
  `(?:^|,\\s+)((?:the\\s+)?\\p{Lu}[^,;“”"]{0,40}?|he|she)\\s+(?:${SPEAKER_TAG_VERBS.map(escape).join("|")}),\\s`,
  "u",
);
/** Leading list numbers, a page marker or an opening bracket before the first word. */
const LEADING = /^(?:\s*(?:\[Page [0-9ivxlcdm]+\]|\(?\d+[.)]|\([a-z]\)|[“"‘])\s*)*/i;

/** True when a verb of speech comes within the first words of the sentence. */
export function hasSpeechVerb(sentence: string): boolean {
  const opening = sentence.split(/\s+/).slice(0, VERB_WINDOW).join(" ");
  return SPEECH_VERB.test(opening);
}

/** An editor's parenthesis standing as a sentence of its own. */
export function isEditorial(sentence: string): boolean {
  return /^\(.*\)[.]?(?:\d{1,2})?$/su.test(sentence.trim());
}

/** The subject pronoun at the start (after a short introductory phrase), if any. */
export function startsWithPronoun(sentence: string): boolean {
  const text = sentence.replace(LEADING, "");
  const first = text.split(/\s+/)[0]?.replace(/[,]$/, "") ?? "";
  if (CONTINUING_PRONOUNS.includes(first)) return true;
  const intro = /^[^,“”"]{1,60},\s+(\p{Lu}\p{Ll}*)\b/u.exec(text);
  return intro ? CONTINUING_PRONOUNS.includes(intro[1]!) : false;
}

export type SentenceReading =
  | { type: "speaker"; id: string } // starts (or continues) this participant's statement
  | { type: "continues" } // continues whoever is speaking
  | { type: "narrative" }; // the memorandum's own narration, or an editor's

/** How one sentence reads, without context: the rules above, in order. */
export function readSentence(
  sentence: string,
  participants: readonly Participant[],
  options: AttributionOptions = {},
): SentenceReading {
  if (isEditorial(sentence)) return { type: "narrative" };
  const text = sentence.replace(LEADING, "");
  const subject = attributeSpeaker(text, participants, options);
  if (subject) {
    // "I" in a cable is its sender writing, whatever the verb.
    if (subject === options.firstPerson || hasSpeechVerb(text))
      return { type: "speaker", id: subject };
    return { type: "narrative" };
  }
  const tag = TAG.exec(text);
  if (tag) {
    const who = tag[1]!;
    if (/^(he|she)$/i.test(who)) return { type: "continues" };
    const tagged = attributeSpeaker(`${who} said`, participants, options);
    if (tagged) return { type: "speaker", id: tagged };
  }
  return { type: "continues" };
}

/** "Kissinger: ..." — a direct-dialogue paragraph's speaker label, when it names a participant. */
export function dialogueLabel(
  paragraph: string,
  participants: readonly Participant[],
): { speaker: string; text: string } | undefined {
  const match = /^(\p{Lu}[\p{L}.'’ -]{0,40}?):\s+(\S.*)$/su.exec(paragraph);
  if (!match || match[1]!.split(" ").length > 5) return undefined;
  const speaker = attributeSpeaker(`${match[1]!} said`, participants);
  return speaker ? { speaker, text: match[2]! } : undefined;
}

/**
 * Reads the paragraphs of one document in order and keeps the context rules 4 and 5 need: who is
 * speaking, who spoke recently, and whether a statement was announced with a colon.
 */
export function createStatementReader(
  participants: readonly Participant[],
  options: AttributionOptions = {},
) {
  const recent: string[] = [];
  let announced: string | undefined;
  const spoke = (id: string) => {
    const at = recent.indexOf(id);
    if (at >= 0) recent.splice(at, 1);
    recent.unshift(id);
  };

  /**
   * The paragraph's statements: consecutive sentences with the same speaker (or none) joined.
   * `carry` names a speaker already known to be speaking at the start (a transcript label).
   */
  function read(paragraph: string, carry?: string): Statement[] {
    const statements: Statement[] = [];
    const dialogue = dialogueLabel(paragraph, participants);
    if (dialogue) {
      labelled(dialogue.speaker);
      return [
        {
          text: dialogue.text,
          start: paragraph.length - dialogue.text.length,
          speaker: dialogue.speaker,
          direct: true,
        },
      ];
    }
    let current: string | undefined = carry ?? announced;
    announced = undefined;
    for (const [index, sentence] of splitSentences(paragraph).entries()) {
      const reading = readSentence(sentence.text, participants, { ...options, recent });
      let speaker: string | undefined;
      if (reading.type === "speaker") speaker = reading.id;
      else if (reading.type === "narrative") speaker = undefined;
      else if (current) speaker = current;
      else if (index === 0 && startsWithPronoun(sentence.text)) speaker = recent[0];
      else speaker = undefined;
      // Narrative interrupts a statement; the next unmarked sentence does not resume it.
      current = speaker;
      if (speaker) spoke(speaker);
      const previous = statements.at(-1);
      if (previous && previous.speaker === speaker) {
        previous.text = paragraph.slice(previous.start, sentence.start + sentence.text.length);
      } else {
        statements.push({
          text: sentence.text,
          start: sentence.start,
          ...(speaker ? { speaker } : {}),
        });
      }
    }
    const last = statements.at(-1);
    if (last?.speaker && /:\s*$/.test(last.text)) announced = last.speaker;
    return statements;
  }

  /** A turn whose speaker the source states (a transcript's label): remembered for "he". */
  function labelled(id: string): void {
    spoke(id);
    announced = undefined;
  }

  return { read, labelled };
}

/** A paragraph's statements as turns: the first opens the paragraph, the others continue it. */
export function statementTurns(statements: readonly Statement[]): ParsedTurn[] {
  return statements.map((statement, index) => ({
    kind: statement.direct ? ("speech" as const) : ("paragraph" as const),
    text: statement.text,
    ...(statement.speaker ? { speaker: statement.speaker } : {}),
    ...(index > 0 ? { continues: true as const } : {}),
  }));
}
