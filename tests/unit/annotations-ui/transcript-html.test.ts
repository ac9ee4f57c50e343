import { describe, expect, it } from "vitest";
import { transcriptHtml, type TranscriptItem } from "@/components/reader/Transcript";
import type { ReaderDocument, ReaderTurn } from "@/lib/library/document";

type Participant = ReaderDocument["participants"][number];

const liao = {
  id: "p1",
  key: "liao",
  name: "Liao Chengzhi",
  label: "Liao",
  role: "Chinese People's Institute <of Foreign Affairs>",
  position: 0,
} as unknown as Participant;

const turn = (anchor: number, text: string, extra: Partial<ReaderTurn> = {}) =>
  ({
    id: `t${anchor}`,
    anchor,
    kind: "speech",
    text,
    label: null,
    lang: null,
    speakerId: "p1",
    ...extra,
  }) as ReaderTurn;

describe("transcriptHtml", () => {
  it("writes each turn with its permalink, speaker and escaped words", () => {
    const html = transcriptHtml([
      {
        type: "turn",
        turn: turn(7, `We said "no" to <script>alert(1)</script> & more.`),
        speaker: liao,
        context: false,
      },
    ]);
    expect(html).toContain(
      `<li id='t-7' class='turn turn--speech' tabindex='-1' data-speaker='liao'`,
    );
    expect(html).toContain(
      `<a href='#t-7' class='permalink' aria-label='Permalink to turn 7'>7</a>`,
    );
    expect(html).toContain(`<span class='speaker-label'>Liao</span>`);
    expect(html).toContain("Chinese People&#39;s Institute &lt;of Foreign Affairs&gt;");
    expect(html).toContain(
      "<p class='utterance'>We said &quot;no&quot; to &lt;script&gt;alert(1)&lt;/script&gt; &amp; more.</p>",
    );
    expect(html).not.toContain("<script>");
  });

  it("shades overlapping highlights by how many notes cover each piece", () => {
    const html = transcriptHtml([
      {
        type: "turn",
        turn: turn(3, "Japan cannot remove all the military bases at once."),
        speaker: liao,
        context: false,
        spans: [
          { id: "a", start: 28, end: 42 },
          { id: "b", start: 35, end: 51 },
        ],
      },
    ]);
    expect(html).toContain(
      "<p class='utterance'>Japan cannot remove all the " +
        "<mark class='hl hl--1' data-ids='a' title='1 annotation' tabindex='0'>militar</mark>" +
        "<mark class='hl hl--2' data-ids='a b' data-count='2' title='2 annotations' tabindex='0'>y bases</mark>" +
        "<mark class='hl hl--1' data-ids='b' title='1 annotation' tabindex='0'> at once.</mark></p>",
    );
  });

  it("marks context turns, the assignment's passage, other kinds and filtered-out gaps", () => {
    const items: TranscriptItem[] = [
      { type: "gap", count: 3, from: 1, href: "/documents/liao#t-1" },
      { type: "turn", turn: turn(4, "Before."), speaker: liao, context: true, inPassage: true },
      {
        type: "turn",
        turn: turn(5, "Hearing.", { kind: "note", speakerId: null }),
        context: false,
      },
    ];
    const html = transcriptHtml(items);
    expect(html).toContain(
      "<li class='turn-gap'><a href='/documents/liao#t-1'>3 turns by others</a></li>",
    );
    expect(html).toContain("class='turn turn--speech turn--context turn--passage'");
    expect(html).toContain("<p class='kind-label'>Note</p>");
  });
});

describe("the document's header block", () => {
  const turn = (anchor: number, kind: string, text: string) => ({
    type: "turn" as const,
    context: false,
    turn: {
      id: `id-${anchor}`,
      anchor,
      kind,
      text,
      label: null,
      lang: null,
      speakerId: null,
      continues: false,
      notes: [],
      pageBreaks: [],
      pages: [],
    } as unknown as ReaderTurn,
  });

  it("folds the leading header lines into one collapsed Document header, boxes named", () => {
    const html = transcriptHtml([
      turn(1, "header", "Top-Secret Document To be Destroyed"),
      turn(2, "heading", "Record of the Third Conversation"),
      turn(3, "header", "Note-taker: □□□ □□"),
      turn(4, "speech", "Premier Zhou sends you his greetings."),
    ]);
    expect(html).toMatch(
      /^<li id='document-header' class='document-furniture'><details><summary>Document header/,
    );
    expect(html).not.toContain("<details open");
    expect(html).toContain(
      "<li id='t-3' class='furniture-line furniture-line--header'>Note-taker: <span class='lost-characters' title='As printed: □□□ □□' data-original='□□□ □□'>[characters lost in the source copy]</span></li>",
    );
    // The conversation's first turn is a turn of the transcript again.
    expect(html).toContain("<li id='t-4' class='turn turn--speech'");
  });

  it("leaves a single header line as a turn", () => {
    const html = transcriptHtml([
      turn(1, "heading", "Treaty of Peace and Friendship"),
      turn(2, "header", "No. 1384 Secret Top Urgent"),
      turn(3, "paragraph", "Following is a summary."),
    ]);
    expect(html).not.toContain("document-furniture");
    expect(html).toContain("<li id='t-2' class='turn turn--header'");
  });
});

describe("a paragraph split where the speaker changes", () => {
  const turn = (anchor: number, text: string, continues: boolean) => ({
    type: "turn" as const,
    context: false,
    turn: {
      id: `id-${anchor}`,
      anchor,
      kind: "paragraph",
      text,
      label: null,
      lang: null,
      speakerId: null,
      continues,
      notes: [],
      pageBreaks: [],
      pages: [],
    } as unknown as ReaderTurn,
  });

  it("shows its turns inline, the narrative among them marked as such, the words unchanged", () => {
    const html = transcriptHtml([
      turn(1, "Mr. Masuhara gave Mr. Robertson a pamphlet.", false),
      turn(2, "Mr. Robertson said that he would study it.", true),
      turn(3, "A new paragraph.", false),
    ]);
    expect(html).toContain("<li id='t-1' class='turn turn--paragraph turn--inline'");
    expect(html).toContain(
      "<li id='t-2' class='turn turn--paragraph turn--inline turn--continues'",
    );
    expect(html).toContain("<li id='t-3' class='turn turn--paragraph'");
    expect(html).toContain(
      "<p class='speaker speaker--narrative'><span class='speaker-label'>Narrative</span></p><p class='utterance'>Mr. Masuhara gave Mr. Robertson a pamphlet.</p>",
    );
  });
});
