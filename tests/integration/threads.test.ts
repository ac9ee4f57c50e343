import { setEndorsed, setLocked, setResolved, toggleVote } from "@/lib/threads/moderation";
import { voteSummary } from "@/lib/threads/votes";
import { beforeAll, describe, expect, it } from "vitest";
import { createAnnotation, listDocumentAnnotations } from "@/lib/annotations/service";
import { loadViewer } from "@/lib/auth/load-viewer";
import type { Viewer } from "@/lib/auth/permissions";
import { removeMember } from "@/lib/courses/service";
import { getPrisma } from "@/lib/db";
import { ensureDemoData } from "@/lib/demo/accounts";
import { NotFoundError } from "@/lib/errors";
import { listContentFiles, loadContentFiles } from "@/lib/library/load-content";
import {
  createReply,
  listNotifications,
  markAllRead,
  repliesFor,
  unreadCount,
} from "@/lib/threads/service";

// Threads against PostgreSQL: a reply's audience is its root annotation's, and replies notify.
const prisma = getPrisma();
const SLUG = "1959-09-14-liao-ishibashi-third-conversation";
const viewers = {} as Record<"ada" | "ben" | "chen" | "instructor", Viewer>;
let courseId = "";
let groupA = "";
let documentId = "";
const notes = {} as Record<"course" | "group" | "private", string>;

const note = (text: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});
const reload = async (who: keyof typeof viewers) => {
  const user = await prisma.user.findUniqueOrThrow({ where: { email: `${who}@memcon.test` } });
  viewers[who] = (await loadViewer(prisma, user.id))!;
};

beforeAll(async () => {
  await loadContentFiles(prisma, listContentFiles("content"));
  await ensureDemoData(prisma);
  for (const who of ["ada", "ben", "chen", "instructor"] as const) await reload(who);
  const course = await prisma.course.findUniqueOrThrow({
    where: { joinCode: "READ1959" },
    include: { groups: true },
  });
  courseId = course.id;
  groupA = course.groups.find((group) => group.name === "Group A")!.id;
  const document = await prisma.document.findUniqueOrThrow({
    where: { slug: SLUG },
    include: { turns: true },
  });
  documentId = document.id;
  const turn = document.turns.find((row) => row.text.startsWith("If the prerequisite"))!;
  const at = turn.text.indexOf("military bases");
  const selection = {
    start: { turnAnchor: turn.anchor, offset: at },
    end: { turnAnchor: turn.anchor, offset: at + 14 },
  };
  for (const visibility of ["course", "group", "private"] as const) {
    const created = await createAnnotation(prisma, viewers.ada, {
      documentSlug: SLUG,
      selection,
      body: note(`ada's ${visibility} question: is Liao bluffing here?`),
      visibility,
      courseId: visibility === "course" ? courseId : null,
      groupId: visibility === "group" ? groupA : null,
    });
    if (!created.ok) throw new Error(created.error);
    notes[visibility] = created.value.id;
  }
});

/** Reply texts a viewer sees in the reader: only under annotations they may read. */
async function threadTexts(who: keyof typeof viewers) {
  const readable = await listDocumentAnnotations(prisma, viewers[who], documentId);
  const replies = await repliesFor(
    prisma,
    readable.map((row) => row.id),
  );
  return [...replies.values()]
    .flat()
    .map((reply) => reply.bodyHtml)
    .sort();
}

