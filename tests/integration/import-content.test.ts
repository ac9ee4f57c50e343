import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { listContentFiles, loadContentFiles } from "@/lib/library/load-content";
import { searchTranscripts } from "@/lib/library/search";

// The real library: content/ loaded into PostgreSQL the way `npm start` and `npm run import` do.
const prisma = getPrisma();
const LIAO = "1959-09-14-liao-ishibashi-third-conversation";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "memcon-content-"));

function turnsOf(slug: string) {
  return prisma.turn.findMany({
    where: { document: { slug } },
    orderBy: { position: "asc" },
    select: { id: true, anchor: true, text: true, kind: true, speaker: { select: { key: true } } },
  });
}

describe("loading content/", () => {
  it("loads every document and collection, and a second load changes nothing", async () => {
    const files = listContentFiles("content");
    expect(files.length).toBeGreaterThanOrEqual(6);
    const first = await loadContentFiles(prisma, files);
    expect(first.failed).toEqual([]);
    expect(first.loaded.every((item) => item.status === "created")).toBe(true);
    expect(
      first.loaded.filter((item) => item.kind === "collection").map((item) => item.slug),
    ).toEqual(["sino-japanese-relations"]);

    const liao = await turnsOf(LIAO);
    expect(liao.filter((turn) => turn.kind === "speech")).toHaveLength(61);
    expect(liao.find((turn) => turn.kind === "speech")).toMatchObject({
      speaker: { key: "liao" },
      text: expect.stringContaining("Premier Zhou [Enlai] sends you his greetings"),
    });

    const second = await loadContentFiles(prisma, files);
    expect(second.loaded.every((item) => item.status === "unchanged")).toBe(true);
  });

  it("finds the Liao–Ishibashi conversation when searching for military bases", async () => {
    const results = await searchTranscripts("military bases", null);
    expect(results[0]?.slug).toBe(LIAO);
    expect(results[0]!.hits.length).toBeGreaterThanOrEqual(3);
  });

  it("keeps anchors and turn rows when a corrected file is re-imported", async () => {
    const before = await turnsOf(LIAO);
    const source = fs.readFileSync(`content/${LIAO}.md`, "utf8");
    const target = before.find((turn) =>
      turn.text.startsWith("If the prerequisite for further negotiations"),
    )!;
    const edited = source
      .replace("then it is indeed impossible to talk", "then it is truly impossible to talk")
      .replace(
        /\n\*\*Ishibashi:\*\* Terms like "legalized"/,
        '\n**Liao:** [A new line inserted by the editor.]\n\n**Ishibashi:** Terms like "legalized"',
      );
    expect(edited).not.toBe(source);
    const file = path.join(tmp, `${LIAO}.md`);
    fs.writeFileSync(file, edited);

    const report = await loadContentFiles(prisma, [file]);
    expect(report.loaded[0]).toMatchObject({ slug: LIAO, status: "updated" });
    const after = await turnsOf(LIAO);
    expect(after).toHaveLength(before.length + 1);
    const revised = after.find((turn) => turn.id === target.id)!;
    expect(revised.anchor).toBe(target.anchor);
    expect(revised.text).toContain("truly impossible");
    const inserted = after.find((turn) => turn.text === "[A new line inserted by the editor.]")!;
    expect(inserted.anchor).toBe(Math.max(...before.map((turn) => turn.anchor)) + 1);
    const unchanged = before.filter((turn) => turn.id !== target.id);
    for (const turn of unchanged)
      expect(after.find((row) => row.id === turn.id)?.anchor).toBe(turn.anchor);
  });

  it("reports a broken file by name and line, loads the others, and keeps the stored version", async () => {
    const before = await turnsOf(LIAO);
    const broken = path.join(tmp, "broken.md");
    const source = fs.readFileSync(`content/${LIAO}.md`, "utf8");
    fs.writeFileSync(broken, source.replace("**Liao:** Premier Zhou", "**Liaoo:** Premier Zhou"));
    const good = path.join(tmp, "collection.md");
    fs.copyFileSync("content/sino-japanese-relations.md", good);

    const report = await loadContentFiles(prisma, [broken, good]);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]!.message).toMatch(/broken\.md:\d+: .*Liaoo/);
    expect(report.loaded.map((item) => item.slug)).toEqual(["sino-japanese-relations"]);
    expect(await turnsOf(LIAO)).toEqual(before);
  });
});

describe("collections", () => {
  it("link an entry to a library document of the same date and title, and list the others as references", async () => {
    const { getCollection } = await import("@/lib/library/queries");
    const { storeDocument } = await import("@/lib/library/store");
    await storeDocument(
      prisma,
      {
        type: "document",
        slug: "1963-10-09-zhou-ishibashi",
        title: "Transcript of Conversation between Zhou Enlai and Tanzan Ishibashi",
        date: "1963-10-09",
        shape: "dialogue",
        fields: {},
        participants: [],
        turns: [{ kind: "paragraph", text: "Zhou Enlai received Ishibashi Tanzan." }],
        dropped: [],
      },
      { contentHash: "test" },
    );
    const collection = (await getCollection("sino-japanese-relations", null))!;
    const linked = collection.entries.filter((entry) => entry.document);
    expect(linked.map((entry) => [entry.date, entry.document!.slug])).toEqual([
      ["1963-10-09", "1963-10-09-zhou-ishibashi"],
    ]);
    expect(collection.entries).toHaveLength(20);
    expect(collection.entries.map((entry) => entry.date)).toEqual(
      [...collection.entries.map((entry) => entry.date)].sort(),
    );
  });
});
