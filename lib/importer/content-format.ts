import { LineCounter, parseDocument, stringify } from "yaml";
import { z } from "zod";
import { isSafeWebUrl } from "@/lib/validations/url";
import { ImportError } from "./errors";
import type {
  CollectionEntry,
  Footnote,
  NoteRef,
  PageBreak,
  ParsedCollection,
  ParsedDocument,
  ParsedSource,
  ParsedTurn,
  Participant,
  TurnKind,
} from "./types";

// The project's content files (content/<slug>.md): Markdown with YAML front matter, one file per
// document or collection, meant to be read, diffed and hand-edited. The front matter holds the
// metadata; the body holds one turn per blank-line-separated block:
//
//   **Liao:** Premier Zhou ...          speech, by the participant labelled (or named) "Liao"
//   {@dulles} The Secretary said ...    paragraph attributed to participant id "dulles"
//   The conversation then ...           paragraph without a speaker
//   ## 1. U.S.-Japan Trade              heading
//   [^2]: See supra.                    footnote 2 (not a turn; its mark in a text is "[^2]")
//   {header} Top-Secret Document        any kind, with optional @speaker, #label and lang=xx
//   {original lang=ja} 総番号 ...        original-language text
//   \{braces} ...                       a paragraph that merely starts like a marker, escaped
//
// Inside a turn's text, apparatus is marked where it stood: "[^2]" a footnote's reference mark,
// "{pb 278}" the start of page 278; a literal "[^" or "{pb " in the words is escaped with a
// backslash. "[^2]: text" blocks are the footnotes themselves (listed under the document).
//
// A source paragraph split where the speaker changes is one block with a line per turn; every
// line after the first starts with its marker ("{@tani} Ambassador Tani said ...", "{paragraph}
// ..." for narrative), and those turns carry `continues: true`.
//
// serializeContent and parseContent are inverse: parseContent(serializeContent(x)) deep-equals x.
// Over 300 lines: the reader and the writer of one format, kept together so that every file
// written reads back the same (tests/unit/importer/content-format.test.ts).

