import { describe, expect, it } from "vitest";
import { editionNotesHtml } from "@/components/editions/edition-notes-html";
import { transcriptHtml } from "@/components/reader/Transcript";
import type { Viewer } from "@/lib/auth/permissions";
import type { ReaderTurn } from "@/lib/library/document";
import {
  canDeletePassageLink,
  canReadPassageLink,
  canReviewPassageLink,
  initialStatus,
  type LinkRef,
} from "@/lib/links/permissions";

const turn = {
  id: "t1",
  anchor: 3,
  kind: "paragraph",
  text: "Words.",
  label: null,
  lang: null,
  speakerId: null,
} as unknown as ReaderTurn;

describe("the transcript's controls for links and notes across editions", () => {
  it("draws 'Also recorded in' with the other record's title escaped", () => {
    const html = transcriptHtml([
      { type: "turn", turn, context: false, links: [{ id: "l1", title: `Record <b>"A"</b>` }] },
    ]);
    expect(html).toContain(
      "<button type='button' class='passage-link-ref' data-link='l1' aria-haspopup='dialog'>Also recorded in: Record &lt;b&gt;&quot;A&quot;&lt;/b&gt;</button>",
    );
  });

  it("folds a note from another edition under its edition's name, its words escaped", () => {
    const html = editionNotesHtml([
      {
        id: "n1",
        edition: { slug: "frus-d102", name: "Foreign <Relations>" },
        author: "Ada",
        bodyHtml: "<p>Sanitized body</p>",
        quote: "x",
        sourceAnchor: 4,
        turnAnchor: 5,
        words: "Tani <concurred>",
      },
    ]);
    expect(html).toContain(
      "<summary>From the Foreign &lt;Relations&gt; edition — a note by Ada</summary>",
    );
    expect(html).toContain("On the words “Tani &lt;concurred&gt;”");
    expect(html).toContain("href='/documents/frus-d102#t-4'");
  });
});

describe("who sees and decides passage links", () => {
  const viewer = (
    courses: [string, "instructor" | "student"][],
    siteRole: Viewer["siteRole"] = "user",
  ): Viewer => ({
    userId: "me",
    siteRole,
    courses: new Map(courses),
    groups: new Map(),
  });
  const link = (over: Partial<LinkRef> = {}): LinkRef => ({
    courseId: "c1",
    status: "proposed",
    createdById: "someone",
    from: { courseId: null },
    to: { courseId: null },
    ...over,
  });

  it("a course's proposal: its members read it, its instructors review it", () => {
    expect(canReadPassageLink(viewer([["c1", "student"]]), link())).toBe(true);
    expect(canReadPassageLink(viewer([["c2", "student"]]), link())).toBe(false);
    expect(canReadPassageLink(null, link())).toBe(false);
    expect(canReviewPassageLink(viewer([["c1", "student"]]), link())).toBe(false);
    expect(canReviewPassageLink(viewer([["c1", "instructor"]]), link())).toBe(true);
  });

  it("a link for everyone is read only by those who may read both documents", () => {
    const everyone = link({ courseId: null, status: "confirmed", to: { courseId: "c9" } });
    expect(canReadPassageLink(null, everyone)).toBe(false);
    expect(canReadPassageLink(viewer([["c9", "student"]]), everyone)).toBe(true);
    expect(canReadPassageLink(null, { ...everyone, to: { courseId: null } })).toBe(true);
    expect(canDeletePassageLink(viewer([["c9", "instructor"]]), everyone)).toBe(false);
    expect(canDeletePassageLink(viewer([], "admin"), everyone)).toBe(true);
  });

  it("a student's link starts as a proposal, an instructor's confirmed", () => {
    expect(initialStatus(viewer([["c1", "student"]]), "c1")).toBe("proposed");
    expect(initialStatus(viewer([["c1", "instructor"]]), "c1")).toBe("confirmed");
    expect(initialStatus(viewer([], "instructor"), null)).toBe("confirmed");
  });
});
