import { describe, expect, it } from "vitest";
import { ImportError, parseSource } from "@/lib/importer";

// Every bad input fails with an ImportError naming the file and the line.

function failure(text: string, file: string): ImportError {
  try {
    parseSource(text, file);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error(`${file} was accepted`);
}

const contentFile = (frontMatter: string, body: string) => `---\n${frontMatter}---\n\n${body}\n`;
const dialogueFrontMatter =
  "type: document\nslug: a-dialogue\nshape: dialogue\ntitle: A dialogue\nparticipants:\n  - id: liao\n    name: Liao Chengzhi\n    label: Liao\n";

describe("ImportError", () => {
  it("reads file:line: detail, and keeps the parts", () => {
    const error = new ImportError("seeds/000.txt", 12, 'unknown speaker label "Liaoo"');
    expect(error.message).toBe('seeds/000.txt:12: unknown speaker label "Liaoo"');
    expect(error).toMatchObject({
      file: "seeds/000.txt",
      line: 12,
      detail: 'unknown speaker label "Liaoo"',
      name: "ImportError",
    });
    expect(new ImportError("a.txt", undefined, "no such file").message).toBe("a.txt: no such file");
  });
});

describe("bad inputs", () => {
  it.each([
    {
      name: "an empty file",
      text: "",
      file: "seeds/empty.txt",
      message: "seeds/empty.txt:1: empty document",
    },
    {
      name: "blank lines only",
      text: "  \n\n\t\n",
      file: "blank.txt",
      message: "blank.txt:1: empty document",
    },
    {
      name: "binary data",
      text: "%PDF-1.4\nstream\u0000\u0001\u0002",
      file: "scan.pdf",
      message: /^scan\.pdf:2: binary data/,
    },
    {
      name: "text in the wrong encoding",
      text: "Caf\uFFFD\nau lait",
      file: "latin1.txt",
      message: "latin1.txt:1: not valid UTF-8 text (save the file as UTF-8)",
    },
    {
      name: "a mismatched XML tag",
      text: '<div type="document">\n<head>1. Memo</head>\n<p>Unclosed <hi>text</p>\n</div>\n',
      file: "broken.xml",
      message: /^broken\.xml:3: invalid XML: Opening and ending tag mismatch/,
    },
    {
      name: "an unquoted XML attribute",
      text: '<div type="document">\n<head>1. Memo</head>\n\n<p rend=x>text</p>\n</div>\n',
      file: "quote.xml",
      message: /^quote\.xml:4: invalid XML: attribute/,
    },
    {
      name: "two TEI documents in one file",
      text: '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>\n<div type="document"><head>1. A</head><p>x</p></div>\n<div type="document"><head>2. B</head><p>y</p></div>\n</body></text></TEI>',
      file: "two.xml",
      message: 'two.xml:3: found 2 <div type="document"> elements; expected exactly one',
    },
    {
      name: "TEI without a document",
      text: '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>x</p></body></text></TEI>',
      file: "none.xml",
      message: /^none\.xml:1: no <div type="document"> found/,
    },
    {
      name: "unparsable YAML front matter",
      text: contentFile("type: document\ntitle: [unclosed\n", "Text."),
      file: "content/bad.md",
      message: /^content\/bad\.md:3: malformed front matter: /,
    },
    {
      name: "front matter never closed",
      text: "---\ntype: document\nslug: a\n",
      file: "open.md",
      message: "open.md:1: malformed front matter: no closing '---' line",
    },
    {
      name: "an invalid slug",
      text: contentFile("type: document\nslug: Not A Slug\nshape: memorandum\ntitle: X\n", "Text."),
      file: "slug.md",
      message:
        "slug.md:3: invalid front matter: slug: expected a lowercase ASCII slug with hyphens",
    },
    {
      name: "a misspelt key",
      text: contentFile(
        "type: document\nslug: a\nshape: memorandum\ntitle: X\ntitel: Y\n",
        "Text.",
      ),
      file: "typo.md",
      message: 'typo.md:6: invalid front matter: Unrecognized key: "titel"',
    },
    {
      name: "a bad participant id",
      text: contentFile(
        "type: document\nslug: a\nshape: memorandum\ntitle: X\nparticipants:\n  - id: Liao Chengzhi\n    name: Liao\n",
        "Text.",
      ),
      file: "id.md",
      message: /^id\.md:7: invalid front matter: participants\.0\.id: /,
    },
    {
      name: "an unknown speaker label",
      text: contentFile(
        dialogueFrontMatter,
        "**Liao:** Premier Zhou sends you his greetings.\n\n**Liaoo:** A typo.",
      ),
      file: "seeds/000.md",
      message: 'seeds/000.md:14: unknown speaker label "Liaoo"',
    },
    {
      name: "an unknown attributed speaker",
      text: contentFile(dialogueFrontMatter, "{@zhou} The Premier said so."),
      file: "zhou.md",
      message: 'zhou.md:12: unknown speaker label "zhou"',
    },
    {
      name: "an unknown turn marker",
      text: contentFile(dialogueFrontMatter, "{footnote} Text."),
      file: "marker.md",
      message: 'marker.md:12: unknown turn marker "footnote" in {footnote}',
    },
    {
      name: "a content file without turns",
      text: contentFile(dialogueFrontMatter, ""),
      file: "bare.md",
      message: /^bare\.md:11: empty document/,
    },
    {
      name: "prose with no recognisable document",
      text: "Just a sentence with nothing else.",
      file: "one.txt",
      message: /^one\.txt:1: no title found/,
    },
  ])("$name", ({ text, file, message }) => {
    const error = failure(text, file);
    expect(error.file).toBe(file);
    expect(error.line).toBeGreaterThanOrEqual(1);
    if (typeof message === "string") expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
  });
});