const KINDS = [
  "speech",
  "paragraph",
  "heading",
  "header",
  "note",
  "attachment",
  "original",
] as const satisfies readonly TurnKind[];
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
/** A label that can sit in a tag or a footnote marker: no spaces, braces or brackets. */
const SIMPLE_LABEL = /^[^\s{}[\]]+$/;
/** Plain paragraphs starting like this are escaped with a backslash. */
const LOOKS_LIKE_MARKUP = /^(?:\{|\*\*|#|\[\^|\\)/;

// ---------------------------------------------------------------------------------------------
// Front matter schemas: strict, so a misspelt key is an error rather than silently ignored.

const optionalText = z.string().min(1).optional();
/** YAML reads a bare year (date: 1955) as a number; accept it as the string it means. */
const isoDate = z.preprocess(
  (value) => (typeof value === "number" ? String(value) : value),
  z.string().regex(ISO_DATE, "expected an ISO date: YYYY, YYYY-MM or YYYY-MM-DD"),
);

const participantSchema = z.strictObject({
  id: z.string().regex(ID, "expected a lowercase ASCII id with hyphens"),
  name: z.string().min(1),
  label: optionalText,
  title: optionalText,
  role: optionalText,
});

const droppedSchema = z.strictObject({
  line: z.number().int().positive(),
  text: z.string(),
  reason: z.string().min(1),
});

const slug = z.string().regex(ID, "expected a lowercase ASCII slug with hyphens");

const documentFrontMatter = z.strictObject({
  type: z.literal("document"),
  slug,
  shape: z.enum(["dialogue", "memorandum", "cable", "tei"]),
  title: z.string().min(1),
  date: isoDate.optional(),
  time: optionalText,
  place: optionalText,
  archive: optionalText,
  archiveUrl: z
    .string()
    .refine(isSafeWebUrl, "archiveUrl must be an http:// or https:// address.")
    .optional(),
  citation: optionalText,
  summary: optionalText,
  translator: optionalText,
  interpreter: optionalText,
  noteTaker: optionalText,
  originalLanguage: optionalText,
  classification: optionalText,
  sourceNote: optionalText,
  fields: z.record(z.string(), z.string()).default({}),
  participants: z.array(participantSchema).default([]),
  dropped: z.array(droppedSchema).default([]),
});

const collectionFrontMatter = z.strictObject({
  type: z.literal("collection"),
  slug,
  title: z.string().min(1),
  description: optionalText,
  archive: optionalText,
  dropped: z.array(droppedSchema).default([]),
});

const frontMatterSchema = z.discriminatedUnion("type", [
  documentFrontMatter,
  collectionFrontMatter,
]);

/** Drop undefined values so that objects built here deep-equal the parsers' output. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

// ---------------------------------------------------------------------------------------------
// Serialising

/** How a speaker is written: label or name when that finds the same participant back, else id. */
function speakerDisplay(id: string, participants: readonly Participant[]): string {
  const participant = participants.find((candidate) => candidate.id === id);
  const display = participant?.label ?? participant?.name;
  return display && resolveSpeaker(display, participants) === id ? display : id;
}

function tag(turn: ParsedTurn, kindShown: boolean): string {
  const parts: string[] = kindShown ? [turn.kind] : [];
  if (turn.speaker !== undefined) parts.push(`@${turn.speaker}`);
  if (turn.label !== undefined) {
    if (!SIMPLE_LABEL.test(turn.label))
      throw new Error(`turn label ${JSON.stringify(turn.label)} cannot be written`);
    parts.push(`#${turn.label}`);
  }
  if (turn.lang !== undefined) parts.push(`lang=${turn.lang}`);
  return `{${parts.join(" ")}}`;
}

/** One turn as a Markdown block, using the shortest markup that says everything. */
export function serializeTurn(turn: ParsedTurn, participants: readonly Participant[]): string {
  const { kind, speaker, label, lang } = turn;
  const text = markedText(turn);
  const plain = label === undefined && lang === undefined;
  if (kind === "speech" && speaker !== undefined && plain)
    return `**${speakerDisplay(speaker, participants)}:** ${text}`;
  if (kind === "paragraph" && speaker === undefined && plain)
    return LOOKS_LIKE_MARKUP.test(text) ? `\\${text}` : text;
  if (kind === "heading" && speaker === undefined && plain) return `## ${text}`;
  return `${tag(turn, kind !== "paragraph")} ${text}`.trimEnd();
}

/** Literal text that would read as apparatus markup. */
const APPARATUS_LIKE = /\[\^|\{pb /g;

/** The turn's words with its apparatus marked where it stood: "[^2]", "{pb 278}". */
export function markedText(turn: Pick<ParsedTurn, "text" | "notes" | "pages">): string {
  const marks = [
    ...(turn.notes ?? []).map((note) => ({ at: note.at, order: 1, mark: `[^${note.label}]` })),
    ...(turn.pages ?? []).map((page) => ({ at: page.at, order: 0, mark: `{pb ${page.page}}` })),
  ].sort((a, b) => a.at - b.at || a.order - b.order);
  let out = "";
  let last = 0;
  for (const { at, mark } of marks) {
    const words = turn.text.slice(last, at).replace(APPARATUS_LIKE, (literal) => `\\${literal}`);
    if (words.endsWith("\\"))
      throw new Error(
        `a backslash before apparatus cannot be written: ${JSON.stringify(turn.text)}`,
      );
    out += words;
    // A page starting at a word (after a space, or at the start) is written "{pb 278} word".
    const pageAtWord = mark.startsWith("{pb") && (at === 0 || turn.text[at - 1] === " ");
    out += pageAtWord ? `${mark} ` : mark;
    last = at;
  }
  out += turn.text.slice(last).replace(APPARATUS_LIKE, (literal) => `\\${literal}`);
  return out;
}

/** Read marked text back: the words, and the apparatus with its offsets. */
export function readMarkedText(marked: string): Pick<ParsedTurn, "text" | "notes" | "pages"> {
  const notes: NoteRef[] = [];
  const pages: PageBreak[] = [];
  let text = "";
  const pattern = /\\(\[\^|\{pb )|\[\^([^\]\s]+)\]|\{pb ([^}\s]+)\}( )?/g;
  let last = 0;
  for (const match of marked.matchAll(pattern)) {
    text += marked.slice(last, match.index);
    last = match.index + match[0].length;
    if (match[1]) text += match[1];
    else if (match[2]) notes.push({ label: match[2], at: text.length });
    else {
      pages.push({ page: match[3]!, at: text.length });
      // "{pb 278} word": the space after the mark was written for it, unless it is the text's.
      if (match[4] && !(text === "" || text.endsWith(" "))) text += " ";
    }
  }
  text += marked.slice(last);
  return { text, ...(notes.length ? { notes } : {}), ...(pages.length ? { pages } : {}) };
}

/** A turn continuing a paragraph: always with an explicit marker, so it cannot read as a wrap. */
function serializeContinuation(turn: ParsedTurn, participants: readonly Participant[]): string {
  const rest: ParsedTurn = { ...turn };
  delete rest.continues;
  const plain = serializeTurn(rest, participants);
  if (CONTINUATION.test(plain)) return plain;
  return `${tag(rest, true)} ${markedText(turn)}`.trimEnd();
}

function frontMatter(data: Record<string, unknown>): string {
  const compact = Object.fromEntries(
    Object.entries(data).filter(([, value]) => {
      if (value === undefined) return false;
      if (Array.isArray(value)) return value.length > 0;
      if (typeof value === "object" && value !== null) return Object.keys(value).length > 0;
      return true;
    }),
  );
  return `---\n${stringify(compact, { lineWidth: 100 })}---\n`;
}

function serializeEntry(entry: CollectionEntry): string {
  const blocks = [`## ${entry.date} · ${entry.title}`];
  if (entry.summary !== undefined)
    blocks.push(LOOKS_LIKE_MARKUP.test(entry.summary) ? `\\${entry.summary}` : entry.summary);
  if (entry.document !== undefined) blocks.push(`{document ${entry.document}}`);
  return blocks.join("\n\n");
}

export function serializeContent(parsed: ParsedSource): string {
  if (parsed.type === "collection") {
    const { entries, ...meta } = parsed;
    return `${frontMatter({ type: meta.type, slug: meta.slug, title: meta.title, description: meta.description, archive: meta.archive, dropped: meta.dropped })}\n${entries.map(serializeEntry).join("\n\n")}\n`;
  }
  const { turns, participants, footnotes = [], ...meta } = parsed;
  const ordered = {
    type: meta.type,
    slug: meta.slug,
    shape: meta.shape,
    title: meta.title,
    date: meta.date,
    time: meta.time,
    place: meta.place,
    archive: meta.archive,
    archiveUrl: meta.archiveUrl,
    citation: meta.citation,
    summary: meta.summary,
    translator: meta.translator,
    interpreter: meta.interpreter,
    noteTaker: meta.noteTaker,
    originalLanguage: meta.originalLanguage,
    classification: meta.classification,
    sourceNote: meta.sourceNote,
    fields: meta.fields,
    participants: participants.map((participant) => defined(participant)),
    dropped: meta.dropped,
  };
  const body = turns
    .map((turn, index) =>
      turn.continues && index > 0
        ? `\n${serializeContinuation(turn, participants)}`
        : `${index > 0 ? "\n\n" : ""}${serializeTurn(turn, participants)}`,
    )
    .join("");
  const notes = footnotes.map((note) => {
    if (!SIMPLE_LABEL.test(note.label))
      throw new Error(`footnote label ${JSON.stringify(note.label)} cannot be written`);
    return `[^${note.label}]: ${note.text}`;
  });
  return `${frontMatter(ordered)}\n${[body, ...notes].filter(Boolean).join("\n\n")}\n`;
}

// ---------------------------------------------------------------------------------------------
// Parsing

interface BodyBlock {
  /** 1-based line in the whole file. */
  line: number;
  lines: string[];
}

/** Speakers are written by id, label or name. */
function resolveSpeaker(written: string, participants: readonly Participant[]): string | undefined {
  const byId = participants.find((participant) => participant.id === written);
  if (byId) return byId.id;
  const matches = participants.filter(
    (participant) => participant.label === written || participant.name === written,
  );
  return matches.length === 1 ? matches[0]!.id : undefined;
}

function splitFrontMatter(
  text: string,
  file: string,
): { yaml: string; bodyLines: string[]; bodyLine: number } {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  if (!/^---\s*$/.test(lines[0] ?? ""))
    throw new ImportError(file, 1, "malformed front matter: the file must start with a '---' line");
  const close = lines.findIndex((line, index) => index > 0 && /^---\s*$/.test(line));
  if (close < 0) throw new ImportError(file, 1, "malformed front matter: no closing '---' line");
  return {
    yaml: lines.slice(1, close).join("\n"),
    bodyLines: lines.slice(close + 1),
    bodyLine: close + 2,
  };
}

/** The 1-based file line of the YAML node at `path`, or of the closest ancestor found. */
function lineOfPath(
  document: ReturnType<typeof parseDocument>,
  counter: LineCounter,
  path: readonly PropertyKey[],
): number {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const keys = path.slice(0, depth).map((key) => (typeof key === "symbol" ? String(key) : key));
    const node = depth === 0 ? document.contents : document.getIn(keys, true);
    const offset = (node as { range?: [number, number, number] } | undefined)?.range?.[0];
    if (offset !== undefined) return counter.linePos(offset).line + 1;
  }
  return 2;
}

/**
 * Real front matter is 1-3 KB (the longest in content/ is 2.3 KB). The YAML parser slows down quadratically on some malformed input
 * (a megabyte of "[Page 1] " took 45 s) and overflows its stack on deep nesting ("? ? ? ..."), so
 * much longer front matter is refused before it is parsed.
 */
const MAX_FRONT_MATTER = 32 * 1024;

/** The YAML document, or an ImportError for what the parser itself throws (stack overflow, aliases). */
function parseYaml(yamlText: string, file: string, counter: LineCounter) {
  if (yamlText.length > MAX_FRONT_MATTER)
    throw new ImportError(
      file,
      1,
      `malformed front matter: longer than ${MAX_FRONT_MATTER / 1024} KB (is the closing '---' line missing?)`,
    );
  try {
    const document = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false });
    return { document, data: document.errors.length ? undefined : (document.toJS() as unknown) };
  } catch (error) {
    const reason = error instanceof RangeError ? "nested too deeply" : (error as Error).message;
    throw new ImportError(file, 2, `malformed front matter: ${reason.split("\n")[0]!}`);
  }
}

function readFrontMatter(yamlText: string, file: string): z.infer<typeof frontMatterSchema> {
  const counter = new LineCounter();
  const { document, data } = parseYaml(yamlText, file, counter);
  const yamlError = document.errors[0];
  if (yamlError) {
    // Lines inside the YAML are 1-based; the opening "---" is line 1 of the file.
    const line = counter.linePos(yamlError.pos[0]).line + 1;
    const reason = /call stack/.test(yamlError.message)
      ? "nested too deeply"
      : yamlError.message.split("\n")[0]!;
    throw new ImportError(file, line, `malformed front matter: ${reason}`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data))
    throw new ImportError(file, 2, "malformed front matter: expected key: value pairs");
  const result = frontMatterSchema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  const keyPath = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0]!] : issue.path;
  throw new ImportError(
    file,
    lineOfPath(document, counter, keyPath),
    `invalid front matter: ${where}${issue.message}`,
  );
}

