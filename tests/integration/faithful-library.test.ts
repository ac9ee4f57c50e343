import fs from "node:fs";
import { describe, expect, it } from "vitest";
import type { AnnotationSelector } from "@/lib/anchoring/types";
import { getPrisma } from "@/lib/db";
import { parseSource } from "@/lib/importer";
import { parseContent } from "@/lib/importer/content-format";
import type { ParsedDocument } from "@/lib/importer/types";
import { listContentFiles, loadContentFiles } from "@/lib/library/load-content";
import { libraryFacets, listDocuments } from "@/lib/library/queries";
import { searchTranscripts } from "@/lib/library/search";
import { storeDocument } from "@/lib/library/store";

// Issue #15 against a real PostgreSQL: the library loaded from content/, then searched in three
// languages, filtered by a person, and a document re-imported after its turns were split.
const prisma = getPrisma();
const SATO = "1978-07-22-sato-cable-1384";
const LIAO = "1959-09-14-liao-ishibashi-third-conversation";
const DULLES_TANI = "1956-09-07-japanese-soviet-negotiations";
const KISHI_ECONOMIC = "1960-01-19-memorandum-conversation-us-japanese-economic-problems";

describe("the library, loaded from content/", () => {
  it("loads", async () => {
    const report = await loadContentFiles(prisma, listContentFiles("content"));
    expect(report.failed).toEqual([]);
  });

  it.each([
    ["佐藤", SATO],
    ["大使", SATO],
    ["中国", SATO],
    ["外務大臣", SATO],
    ["本省着", SATO],
  ])("finds %s (Japanese) in the Sato cable's original", async (query, slug) => {
    const results = await searchTranscripts(query, null);
    expect(results.map((result) => result.slug)).toEqual([slug]);
    const hit = results[0]!.hits[0]!;
    expect(hit.snippet).toContain(`\uE000${query}\uE001`);
  });

  it("does not find a CJK word that is not in the library, nor one whose characters are apart", async () => {
    expect(await searchTranscripts("毛沢東", null)).toEqual([]);
    // 大 and 使 occur, but never together as 使大.
    expect(await searchTranscripts("使大", null)).toEqual([]);
  });

  it("keeps English ranked and stemmed, with snippets", async () => {
    const results = await searchTranscripts("military base", null);
    expect(results[0]!.slug).toBe(LIAO);
    expect(results[0]!.matches).toBeGreaterThanOrEqual(3);
    expect(results[0]!.hits[0]!.snippet).toMatch(/\uE000(military|bases?)\uE001/);
  });

  it("credits a reported answer to whoever gave it, in search too", async () => {
    const results = await searchTranscripts("effectuations fisheries pact", null);
    const hit = results.find((result) => result.slug === DULLES_TANI)!.hits[0]!;
    expect(hit.speaker).toBe("Masayuki Tani");
  });

  it("lists each person once and finds every Kishi document under either name", async () => {
    const { participants } = await libraryFacets(null);
    expect(participants.filter((name) => /Kishi/.test(name))).toEqual(["Nobusuke Kishi"]);
    expect(participants.filter((name) => /Herter/.test(name))).toEqual(["Christian A. Herter"]);
    for (const name of ["Nobusuke Kishi", "Kishi"]) {
      const documents = await listDocuments(null, { participant: name });
      // Both conversations, and the FRUS TEI edition of the second beside its web copy.
      expect(documents.map((document) => document.slug).sort()).toEqual([
        "1960-01-19-memorandum-conversation-relations-communist-china",
        KISHI_ECONOMIC,
        "memorandum-conversation-relations-communist-china",
      ]);
    }
  });

  it("stores the apparatus apart from the words: pages, note marks, footnotes", async () => {
    const document = await prisma.document.findUniqueOrThrow({
      where: { slug: KISHI_ECONOMIC },
      include: { turns: { orderBy: { position: "asc" } } },
    });
    expect(document.footnotes).toEqual([
      { label: "1", text: "See footnote 1, Document 138." },
      { label: "2", text: "Tadashi Adachi, Chairman of Japan Chamber of Commerce and Industry." },
    ]);
    const opening = document.turns.find((turn) =>
      turn.text.startsWith("Prime Minister Kishi opened"),
    )!;
    expect(opening.pages).toEqual(["268", "269"]);
    expect(opening.text).not.toContain("[Page");
    const macarthur = document.turns.find((turn) => turn.text.includes("Mr. Adachi plans"))!;
    expect(macarthur.notes).toEqual([{ label: "2", at: macarthur.text.indexOf(" plans") }]);
  });
});

