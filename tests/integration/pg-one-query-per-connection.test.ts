import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { importW3C } from "@/lib/annotations/import";
import { createAnnotation, deleteAnnotation, updateAnnotation } from "@/lib/annotations/service";
import { loadViewer } from "@/lib/auth/load-viewer";
import type { Viewer } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db";
import { ensureDemoData } from "@/lib/demo/accounts";
import { listContentFiles, loadContentFiles } from "@/lib/library/load-content";
import { createReply } from "@/lib/threads/service";

// "Also" of issue #17: the test run printed "Calling client.query() when the client is already
// executing a query is deprecated" (pg@9 will refuse it). Prisma's interpreter read a created
// note's relations in parallel on its transaction's one connection (createAnnotation's insert
// with `select: withDocument`). Every connection of the pool now takes one statement at a time
// (lib/db/index.ts); this watches every pg client while the usual writes run.

const overlaps: string[] = [];
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function watched(this: pg.Client, ...args: unknown[]) {
  const state = this as unknown as { _activeQuery?: unknown; _queryQueue?: unknown[] };
  if (state._activeQuery || (state._queryQueue?.length ?? 0) > 0) {
    const text = (args[0] as { text?: string } | string | undefined) ?? "";
    overlaps.push(String(typeof text === "string" ? text : text.text).slice(0, 120));
  }
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

const prisma = getPrisma();
let ada: Viewer;
const note = (text: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});

beforeAll(async () => {
  await loadContentFiles(prisma, listContentFiles("content"));
  await ensureDemoData(prisma);
  const user = await prisma.user.findUniqueOrThrow({ where: { email: "ada@memcon.test" } });
  ada = (await loadViewer(prisma, user.id))!;
});

describe("one pg connection, one statement at a time", () => {
  it("holds for creating, editing, replying to, importing and deleting notes", async () => {
    const turn = await prisma.turn.findFirstOrThrow({
      where: { kind: "speech", document: { slug: "1959-09-14-liao-ishibashi-third-conversation" } },
    });
    const selection = {
      start: { turnAnchor: turn.anchor, offset: 0 },
      end: { turnAnchor: turn.anchor, offset: 6 },
    };
    const documentSlug = "1959-09-14-liao-ishibashi-third-conversation";
    const created = await Promise.all(
      [1, 2, 3].map((index) =>
        createAnnotation(prisma, ada, {
          documentSlug,
          selection,
          body: note(`n${index}`),
          visibility: "private",
        }),
      ),
    );
    for (const outcome of created) if (!outcome.ok) throw new Error(outcome.error);
    const id = created[0]!.ok ? created[0]!.value.id : "";
    expect(
      (
        await updateAnnotation(prisma, ada, id, {
          version: 1,
          body: note("edited"),
          visibility: "private",
        })
      ).ok,
    ).toBe(true);
    expect((await createReply(prisma, ada, { annotationId: id, body: note("a reply") })).ok).toBe(
      true,
    );
    await importW3C(prisma, ada, documentSlug, {
      type: "Annotation",
      body: { type: "TextualBody", value: "imported" },
      target: { selector: { type: "TextQuoteSelector", exact: turn.text.slice(0, 12) } },
    });
    await deleteAnnotation(prisma, ada, id);
    expect(overlaps).toEqual([]);
  });
});