function toBodyBlocks(lines: readonly string[], firstLine: number): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  let current: BodyBlock | undefined;
  lines.forEach((line, index) => {
    if (line.trim() === "") {
      current = undefined;
      return;
    }
    if (!current) {
      current = { line: firstLine + index, lines: [] };
      blocks.push(current);
    }
    current.lines.push(line.trim());
  });
  return blocks;
}

const TAG = /^\{([^}]*)\}(?:\s+|$)/s;
/** A line inside a block that starts a turn continuing the paragraph. */
const CONTINUATION = /^(?:\{(?!pb )[^}]*\}|\*\*[^*]+?:\*\*)(?:\s|$)/;

/** A block's turns: its first line opens one; each later line with a marker opens another. */
function splitContinuations(block: BodyBlock): BodyBlock[] {
  if (/^\{[^}]*\boriginal\b/.test(block.lines[0] ?? "")) return [block];
  const parts: BodyBlock[] = [];
  block.lines.forEach((line, index) => {
    if (index === 0 || CONTINUATION.test(line))
      parts.push({ line: block.line + index, lines: [line] });
    else parts.at(-1)!.lines.push(line);
  });
  return parts;
}

/** One body block as a turn; `kind` decides how wrapped lines are joined. */
function parseTurn(
  block: BodyBlock,
  participants: readonly Participant[],
  file: string,
): ParsedTurn {
  const joined = block.lines.join(" ");
  const speakerOf = (written: string): string => {
    const id = resolveSpeaker(written, participants);
    if (id === undefined)
      throw new ImportError(file, block.line, `unknown speaker label "${written}"`);
    return id;
  };
  if (joined.startsWith("\\")) return { kind: "paragraph", text: joined.slice(1) };
  const speech = /^\*\*([^*]+?):\*\*(?:\s+|$)/.exec(joined);
  if (speech)
    return { kind: "speech", speaker: speakerOf(speech[1]!), text: joined.slice(speech[0].length) };
  if (/^##(?:\s|$)/.test(joined)) return { kind: "heading", text: joined.replace(/^##\s*/, "") };
  const note = /^\[\^([^\]\s]+)\]:(?:\s+|$)/.exec(joined);
  if (note) return { kind: "note", label: note[1]!, text: joined.slice(note[0].length) };
  const tagged = TAG.exec(joined);
  if (!tagged) return { kind: "paragraph", text: joined };

  const turn: ParsedTurn = { kind: "paragraph", text: "" };
  for (const token of tagged[1]!
    .trim()
    .split(/\s+/)
    .filter((part) => part !== "")) {
    if (token.startsWith("@")) turn.speaker = speakerOf(token.slice(1));
    else if (token.startsWith("#") && token.length > 1) turn.label = token.slice(1);
    else if (token.startsWith("lang=") && token.length > 5) turn.lang = token.slice(5);
    else if ((KINDS as readonly string[]).includes(token)) turn.kind = token as TurnKind;
    else
      throw new ImportError(file, block.line, `unknown turn marker "${token}" in {${tagged[1]!}}`);
  }
  // Original-language blocks keep their line breaks; elsewhere wrapped lines are one paragraph.
  const rest = turn.kind === "original" ? block.lines.join("\n") : joined;
  turn.text = rest.slice(TAG.exec(rest)![0].length);
  return turn;
}

