import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, DELETED_REPLY, toCsv, turnRange } from "@/lib/annotations/export/csv";
import { csvField } from "@/lib/format/csv";
import { doc, para, record, reply, text } from "./fixtures";

/** A minimal RFC 4180 reader, to check the writer from the other side. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i]!;
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && csv[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  expect(field).toBe(""); // the file ends with CRLF
  return rows;
}

describe("csvField", () => {
  it.each([
    ["plain", "plain"],
    ["", ""],
    ["a,b", '"a,b"'],
    ['say "no"', '"say ""no"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\rhere", '"cr\rhere"'],
    ["=1+1", "'=1+1"],
    ["+49 30 1234", "'+49 30 1234"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tindented", "'\tindented"],
    ["\rstart", '"\'\rstart"'],
    [
      '=HYPERLINK("https://evil.example","click")',
      '"\'=HYPERLINK(""https://evil.example"",""click"")"',
    ],
    ["\uFF1D1+1", "'\uFF1D1+1"],
    ["a=b", "a=b"],
    ["x -y", "x -y"],
  ])("%j → %j", (input, output) => {
    expect(csvField(input)).toBe(output);
  });
});

describe("turnRange", () => {
  it("is empty, one turn, or first–last with an en dash", () => {
    expect(turnRange([])).toBe("");
    expect(turnRange([{ turnAnchor: 7, start: 0, end: 3 }])).toBe("7");
    expect(
      turnRange([
        { turnAnchor: 12, start: 5, end: 9 },
        { turnAnchor: 13, start: 0, end: 9 },
        { turnAnchor: 14, start: 0, end: 2 },
      ]),
    ).toBe("12\u201314");
  });
});

describe("toCsv", () => {
  const tricky = record({
    id: "c1",
    author: { id: "u1", name: '=cmd|"/c calc"!A1' },
    visibility: "course",
    course: { id: "k1", title: 'History 101, "Cold War"' },
    group: { id: "g1", name: "Seminar B" },
    selector: {
      quote: { exact: 'He said, "No,\nnever."', prefix: "", suffix: "" },
      positions: [
        { turnAnchor: 12, start: 3, end: 40 },
        { turnAnchor: 14, start: 0, end: 5 },
      ],
    },
    note: doc(para(text("First line")), para(text("-1 point; see "), text("@memo"))),
    tags: ["bluff", "berlin"],
    endorsed: true,
    speakers: [
      { turnAnchor: 12, speaker: "Nikita Khrushchev" },
      { turnAnchor: 14, speaker: "John F. Kennedy" },
    ],
    replies: [
      reply({ id: "r2", parentId: "r1", text: "Answer to the answer", at: "2024-05-06" }),
      reply({ id: "r1", parentId: null, text: "=1+1 is not a formula here", at: "2024-05-05" }),
      reply({ id: "r3", parentId: null, text: "", at: "2024-05-07", deleted: true }),
      reply({ id: "r4", parentId: "r3", text: "Still here", at: "2024-05-08", endorsed: true }),
    ],
  });
  const orphan = record({ id: "c2", orphaned: true, author: { id: "u2", name: null }, tags: [] });
  const csv = toCsv(
    [tricky, orphan],
    [{ slug: "frus-1961-berlin", title: "Vienna", citation: "FRUS 1961–1963, vol. V, doc. 87" }],
  );

  it("starts with a UTF-8 BOM and ends every line with CRLF", () => {
    expect(csv.startsWith("\uFEFFid,kind,in_reply_to,document,citation,created,")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    // Bare LFs appear only inside quoted fields.
    const outsideQuotes = csv.replace(/"(?:[^"]|"")*"/g, "");
    expect(outsideQuotes).not.toMatch(/[^\r]\n/);
  });

  it("has the header and one row per record, all fields read back exactly", () => {
    const rows = parseCsv(csv.slice(1));
    const DOC = "Memorandum of Conversation, Vienna, June 3, 1961";
    const CITE = "FRUS 1961–1963, vol. V, doc. 87";
    const CREATED = "2024-05-03T10:15:00.000Z";
    const MODIFIED = "2024-05-04T08:00:00.000Z";
    const COURSE = ["course", 'History 101, "Cold War"', "Seminar B", "12\u201314"];
    const SPEAKERS = "Nikita Khrushchev; John F. Kennedy";
    const at = (day: string) => `${day}T12:00:00.000Z`;
    expect(rows).toEqual([
      [...CSV_COLUMNS],
      [
        "c1",
        "note",
        "",
        DOC,
        CITE,
        CREATED,
        MODIFIED,
        `'=cmd|"/c calc"!A1`,
        ...COURSE,
        SPEAKERS,
        'He said, "No,\nnever."',
        "First line\n-1 point; see @memo",
        "bluff; berlin",
        "yes",
        "no",
      ],
      // The replies follow their note in thread order: an answer under what it answers.
      [
        "r1",
        "reply",
        "c1",
        DOC,
        CITE,
        at("2024-05-05"),
        at("2024-05-05"),
        "Ben",
        ...COURSE,
        SPEAKERS,
        "",
        "'=1+1 is not a formula here",
        "",
        "no",
        "no",
      ],
      [
        "r2",
        "reply",
        "r1",
        DOC,
        CITE,
        at("2024-05-06"),
        at("2024-05-06"),
        "Ben",
        ...COURSE,
        SPEAKERS,
        "",
        "Answer to the answer",
        "",
        "no",
        "no",
      ],
      [
        "r3",
        "reply",
        "c1",
        DOC,
        CITE,
        at("2024-05-07"),
        at("2024-05-07"),
        "Ben",
        ...COURSE,
        SPEAKERS,
        "",
        DELETED_REPLY,
        "",
        "no",
        "no",
      ],
      [
        "r4",
        "reply",
        "r3",
        DOC,
        CITE,
        at("2024-05-08"),
        at("2024-05-08"),
        "Ben",
        ...COURSE,
        SPEAKERS,
        "",
        "Still here",
        "",
        "yes",
        "no",
      ],
      [
        "c2",
        "note",
        "",
        DOC,
        CITE,
        CREATED,
        MODIFIED,
        "",
        "public",
        "",
        "",
        "12",
        "",
        "the question of Berlin",
        "A note on the passage.",
        "",
        "no",
        "yes",
      ],
    ]);
  });

  it("quotes the quote with its comma, newline and quotes", () => {
    expect(csv).toContain('"He said, ""No,\nnever."""');
  });

  it("an empty export is just the header", () => {
    expect(toCsv([])).toBe(
      "\uFEFFid,kind,in_reply_to,document,citation,created,modified,author,visibility,course,group,turns,speakers,quote,note,tags,endorsed,orphaned\r\n",
    );
  });
});