describe("threads", () => {
  it("lets anyone who can read the root reply, and nobody else", async () => {
    expect(
      (
        await createReply(prisma, viewers.ben, {
          annotationId: notes.course,
          body: note("ben: he is bargaining"),
        })
      ).ok,
    ).toBe(true);
    expect(
      (
        await createReply(prisma, viewers.ben, {
          annotationId: notes.group,
          body: note("ben: group only"),
        })
      ).ok,
    ).toBe(true);
    await expect(
      createReply(prisma, viewers.chen, {
        annotationId: notes.group,
        body: note("chen: not my group"),
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      createReply(prisma, viewers.ben, { annotationId: notes.private, body: note("ben: private") }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(
      (
        await createReply(prisma, viewers.ada, {
          annotationId: notes.private,
          body: note("ada: note to self"),
        })
      ).ok,
    ).toBe(true);

    expect(await threadTexts("ada")).toEqual([
      "<p>ada: note to self</p>",
      "<p>ben: group only</p>",
      "<p>ben: he is bargaining</p>",
    ]);
    expect(await threadTexts("ben")).toEqual([
      "<p>ben: group only</p>",
      "<p>ben: he is bargaining</p>",
    ]);
    expect(await threadTexts("chen")).toEqual(["<p>ben: he is bargaining</p>"]); // group B: not the group thread
    expect(await threadTexts("instructor")).toEqual([
      "<p>ben: group only</p>",
      "<p>ben: he is bargaining</p>",
    ]);
  });

  it("nests replies and refuses a parent from another thread", async () => {
    const readable = await listDocumentAnnotations(prisma, viewers.chen, documentId);
    const parent = (await repliesFor(prisma, [notes.course])).get(notes.course)![0]!;
    const nested = await createReply(prisma, viewers.chen, {
      annotationId: notes.course,
      parentId: parent.id,
      body: note("chen: or stalling"),
    });
    expect(nested.ok).toBe(true);
    const row = await prisma.reply.findUniqueOrThrow({
      where: { id: (nested as { value: { id: string } }).value.id },
    });
    expect(row.parentId).toBe(parent.id);
    expect(readable.some((annotation) => annotation.id === notes.course)).toBe(true);

    const groupReply = (await repliesFor(prisma, [notes.group])).get(notes.group)![0]!;
    const crossed = await createReply(prisma, viewers.ben, {
      annotationId: notes.course,
      parentId: groupReply.id,
      body: note("crossed"),
    });
    expect(crossed).toEqual({
      ok: false,
      error: "The reply you answered is not in this thread any more. Reload and try again.",
    });
    expect(
      await createReply(prisma, viewers.ben, {
        annotationId: notes.course,
        body: { type: "doc", content: [] },
      }),
    ).toEqual({
      ok: false,
      error: "Write something before saving.",
    });
  });

  it("notifies the annotation's author and the author answered, never the replier", async () => {
    const adaNotes = await listNotifications(prisma, viewers.ada);
    // ben replied twice to ada; chen answered ben under ada's course note; ada's own reply: nothing.
    expect(adaNotes.map((row) => row.kind)).toEqual(["reply", "reply", "reply"]);
    expect(adaNotes.map((row) => row.actor.name).sort()).toEqual([
      "Ben Okafor",
      "Ben Okafor",
      "Chen Yu",
    ]);
    expect(await unreadCount(prisma, viewers.ada)).toBe(3);
    const benNotes = await listNotifications(prisma, viewers.ben);
    expect(benNotes.map((row) => row.actor.name)).toEqual(["Chen Yu"]);
    expect(benNotes[0]!.annotation.document.slug).toBe(SLUG);
    expect(await unreadCount(prisma, viewers.chen)).toBe(0);
    await markAllRead(prisma, viewers.ada);
    expect(await unreadCount(prisma, viewers.ada)).toBe(0);
  });

  it("counts helpful votes, one per person, never for one's own writing", async () => {
    expect(await toggleVote(prisma, viewers.ben, { annotationId: notes.course })).toBe(true);
    expect(await toggleVote(prisma, viewers.chen, { annotationId: notes.course })).toBe(true);
    expect(await toggleVote(prisma, viewers.chen, { annotationId: notes.course })).toBe(false); // toggled off
    await expect(toggleVote(prisma, viewers.ada, { annotationId: notes.course })).rejects.toThrow(
      "own writing",
    );
    await expect(
      toggleVote(prisma, viewers.chen, { annotationId: notes.group }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const summary = await voteSummary(prisma, viewers.ben.userId, [notes.course], []);
    expect(summary.count.get(notes.course)).toBe(1);
    expect(summary.mine.has(notes.course)).toBe(true);
  });

  it("lets the instructor endorse (telling the author) and lock; students cannot", async () => {
    await expect(
      setEndorsed(prisma, viewers.ben, { annotationId: notes.course }, true),
    ).rejects.toBeInstanceOf(NotFoundError);
    await setEndorsed(prisma, viewers.instructor, { annotationId: notes.course }, true);
    expect(
      (await prisma.annotation.findUniqueOrThrow({ where: { id: notes.course } })).endorsedAt,
    ).not.toBeNull();
    expect((await listNotifications(prisma, viewers.ada))[0]).toMatchObject({
      kind: "endorsement",
      actor: { name: "Hana Mori" },
    });

    await expect(setLocked(prisma, viewers.ada, notes.course, true)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await setLocked(prisma, viewers.instructor, notes.course, true);
    expect(
      await createReply(prisma, viewers.chen, {
        annotationId: notes.course,
        body: note("too late"),
      }),
    ).toEqual({
      ok: false,
      error: "An instructor has locked this discussion: no new replies.",
    });
    await setLocked(prisma, viewers.instructor, notes.course, false);
    expect(
      (
        await createReply(prisma, viewers.chen, {
          annotationId: notes.course,
          body: note("open again"),
        })
      ).ok,
    ).toBe(true);
  });

  it("lets the author or an instructor mark a discussion resolved", async () => {
    await expect(setResolved(prisma, viewers.ben, notes.course, true)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await setResolved(prisma, viewers.ada, notes.course, true);
    expect(
      (await prisma.annotation.findUniqueOrThrow({ where: { id: notes.course } })).resolvedAt,
    ).not.toBeNull();
    await setResolved(prisma, viewers.instructor, notes.course, false);
    expect(
      (await prisma.annotation.findUniqueOrThrow({ where: { id: notes.course } })).resolvedAt,
    ).toBeNull();
  });

  it("notifies mentioned classmates only when they may read the thread", async () => {
    await markAllRead(prisma, viewers.chen);
    const dana = await prisma.user.findUniqueOrThrow({ where: { email: "dana@memcon.test" } });
    // Course note: Dana is in the course, so she is told; the group note is Group A only.
    await createReply(prisma, viewers.ben, {
      annotationId: notes.course,
      body: note("What do you say, @Dana?"),
    });
    await createReply(prisma, viewers.ben, {
      annotationId: notes.group,
      body: note("@dana would disagree"),
    });
    const danaViewer = (await loadViewer(prisma, dana.id))!;
    const danas = await listNotifications(prisma, danaViewer);
    expect(danas.map((row) => [row.kind, row.annotation.id])).toEqual([["mention", notes.course]]);
    expect(await prisma.notification.count({ where: { userId: dana.id } })).toBe(1);
  });

  it("stops showing notifications about threads the recipient can no longer read", async () => {
    expect((await listNotifications(prisma, viewers.ben)).map((row) => row.annotation.id)).toEqual([
      notes.course,
    ]);
    await removeMember(prisma, viewers.instructor, courseId, viewers.ben.userId);
    await reload("ben");
    expect(await listNotifications(prisma, viewers.ben)).toEqual([]);
    await expect(
      createReply(prisma, viewers.ben, { annotationId: notes.course, body: note("still here?") }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("email digests", () => {
  it("mail each user their unread notifications once, skipping threads they can no longer read", async () => {
    const { sendDigests } = await import("@/lib/threads/digest");
    const sent: { to: string; subject: string; text: string }[] = [];
    const transport = {
      sendMail: async (message: { to: string; subject: string; text: string }) =>
        void sent.push(message),
    };
    const result = await sendDigests(prisma, transport, {
      baseUrl: "https://memcon.example.edu",
      from: "Memcon <x@y>",
    });
    expect(result.emails).toBe(sent.length);
    const toAda = sent.find((message) => message.to === "ada@memcon.test");
    expect(toAda?.subject).toMatch(/^Memcon: \d+ new in your discussions$/);
    expect(toAda?.text).toContain(`https://memcon.example.edu/documents/${SLUG}#t-`);
    // Ben was removed from the course: his notification about the course note is not mailed.
    expect(sent.some((message) => message.to === "ben@memcon.test")).toBe(false);
    // Nothing twice.
    expect(
      await sendDigests(prisma, transport, { baseUrl: "https://memcon.example.edu", from: "x" }),
    ).toEqual({ emails: 0, notifications: 0 });
  });
});

describe("deleting an annotation that has replies", () => {
  it("keeps the discussion readable in the reader, without the deleted words, and out of exports", async () => {
    const { deleteAnnotation } = await import("@/lib/annotations/service");
    const { toPanel } = await import("@/lib/reader/panel");
    const turn = await prisma.turn.findFirstOrThrow({
      where: { documentId, text: { startsWith: "We paid for our lessons" } },
    });
    const created = await createAnnotation(prisma, viewers.chen, {
      documentSlug: SLUG,
      selection: {
        start: { turnAnchor: turn.anchor, offset: 0 },
        end: { turnAnchor: turn.anchor, offset: 7 },
      },
      body: note("chen's words that will be withdrawn"),
      visibility: "course",
      courseId,
    });
    if (!created.ok) throw new Error(created.error);
    await createReply(prisma, viewers.instructor, {
      annotationId: created.value.id,
      body: note("a reply worth keeping"),
    });
    await deleteAnnotation(prisma, viewers.chen, created.value.id);

    const reader = await listDocumentAnnotations(prisma, viewers.instructor, documentId, {
      withDeletedThreads: true,
    });
    const kept = reader.find((row) => row.id === created.value.id);
    expect(kept?.deletedAt).not.toBeNull();
    const replies = await repliesFor(prisma, [created.value.id]);
    const { panel } = toPanel([kept!], viewers.instructor, replies);
    expect(panel[0]).toMatchObject({ deleted: true, bodyHtml: "", mine: false });
    expect(panel[0]!.replies.map((reply) => reply.bodyHtml)).toEqual([
      "<p>a reply worth keeping</p>",
    ]);
    expect(JSON.stringify(panel[0])).not.toContain("will be withdrawn");

    const exported = await listDocumentAnnotations(prisma, viewers.instructor, documentId);
    expect(exported.some((row) => row.id === created.value.id)).toBe(false);
  });
});