function parseEntries(blocks: readonly BodyBlock[], file: string): CollectionEntry[] {
  const entries: CollectionEntry[] = [];
  for (const block of blocks) {
    const joined = block.lines.join(" ");
    const heading = /^##\s+(\d{4}(?:-\d{2}(?:-\d{2})?)?)\s+·\s+(.+)$/.exec(joined);
    const current = entries.at(-1);
    if (heading) entries.push({ date: heading[1]!, title: heading[2]! });
    else if (!current)
      throw new ImportError(file, block.line, 'expected an entry heading "## YYYY-MM-DD · Title"');
    else if (/^\{document\s+([a-z0-9-]+)\}$/.test(joined))
      current.document = /^\{document\s+([a-z0-9-]+)\}$/.exec(joined)![1]!;
    else {
      const summary = joined.startsWith("\\") ? joined.slice(1) : joined;
      current.summary = current.summary === undefined ? summary : `${current.summary} ${summary}`;
    }
  }
  return entries;
}

export function parseContent(text: string, fileName: string): ParsedSource {
  const { yaml, bodyLines, bodyLine } = splitFrontMatter(text, fileName);
  const meta = readFrontMatter(yaml, fileName);
  const blocks = toBodyBlocks(bodyLines, bodyLine);
  if (meta.type === "collection") {
    const collection: ParsedCollection = defined({
      ...meta,
      entries: parseEntries(blocks, fileName),
    });
    return collection;
  }
  const participants = meta.participants.map((participant) => defined(participant));
  const duplicate = participants.find(
    (participant, index) =>
      participants.findIndex((other) => other.id === participant.id) !== index,
  );
  if (duplicate)
    throw new ImportError(fileName, 2, `participant id "${duplicate.id}" is used twice`);
  const footnotes: Footnote[] = [];
  const turns = blocks.flatMap((block) => {
    const definition = /^\[\^([^\]\s]+)\]:(?:\s+|$)/.exec(block.lines[0] ?? "");
    if (definition) {
      footnotes.push({
        label: definition[1]!,
        text: block.lines.join(" ").slice(definition[0].length),
      });
      return [];
    }
    return splitContinuations(block).map((part, index) => {
      const parsed = parseTurn(part, participants, fileName);
      const turn: ParsedTurn = { ...parsed, ...readMarkedText(parsed.text) };
      return index > 0 ? { ...turn, continues: true as const } : turn;
    });
  });
  if (turns.length === 0)
    throw new ImportError(fileName, bodyLine, "empty document: no turns after the front matter");
  const document: ParsedDocument = defined({
    ...meta,
    participants,
    turns,
    footnotes: footnotes.length > 0 ? footnotes : undefined,
  });
  return document;
}