describe("a participants list that points to another document", () => {
  it("resolves through that document when the library holds it", async () => {
    const file = "../shared/samples/frus-tei/frus1958-60v18_d143.xml";
    const parsed = parseSource(fs.readFileSync(file, "utf8"), file) as ParsedDocument;
    expect(parsed.fields["Participants"]).toBe("[Here follows the same list as Document 139.]");
    await storeDocument(prisma, { ...parsed, slug: "frus-d143" }, { contentHash: "d143" });
    const stored = await prisma.document.findUniqueOrThrow({
      where: { slug: "frus-d143" },
      include: {
        participants: { orderBy: { position: "asc" } },
        turns: { include: { speaker: true }, orderBy: { position: "asc" } },
      },
    });
    // Document 139's twelve, the people the text named keeping their ids.
    expect(stored.participants).toHaveLength(12);
    expect(stored.participants.find((p) => p.key === "kishi")!.name).toBe("Nobusuke Kishi");
    expect(stored.participants.find((p) => p.key === "herter")!.name).toBe("Christian A. Herter");
    expect(stored.turns[0]!.speaker!.name).toBe("Nobusuke Kishi");
  });
});

describe("re-importing a document whose turns were split", () => {
  it("re-anchors every annotation, none lost silently", async () => {
    // The Dulles–Tani memorandum as it was imported before statement-level attribution: one turn
    // per paragraph, footnote marks in the words.
    const before = parseContent(
      fs.readFileSync(
        "tests/fixtures/reimport/1956-09-07-japanese-soviet-negotiations.before-15.md",
        "utf8",
      ),
      "before.md",
    ) as ParsedDocument;
    const slug = "reimport-dulles-tani";
    await storeDocument(prisma, { ...before, slug }, { contentHash: "before" });
    const stored = await prisma.turn.findMany({
      where: { document: { slug } },
      orderBy: { position: "asc" },
    });
    const user = await prisma.user.create({ data: { email: "reader-15@memcon.test" } });
    const document = await prisma.document.findUniqueOrThrow({ where: { slug } });

    /** An annotation on `exact` in the first stored turn containing it (or across two turns). */
    async function annotate(exact: string) {
      const turn = stored.find((candidate) => candidate.text.includes(exact))!;
      const start = turn.text.indexOf(exact);
      const selector: AnnotationSelector = {
        quote: {
          exact,
          prefix: turn.text.slice(Math.max(0, start - 32), start),
          suffix: turn.text.slice(start + exact.length, start + exact.length + 32),
        },
        positions: [{ turnAnchor: turn.anchor, start, end: start + exact.length }],
      };
      return prisma.annotation.create({
        data: {
          documentId: document.id,
          authorId: user.id,
          visibility: "private",
          selector: selector as never,
          quote: exact,
          firstAnchor: turn.anchor,
          lastAnchor: turn.anchor,
          body: {},
          bodyHtml: "<p>note</p>",
          bodyText: "note",
        },
      });
    }
    const question = await annotate("asked if Prime Minister Hatoyama was going to Moscow");
    const answer = await annotate("the so-called Adenauer formula");
    const across = await annotate("going to Moscow. Ambassador Tani said");
    const nearMark = await annotate("an Aide-Memoire*2*, copy of which is attached");

    const after = parseContent(
      fs.readFileSync(`content/${DULLES_TANI}.md`, "utf8"),
      "after.md",
    ) as ParsedDocument;
    const result = await storeDocument(prisma, { ...after, slug }, { contentHash: "after" });
    const turns = await prisma.turn.findMany({ where: { document: { slug } } });
    const byAnchor = new Map(turns.map((turn) => [turn.anchor, turn]));
    const placed = async (id: string) => {
      const annotation = await prisma.annotation.findUniqueOrThrow({ where: { id } });
      const selector = annotation.selector as unknown as AnnotationSelector;
      return {
        orphaned: annotation.orphaned,
        words: selector.positions
          .map((position) =>
            byAnchor.get(position.turnAnchor)!.text.slice(position.start, position.end),
          )
          .join(" "),
        speakers: selector.positions.map(
          (position) => byAnchor.get(position.turnAnchor)!.speakerId,
        ),
      };
    };

    // The question and the answer now lie in two turns; each note follows its words.
    expect(await placed(question.id)).toMatchObject({
      orphaned: false,
      words: "asked if Prime Minister Hatoyama was going to Moscow",
    });
    expect(await placed(answer.id)).toMatchObject({
      orphaned: false,
      words: "the so-called Adenauer formula",
    });
    const spanning = await placed(across.id);
    expect(spanning.orphaned).toBe(false);
    expect(spanning.words).toBe("going to Moscow. Ambassador Tani said");
    expect(new Set(spanning.speakers).size).toBe(2);
    // The footnote mark left the words: the quote no longer occurs exactly. Placed by the fuzzy
    // match, or reported as an orphan with its quote: never dropped.
    const mark = await placed(nearMark.id);
    if (mark.orphaned) expect(result.orphans).toEqual([{ id: nearMark.id, quote: nearMark.quote }]);
    else expect(mark.words).toContain("Aide-Memoire");
    expect(result.orphanedAnnotations).toBe(result.orphans!.length);
    expect(await prisma.annotation.count({ where: { documentId: document.id } })).toBe(4);
  });
});
