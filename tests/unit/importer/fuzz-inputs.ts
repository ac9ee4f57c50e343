import fc from "fast-check";

// Generators of hostile importer inputs for the fuzz test: real sources damaged the ways files get
// damaged in practice (cut short, lines lost or doubled, bad encodings, binary junk, one enormous
// line, broken XML or YAML), and inputs with no structure at all.

/** Characters that break naive text handling: NUL, lone surrogates, direction marks, BOMs, ... */
const NASTY_CHARACTERS = [
  "\u0000",
  "\uD800",
  "\uDFFF",
  "\u200F",
  "\u202E",
  "\u2066",
  "\uFEFF",
  "\uFFFD",
  "\uFFFF",
  "\u0085",
  "\u2028",
  "\u2029",
  "\r",
  "\r\n",
  "\n",
  "\t",
  "\u00A0",
  "\u3000",
  "\u0301",
  "𝔄",
  "😀",
  "總",
  "ש",
];

/** Fragments that mean something to one of the parsers (speaker labels, XML, YAML, Markdown). */
const MARKUP_FRAGMENTS = [
  "Liao: ",
  "Ishibashi: ",
  "**",
  "**Citation:**",
  "• May 06, 1946",
  "- September 14, 1959",
  "SUBJECT",
  "PARTICIPANTS",
  "143. Memorandum of Conversation",
  "[Title] ",
  "[Page 12]",
  "  1. Source: Department of State",
  "*1*",
  "From: Ambassador Sato",
  "Number: 1384",
  "Sent: 19:40",
  "To: Foreign Minister",
  "<",
  ">",
  "</",
  "/>",
  "&",
  "&bogus;",
  "&#0;",
  "&#xD800;",
  "&amp",
  "<![CDATA[",
  "]]>",
  "<!--",
  "<!DOCTYPE x [<!ENTITY a 'aaaaaaaaaa'>]>",
  '<div type="document">',
  "</div>",
  "<p>",
  "</p>",
  '<note type="source">',
  '<pb n="1"/>',
  "<?xml ?>",
  "---\n",
  "---",
  "type: document\n",
  "type: collection\n",
  "slug: x\n",
  "&anchor ",
  "*anchor",
  "<<: *a\n",
  "!!binary ",
  "? ",
  "- ",
  "{",
  "}",
  "{@",
  "{original lang=ja} ",
  "[^1]: ",
  "## ",
  "\\",
  '"',
  "“",
];

const nastyString = fc.oneof(
  fc.constantFrom(...NASTY_CHARACTERS),
  fc.constantFrom(...MARKUP_FRAGMENTS),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
);

/** Random bytes read the way the CLI reads a file: as UTF-8, invalid sequences replaced. */
export const bytesAsUtf8 = (maxLength: number) =>
  fc.uint8Array({ maxLength }).map((bytes) => Buffer.from(bytes).toString("utf8"));

type Mutation = (text: string) => string;

const splitLines = (text: string) => text.split("\n");
const at = (length: number, fraction: number) => Math.floor(fraction * (length + 1));
const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

const lineMutation = (edit: (lines: string[], i: number, j: number) => void) =>
  fc.tuple(fraction, fraction).map(([a, b]): Mutation => {
    return (text) => {
      const lines = splitLines(text);
      edit(lines, at(lines.length - 1, a), at(lines.length - 1, b));
      return lines.join("\n");
    };
  });

/** One damaging edit; several are applied in a row. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // cut short
  fraction.map(
    (f): Mutation =>
      (text) =>
        text.slice(0, at(text.length, f)),
  ),
  // lines lost, doubled, swapped
  lineMutation((lines, i) => lines.splice(i, 1)),
  lineMutation((lines, i) => lines.splice(i, 0, lines[i] ?? "")),
  lineMutation((lines, i, j) => {
    [lines[i], lines[j]] = [lines[j] ?? "", lines[i] ?? ""];
  }),
  // a nasty character or markup fragment dropped in anywhere
  fc.tuple(fraction, nastyString).map(([f, insert]): Mutation => {
    return (text) => text.slice(0, at(text.length, f)) + insert + text.slice(at(text.length, f));
  }),
  // a stretch overwritten with binary garbage
  fc.tuple(fraction, bytesAsUtf8(64), fc.boolean()).map(([f, junk, raw]): Mutation => {
    return (text) => {
      const i = at(text.length, f);
      const garbage = raw ? junk.replace(/\uFFFD/g, "\u0001") : junk;
      return text.slice(0, i) + garbage + text.slice(i + garbage.length);
    };
  }),
  // line endings changed: all CRLF, all CR, or a mix
  fc.constantFrom<Mutation>(
    (text) => text.replace(/\n/g, "\r\n"),
    (text) => text.replace(/\n/g, "\r"),
    (text) => text.replace(/\n/g, (_, offset: number) => (offset % 3 ? "\r\n" : "\r")),
    (text) => `\uFEFF${text}`,
    (text) => `\uFEFF\uFEFF${text}`,
    (text) => text.replace(/\n/g, " "), // everything on one line
    (text) => text.replace(/\n\s*\n/g, "\n"), // blank lines lost
    () => "",
  ),
  // markup broken: tags or brackets dropped, duplicated, renamed
  fc
    .tuple(fraction, fc.constantFrom("<", ">", "/", '"', "&", ";", ":", "*", "-", "\n", " "))
    .map(([f, char]): Mutation => (text) => {
      const positions = [...text.matchAll(new RegExp(`\\${char}`, "g"))].map((m) => m.index);
      if (positions.length === 0) return text;
      const i = positions[at(positions.length - 1, f)]!;
      return text.slice(0, i) + text.slice(i + 1);
    }),
  fc.tuple(fraction, fraction).map(([f, g]): Mutation => {
    return (text) => {
      const tags = [...text.matchAll(/<\/?[A-Za-z][^>]*>/g)].map((m) => m[0]);
      if (tags.length === 0) return text;
      const tag = tags[at(tags.length - 1, f)]!;
      const i = at(text.length, g);
      return text.slice(0, i) + tag + text.slice(i);
    };
  }),
);

/** One line of a megabyte or more, inserted at a line boundary: pathological for any regex. */
export const hugeLine: fc.Arbitrary<Mutation> = fc
  .tuple(
    fraction,
    fc.constantFrom("a", "a ", "Liao ", "Mr. ", "<", "<a", "&", " ", "1. ", "**", "Vice ", "Aa"),
  )
  .map(([f, unit]): Mutation => {
    const line = unit.repeat(Math.ceil(1_100_000 / unit.length));
    return (text) => {
      const lines = splitLines(text);
      lines.splice(at(lines.length, f), 0, line);
      return lines.join("\n");
    };
  });

/** A real source with 1 to 4 damaging edits applied. */
export const damaged = (corpus: readonly string[]) =>
  fc
    .tuple(fc.constantFrom(...corpus), fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .map(([text, edits]) => edits.reduce((current, edit) => edit(current), text));

/** Inputs with no source behind them at all. */
export const unstructured: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 400 }),
  fc.string({ unit: "grapheme", maxLength: 400 }),
  bytesAsUtf8(400),
  fc.array(nastyString, { maxLength: 40 }).map((parts) => parts.join("")),
  fc
    .array(fc.constantFrom(...MARKUP_FRAGMENTS, "\n", "\n\n", "word "), { maxLength: 60 })
    .map((parts) => parts.join("")),
);
