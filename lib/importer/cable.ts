import { parseCitation } from "./citation";
import { removeDebris } from "./debris";
import { ImportError } from "./errors";
import { dateBlock, readSections, sectionRaw } from "./header";
import { cjkLanguage, isMostlyCjk } from "./language";
import { participantsFromText, splitTitle } from "./participants";
import { withSlug } from "./slug";
import { createStatementReader, statementTurns } from "./statements";
import type { Block } from "./text";
import { blockText, compact, findTime, joinBrokenParagraphs, toBlocks, toLines } from "./text";
import type { ParsedDocument, ParsedTurn, Participant } from "./types";

// A diplomatic cable as the Wilson Center publishes it: date and citation, the telegram form's
// fields (Number, Sent, Received, To, From), subject and classification lines, numbered paragraphs
// written in the first person by the sender, and possibly the original-language form.

const FIELD = /^(Number|Primary|Sent|Received|To|From|Re|Date|Subject):\s+(.+)$/;
const NUMBERED = /^(\d+)\.\s+(.*)$/s;
const LANGUAGE_NAMES = { ja: "Japanese", ko: "Korean", zh: "Chinese" } as const;
const CLASSIFICATION = /\b(Top Secret|Secret|Confidential|Restricted|Unclassified)\b/i;

/** Running prose, as opposed to form lines: several words ending a sentence. */
const isProse = (text: string) => text.split(/\s+/).length >= 8 && /[.?!:][)"”’]?$/.test(text);

interface CitationSection {
  citation?: ReturnType<typeof parseCitation>;
  summary?: string;
}

/** The citation block holds the archive's summary line, then the quoted citation. */
function readCitation(raw: string | undefined): CitationSection {
  if (!raw) return {};
  const lines = raw
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  const start = lines.findIndex((line) => /^["“]/.test(line));
  if (start < 0) return { citation: parseCitation(lines.join(" ")) };
  const summary = lines.slice(0, start).join(" ");
  return {
    citation: parseCitation(lines.slice(start).join("\n")),
    ...(summary ? { summary } : {}),
  };
}

/** The sender ("From: Ambassador Sato"), who writes "I" and whom the cable calls "the Ambassador". */
function senderOf(from: string | undefined): Participant | undefined {
  if (!from) return undefined;
  const { title, name } = splitTitle(from);
  if (!title) return undefined;
  const id = name
    .toLowerCase()
    .split(/\s+/)
    .at(-1)!
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-");
  return { id, name, label: `the ${title}`, title };
}

export function parseCable(text: string, file: string): ParsedDocument {
  const debris = removeDebris(toLines(text));
  const blocks = joinBrokenParagraphs(toBlocks(debris.lines));
  let index = 0;
  const date = dateBlock(blocks[index]);
  if (date) index += 1;
  const { sections, end } = readSections(blocks, index);
  const { citation, summary } = readCitation(
    sectionRaw(sections.find((section) => section.label === "Citation")),
  );

  const fields: Record<string, string> = {};
  const furniture: Block[] = [];
  let bodyStart = end;
  for (; bodyStart < blocks.length; bodyStart += 1) {
    const blockString = blockText(blocks[bodyStart]!);
    const field = FIELD.exec(blockString);
    if (field) fields[field[1]!] = field[2]!;
    else if (isProse(blockString) || NUMBERED.test(blockString)) break;
    else furniture.push(blocks[bodyStart]!);
  }
  const body = blocks.slice(bodyStart);
  if (body.length === 0)
    throw new ImportError(
      file,
      blocks.at(-1)?.line ?? 1,
      "no cable text found after the header fields",
    );

  const sender = senderOf(fields["From"]);
  const prose = body.map(blockText).filter((paragraph) => !isMostlyCjk(paragraph));
  const named = participantsFromText(prose).filter((person) => person.id !== sender?.id);
  const participants = sender ? [sender, ...named] : named;

  const turns: ParsedTurn[] = furniture.map((block, position) => {
    const line = blockText(block);
    return {
      kind: position === 0 && !CLASSIFICATION.test(line) ? "heading" : "header",
      text: line,
    };
  });
  const originals = body.filter((block) => isMostlyCjk(blockText(block)));
  const originalLanguage = cjkLanguage(originals.map(blockText).join(""));
  const reader = createStatementReader(participants, sender ? { firstPerson: sender.id } : {});
  let statementBy: string | undefined;
  for (const block of body) {
    if (originals.includes(block)) {
      const original = block.lines.map((line) => line.trim()).join("\n");
      turns.push({ kind: "original", text: original, lang: originalLanguage });
      continue;
    }
    const paragraph = blockText(block);
    const numbered = NUMBERED.exec(paragraph);
    const words = numbered ? numbered[2]! : paragraph;
    // A numbered paragraph ending "...the following two points:" introduces a statement that runs
    // on, unnumbered and in the speaker's own words, until the next numbered paragraph.
    if (numbered) statementBy = undefined;
    let statements;
    if (statementBy) {
      statements = [{ text: words, start: 0, speaker: statementBy }];
      reader.labelled(statementBy);
    } else {
      statements = reader.read(words);
      const last = statements.at(-1);
      if (last?.speaker && words.trimEnd().endsWith(":")) statementBy = last.speaker;
    }
    const paragraphTurns = statementTurns(statements);
    if (numbered) paragraphTurns[0]!.label = numbered[1]!;
    turns.push(...paragraphTurns);
  }

  const title = citation?.title ?? turns.find((turn) => turn.kind === "heading")?.text;
  if (!title)
    throw new ImportError(
      file,
      blocks[0]?.line ?? 1,
      "no title found (expected a citation or a subject line)",
    );
  const classification = furniture.map(blockText).find((line) => CLASSIFICATION.test(line));
  const document: ParsedDocument = compact({
    type: "document",
    slug: "",
    title,
    date,
    time: fields["Sent"] ? findTime(fields["Sent"]) : undefined,
    archive: citation?.archive ?? debris.archive,
    archiveUrl: citation?.archiveUrl,
    citation: citation?.citation,
    summary,
    translator: citation?.translator,
    originalLanguage: originals.length > 0 ? LANGUAGE_NAMES[originalLanguage] : undefined,
    // "No. 1384 Secret Top Urgent (Limited Distribution)": the cable number is in the title.
    classification: classification?.replace(/^No\.\s*\d+\s+/, ""),
    shape: "cable",
    fields,
    participants,
    turns,
    dropped: debris.dropped,
  });
  return withSlug(document);
}
