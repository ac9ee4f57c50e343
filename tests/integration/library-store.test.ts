import { describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import type { ParsedDocument } from "@/lib/importer/types";
import { searchTranscripts } from "@/lib/library/search";
import { storeDocument } from "@/lib/library/store";

function liaoDocument(turns: ParsedDocument["turns"]): ParsedDocument {
  return {
    type: "document",
    slug: "1959-09-14-liao-ishibashi",
    title: "Record of the Third Conversation between Comrade Liao Chengzhi and Ishibashi Tanzan",
    date: "1959-09-14",
    shape: "dialogue",
    fields: {},
    participants: [
      { id: "liao", name: "Liao Chengzhi", label: "Liao" },
      { id: "ishibashi", name: "Ishibashi Tanzan", label: "Ishibashi" },
    ],
    turns,
    dropped: [],
  };
}

const original: ParsedDocument["turns"] = [
  { kind: "header", text: "Top-Secret Document\nTo be Destroyed" },
  {
    kind: "speech",
    speaker: "liao",
    text: "Premier Zhou [Enlai] sends you his greetings, and would like to know whether you have other opinions.",
  },
  {
    kind: "speech",
    speaker: "ishibashi",
    text: "Japan cannot cut its ties with the United States right now.",
  },
  {
    kind: "speech",
    speaker: "liao",
    text: "If the prerequisite for further negotiations is to accept the numerous American military bases in Japan, then it is indeed impossible to talk.",
  },
  {
    kind: "speech",
    speaker: "ishibashi",
    text: 'Terms like "legalized" are unnecessary. Japan cannot remove all the military bases at once.',
  },
];

async function anchors(slug: string) {
  const turns = await getPrisma().turn.findMany({
    where: { document: { slug } },
    orderBy: { position: "asc" },
    select: { id: true, anchor: true, text: true, speaker: { select: { key: true } } },
  });
  return turns;
}

describe("storeDocument", () => {
  const prisma = getPrisma();

  it("creates a document with numbered turns and speakers, then skips an unchanged re-import", async () => {
    const first = await storeDocument(prisma, liaoDocument(original), { contentHash: "v1" });
    expect(first).toMatchObject({ status: "created", turns: 5 });
    const turns = await anchors("1959-09-14-liao-ishibashi");
    expect(turns.map((turn) => turn.anchor)).toEqual([1, 2, 3, 4, 5]);
    expect(turns.map((turn) => turn.speaker?.key ?? null)).toEqual([
      null,
      "liao",
      "ishibashi",
      "liao",
      "ishibashi",
    ]);

    const again = await storeDocument(prisma, liaoDocument(original), { contentHash: "v1" });
    expect(again.status).toBe("unchanged");
  });

  it("keeps turn ids and anchors across a re-import with an edited, an inserted and a removed turn", async () => {
    const before = await anchors("1959-09-14-liao-ishibashi");
    const revised = [
      original[0]!,
      { kind: "heading" as const, text: "(Not yet approved by Chairman Liao)" },
      original[1]!,
      // original[2] removed; original[3] edited (a correction of the translation)
      { ...original[3]!, text: original[3]!.text.replace("indeed impossible", "truly impossible") },
      original[4]!,
    ];
    const result = await storeDocument(prisma, liaoDocument(revised), { contentHash: "v2" });
    expect(result).toMatchObject({ status: "updated", turns: 5, keptAnchors: 4 });

    const after = await anchors("1959-09-14-liao-ishibashi");
    expect(after.map((turn) => turn.anchor)).toEqual([1, 6, 2, 4, 5]);
    // Same database rows (annotations point at them), not new ones.
    const idOf = (rows: typeof before, anchor: number) =>
      rows.find((row) => row.anchor === anchor)?.id;
    for (const anchor of [1, 2, 4, 5]) expect(idOf(after, anchor)).toBe(idOf(before, anchor));
    expect(after.find((turn) => turn.anchor === 4)?.text).toContain("truly impossible");
    expect(after.some((turn) => turn.anchor === 3)).toBe(false);
  });

  it("leaves the stored document untouched when an import fails half-way", async () => {
    const before = await anchors("1959-09-14-liao-ishibashi");
    const broken = liaoDocument([
      ...original,
      { kind: "speech", text: "x".repeat(10), speaker: "liao" },
    ]);
    // An invalid kind makes the database reject the insert after earlier statements ran.
    broken.turns.push({ kind: "not-a-kind" as never, text: "bad" });
    await expect(storeDocument(prisma, broken, { contentHash: "v3" })).rejects.toThrow();
    expect(await anchors("1959-09-14-liao-ishibashi")).toEqual(before);
    const document = await prisma.document.findUniqueOrThrow({
      where: { slug: "1959-09-14-liao-ishibashi" },
    });
    expect(document.contentHash).toBe("v2");
  });

  it("finds turns by full-text search, ranked, with highlighted snippets and stemming", async () => {
    const results = await searchTranscripts("military bases", null);
    expect(results).toHaveLength(1);
    expect(results[0]!.slug).toBe("1959-09-14-liao-ishibashi");
    expect(results[0]!.hits.map((hit) => hit.anchor).sort()).toEqual([4, 5]);
    expect(results[0]!.hits[0]!.snippet).toMatch(/\uE000military\uE001/i);
    expect(results[0]!.hits[0]!.speaker).toMatch(/Liao Chengzhi|Ishibashi Tanzan/);
    // Stemming: "greeting" finds "greetings"; phrase and exclusion syntax work.
    expect((await searchTranscripts("greeting", null))[0]?.hits[0]?.anchor).toBe(2);
    expect(await searchTranscripts('"bases at once" -japan', null)).toEqual([]);
    expect(await searchTranscripts("   ", null)).toEqual([]);
    expect(await searchTranscripts("zebra", null)).toEqual([]);
  });
});

describe("the reader's copy of a document", () => {
  const prisma = getPrisma();
  it("is read once while unchanged and follows every re-import at once", async () => {
    const { getDocument } = await import("@/lib/library/document");
    const slug = "1959-09-14-liao-ishibashi";
    const first = await getDocument(slug);
    const again = await getDocument(slug);
    // Kept between page views: the same turns, not read again.
    expect(again!.turns).toBe(first!.turns);
    const edited = original.map((turn) =>
      turn.text.includes("indeed impossible")
        ? { ...turn, text: turn.text.replace("indeed impossible", "utterly impossible") }
        : turn,
    );
    await storeDocument(prisma, liaoDocument(edited), { contentHash: "v9" });
    const after = await getDocument(slug);
    expect(after!.contentHash).toBe("v9");
    expect(after!.turns.some((turn) => turn.text.includes("utterly impossible"))).toBe(true);
    expect(after!.turns.some((turn) => turn.text.includes("indeed impossible"))).toBe(false);
    expect(await getDocument("no-such-document")).toBeNull();
  });
});
