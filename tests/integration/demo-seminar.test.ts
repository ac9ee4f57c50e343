import { describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { demoId } from "@/lib/demo/seminar";
import { KISHI_HERTER, LIAO_ISHIBASHI, SEMINAR_NOTES } from "@/lib/demo/seminar-notes";
import type { AnnotationSelector } from "@/lib/anchoring/types";
// @ts-expect-error -- plain ESM helper shared with the Node scripts
import { demoWanted, runSeed } from "../../scripts/lib/seed.mjs";

// The demo seminar as `npm start` loads it (scripts/seed.ts through the same runSeed call):
// only where demo data belongs, placed by the app's anchoring, and never twice.

const prisma = getPrisma();
const seed = (env: Record<string, string | undefined>, embedded: boolean) =>
  runSeed(
    { ...process.env, MEMCON_DEMO: undefined, ...env },
    { demo: demoWanted({ embedded, env }) },
  ) as Promise<{ credentials: string[] }>;

/** Every row the seminar writes, as comparable text. */
async function rows() {
  const [annotations, replies, votes, notifications] = await Promise.all([
    prisma.annotation.findMany({
      orderBy: { id: "asc" },
      select: {
        id: true,
        authorId: true,
        quote: true,
        selector: true,
        visibility: true,
        createdAt: true,
        endorsedAt: true,
      },
    }),
    prisma.reply.findMany({
      orderBy: { id: "asc" },
      select: { id: true, annotationId: true, parentId: true, bodyText: true, createdAt: true },
    }),
    prisma.vote.findMany({
      orderBy: { id: "asc" },
      select: { id: true, userId: true, annotationId: true },
    }),
    prisma.notification.findMany({
      orderBy: { id: "asc" },
      select: { id: true, userId: true, kind: true, annotationId: true, replyId: true },
    }),
  ]);
  return { annotations, replies, votes, notifications };
}

const countReplies = (replies: { answers?: unknown[] }[] = []): number =>
  replies.reduce(
    (sum, reply) => sum + 1 + countReplies((reply.answers ?? []) as { answers?: unknown[] }[]),
    0,
  );

describe("the demo seminar", () => {
  it("is wanted on the embedded default or with MEMCON_DEMO=1, never otherwise", () => {
    expect(demoWanted({ embedded: true, env: {} })).toBe(true);
    expect(demoWanted({ embedded: false, env: { MEMCON_DEMO: "1" } })).toBe(true);
    expect(demoWanted({ embedded: false, env: {} })).toBe(false);
    expect(demoWanted({ embedded: false, env: { MEMCON_DEMO: "0" } })).toBe(false);
    expect(demoWanted({ embedded: false, env: { MEMCON_DEMO: "yes" } })).toBe(false);
  });

  it("is not loaded into a real database without MEMCON_DEMO=1", { timeout: 180_000 }, async () => {
    const report = await seed({}, false);
    expect(report.credentials).toEqual([]);
    expect(await prisma.document.count()).toBeGreaterThan(0); // the library did load
    expect(await prisma.user.count({ where: { email: { endsWith: "@memcon.test" } } })).toBe(0);
    expect(await prisma.annotation.count()).toBe(0);
    expect(await prisma.reply.count()).toBe(0);
  });

  it(
    "with MEMCON_DEMO=1: notes, replies, votes and one endorsement; a second start adds nothing",
    { timeout: 180_000 },
    async () => {
      await seed({ MEMCON_DEMO: "1" }, false);
      const first = await rows();
      expect(first.annotations).toHaveLength(SEMINAR_NOTES.length);
      expect(first.replies).toHaveLength(
        SEMINAR_NOTES.reduce((sum, note) => sum + countReplies(note.replies), 0),
      );
      expect(first.votes).toHaveLength(
        SEMINAR_NOTES.reduce((sum, note) => sum + (note.helpful?.length ?? 0), 0),
      );
      expect(first.annotations.filter((row) => row.endorsedAt)).toHaveLength(1);
      expect(first.notifications.length).toBeGreaterThan(10);

      await seed({ MEMCON_DEMO: "1" }, false);
      expect(await rows()).toEqual(first);
    },
  );

  it("places each note on its quote, by its author, for its audience, on two documents", async () => {
    const documents = new Set<string>();
    for (const note of SEMINAR_NOTES) {
      const row = await prisma.annotation.findUniqueOrThrow({
        where: { id: demoId(note.key) },
        include: { author: true, document: true, group: true, course: true },
      });
      documents.add(row.document.slug);
      expect(row.author.email).toBe(`${note.author}@memcon.test`);
      expect(row.visibility).toBe(note.audience);
      expect(row.tags).toEqual(note.tags);
      if (note.audience === "group") expect(row.group?.name).toMatch(/^Group [AB]$/);
      if (note.audience === "course") expect(row.course?.joinCode).toBe("READ1959");
      if (!note.quote) {
        expect(row.scope).toBe("document");
        continue;
      }
      const selector = row.selector as unknown as AnnotationSelector;
      expect(row.quote).toBe(note.quote);
      expect(selector.quote.exact).toBe(note.quote);
      // The stored position points at exactly those words of the turn, with context around them.
      const [position] = selector.positions;
      const turn = await prisma.turn.findUniqueOrThrow({
        where: {
          documentId_anchor: { documentId: row.documentId, anchor: position!.turnAnchor },
        },
      });
      expect(turn.text.slice(position!.start, position!.end)).toBe(note.quote);
      expect(selector.quote.prefix.length + selector.quote.suffix.length).toBeGreaterThan(0);
    }
    expect([...documents].sort()).toEqual([LIAO_ISHIBASHI, KISHI_HERTER].sort());
    // Written over the last day, not all in the second of loading.
    const times = (await prisma.annotation.findMany({ select: { createdAt: true } })).map((row) =>
      row.createdAt.getTime(),
    );
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(12 * 3_600_000);
  });
});
