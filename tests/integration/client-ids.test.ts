import { beforeAll, describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/service";
import { loadViewer } from "@/lib/auth/load-viewer";
import type { Viewer } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db";
import { ensureDemoData } from "@/lib/demo/accounts";
import { listContentFiles, loadContentFiles } from "@/lib/library/load-content";
import { newClientId } from "@/lib/browser/local-drafts";
import { createReply } from "@/lib/threads/service";

// A save retried after its answer was lost (offline drafts, components/annotations/useLocalDraft)
// carries the same client id: the note or reply exists once, whatever the number of attempts.
const prisma = getPrisma();
const SLUG = "1959-09-14-liao-ishibashi-third-conversation";
const viewers = {} as Record<"ada" | "ben", Viewer>;
let courseId = "";
let selection: { start: { turnAnchor: number; offset: number }; end: typeof selection.start };

const note = (text: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});

beforeAll(async () => {
  await loadContentFiles(
    prisma,
    listContentFiles("content").filter((file) => file.includes(SLUG)),
  );
  await ensureDemoData(prisma);
  for (const who of ["ada", "ben"] as const) {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: `${who}@memcon.test` } });
    viewers[who] = (await loadViewer(prisma, user.id))!;
  }
  courseId = (await prisma.course.findUniqueOrThrow({ where: { joinCode: "READ1959" } })).id;
  const turn = await prisma.turn.findFirstOrThrow({
    where: { document: { slug: SLUG }, text: { startsWith: "If the prerequisite" } },
  });
  selection = {
    start: { turnAnchor: turn.anchor, offset: 0 },
    end: { turnAnchor: turn.anchor, offset: 16 },
  };
});

const input = (clientId: string, text = "Sent twice, stored once.") => ({
  clientId,
  documentSlug: SLUG,
  selection,
  body: note(text),
  visibility: "course" as const,
  courseId,
});

describe("annotations created with a client id", () => {
  it("are stored under that id, once, however often the save is repeated", async () => {
    const id = newClientId();
    const attempts = await Promise.all([
      createAnnotation(prisma, viewers.ada, input(id)),
      createAnnotation(prisma, viewers.ada, input(id)),
    ]);
    attempts.push(await createAnnotation(prisma, viewers.ada, input(id)));
    // Each attempt answers with the one saved record.
    expect(attempts.map((attempt) => attempt.ok && attempt.value.id)).toEqual([id, id, id]);
    expect(attempts.map((attempt) => attempt.ok && attempt.value.row.bodyText)).toEqual(
      Array(3).fill("Sent twice, stored once."),
    );
    expect(await prisma.annotation.count({ where: { bodyText: "Sent twice, stored once." } })).toBe(
      1,
    );
  });

  it("refuses someone else's id without touching their note", async () => {
    const id = newClientId();
    await createAnnotation(prisma, viewers.ada, input(id, "Ada's note."));
    const outcome = await createAnnotation(prisma, viewers.ben, input(id, "Ben's attempt."));
    expect(outcome).toEqual({
      ok: false,
      error: "That note id is already taken: reload the page and save again.",
    });
    expect((await prisma.annotation.findUniqueOrThrow({ where: { id } })).bodyText).toBe(
      "Ada's note.",
    );
  });

  it.each(["short", "UPPERCASE0123456789ABCDEF", "has-dashes-0123456789abcdef", "x".repeat(41)])(
    "refuses a malformed id: %s",
    async (id) => {
      const outcome = await createAnnotation(prisma, viewers.ada, input(id));
      expect(outcome).toEqual({
        ok: false,
        error: "A client id is 20 to 40 lowercase letters and digits.",
      });
    },
  );
});

describe("replies created with a client id", () => {
  it("are stored once and notify once", async () => {
    const root = await createAnnotation(prisma, viewers.ada, input(newClientId(), "Root."));
    if (!root.ok) throw new Error(root.error);
    const id = newClientId();
    const reply = { annotationId: root.value.id, body: note("Ben answers once."), clientId: id };
    const attempts = await Promise.all([
      createReply(prisma, viewers.ben, reply),
      createReply(prisma, viewers.ben, reply),
    ]);
    attempts.push(await createReply(prisma, viewers.ben, reply));
    expect(attempts.every((attempt) => attempt.ok && attempt.value.id === id)).toBe(true);
    expect(await prisma.reply.count({ where: { annotationId: root.value.id } })).toBe(1);
    expect(await prisma.notification.count({ where: { replyId: id } })).toBe(1);
  });

  it("refuses someone else's reply id", async () => {
    const root = await createAnnotation(prisma, viewers.ada, input(newClientId(), "Root 2."));
    if (!root.ok) throw new Error(root.error);
    const id = newClientId();
    await createReply(prisma, viewers.ben, {
      annotationId: root.value.id,
      body: note("Ben."),
      clientId: id,
    });
    const outcome = await createReply(prisma, viewers.ada, {
      annotationId: root.value.id,
      body: note("Ada."),
      clientId: id,
    });
    expect(outcome).toEqual({
      ok: false,
      error: "That reply id is already taken: reload the page and send again.",
    });
  });
});
