import { beforeAll, describe, expect, it } from "vitest";
import { postingGate } from "@/lib/assignments/gate";
import { loadViewer } from "@/lib/auth/load-viewer";
import type { Viewer } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db";
import { listContentFiles, loadContentFiles } from "@/lib/library/load-content";
import type { LiveEvent } from "@/lib/live/channel";
import { changeFacts, changeFor } from "@/lib/reader/live-changes";

// The live change feed (lib/reader/live-changes.ts) tells each reader what changed for them: a note they
// may read comes with its index entry and highlights; a note they could read that is deleted or
// hidden is named for removal; nothing at all (no id, no moment) about any other note.
const prisma = getPrisma();
const SLUG = "1959-09-14-liao-ishibashi-third-conversation";
type Kind = "author" | "student" | "grouped" | "outsider" | "instructor";
const viewers = {} as Record<Kind, Viewer>;
let documentId = "";
const ids = { courseA: "", groupA: "" };

async function note(visibility: "private" | "course" | "group" | "public") {
  const row = await prisma.annotation.create({
    data: {
      documentId,
      authorId: viewers.author.userId,
      visibility,
      courseId: visibility === "course" || visibility === "group" ? ids.courseA : null,
      groupId: visibility === "group" ? ids.groupA : null,
      selector: {
        quote: { exact: "x", prefix: "", suffix: "" },
        positions: [{ turnAnchor: 3, start: 2, end: 9 }],
      },
      quote: "x",
      firstAnchor: 3,
      lastAnchor: 3,
      body: { type: "doc", content: [] },
      bodyHtml: "<p>words</p>",
      bodyText: "words",
      tags: ["t"],
    },
  });
  return row.id;
}

/** What each kind of reader's stream would carry for this change. */
async function told(event: LiveEvent) {
  const facts = await changeFacts(prisma, event);
  const answers = {} as Record<Kind, string>;
  for (const kind of Object.keys(viewers) as Kind[]) {
    const change = changeFor(
      viewers[kind],
      await postingGate(prisma, viewers[kind], [documentId]),
      facts,
    );
    answers[kind] = !change ? "nothing" : "remove" in change ? "remove" : "upsert";
  }
  return answers;
}
const annotationEvent = (id: string): LiveEvent => ({ documentId, kind: "annotation", id });

beforeAll(async () => {
  await loadContentFiles(prisma, listContentFiles("content"));
  documentId = (await prisma.document.findUniqueOrThrow({ where: { slug: SLUG } })).id;
  const user = (key: string, siteRole: "user" | "instructor" = "user") =>
    prisma.user.create({ data: { name: key, email: `${key}@live.test`, siteRole } });
  const [author, student, grouped, outsider, instructor] = await Promise.all([
    user("author"),
    user("student"),
    user("grouped"),
    user("outsider"),
    user("instructor", "instructor"),
  ]);
  const course = await prisma.course.create({
    data: {
      title: "Course A",
      term: "Spring 2027",
      joinCode: "LIVE2222",
      createdById: instructor.id,
      memberships: {
        create: [
          { userId: instructor.id, role: "instructor" },
          { userId: author.id, role: "student" },
          { userId: student.id, role: "student" },
          { userId: grouped.id, role: "student" },
        ],
      },
      groups: {
        create: {
          name: "Group A",
          members: { create: [{ userId: grouped.id }, { userId: author.id }] },
        },
      },
    },
    include: { groups: true },
  });
  Object.assign(ids, { courseA: course.id, groupA: course.groups[0]!.id });
  for (const [kind, row] of Object.entries({ author, student, grouped, outsider, instructor }))
    viewers[kind as Kind] = (await loadViewer(prisma, row.id))!;
});

describe("the live change feed", () => {
  it("sends a new note, whole, only to those who may read it", async () => {
    expect(await told(annotationEvent(await note("private")))).toEqual({
      author: "upsert",
      student: "nothing",
      grouped: "nothing",
      outsider: "nothing",
      instructor: "nothing",
    });
    expect(await told(annotationEvent(await note("course")))).toEqual({
      author: "upsert",
      student: "upsert",
      grouped: "upsert",
      outsider: "nothing",
      instructor: "upsert",
    });
    expect(await told(annotationEvent(await note("group")))).toEqual({
      author: "upsert",
      student: "nothing",
      grouped: "upsert",
      outsider: "nothing",
      instructor: "upsert",
    });
  });

  it("carries the reader's index entry and highlights, no words", async () => {
    const id = await note("course");
    const change = changeFor(
      viewers.student,
      await postingGate(prisma, viewers.student, [documentId]),
      await changeFacts(prisma, annotationEvent(id)),
    );
    expect(change).toEqual({
      kind: "annotation",
      upsert: {
        entry: {
          id,
          authorName: "author",
          mine: false,
          visibility: "course",
          tags: ["t"],
          anchors: [3],
          orphaned: false,
          documentLevel: false,
        },
        spans: { "3": [{ id, start: 2, end: 9 }] },
      },
    });
    expect(JSON.stringify(change)).not.toContain("words");
  });

  it("names a deleted or hidden note for removal only to those who could read it", async () => {
    const hidden = await note("course");
    await prisma.annotation.update({ where: { id: hidden }, data: { hiddenAt: new Date() } });
    expect(await told(annotationEvent(hidden))).toEqual({
      author: "upsert", // authors still see their own hidden note
      student: "remove",
      grouped: "remove",
      outsider: "nothing",
      instructor: "upsert", // instructors see what they hid
    });
    const deletedGroup = await note("group");
    await prisma.annotation.update({
      where: { id: deletedGroup },
      data: { deletedAt: new Date() },
    });
    expect(await told(annotationEvent(deletedGroup))).toEqual({
      author: "remove",
      student: "nothing", // never could read it: not even its id
      grouped: "remove",
      outsider: "nothing",
      instructor: "remove",
    });
    const deletedPrivate = await note("private");
    await prisma.annotation.update({
      where: { id: deletedPrivate },
      data: { deletedAt: new Date() },
    });
    expect(await told(annotationEvent(deletedPrivate))).toEqual({
      author: "remove",
      student: "nothing",
      grouped: "nothing",
      outsider: "nothing",
      instructor: "nothing",
    });
  });

  it("tells nothing of a change to another document, or of a note that is gone", async () => {
    const id = await note("public");
    const other = await prisma.document.findFirstOrThrow({ where: { slug: { not: SLUG } } });
    const facts = await changeFacts(prisma, { documentId: other.id, kind: "annotation", id });
    expect(changeFor(viewers.student, await postingGate(prisma, viewers.student, []), facts)).toBe(
      null,
    );
    expect(await told(annotationEvent("no-such-note"))).toEqual({
      author: "nothing",
      student: "nothing",
      grouped: "nothing",
      outsider: "nothing",
      instructor: "nothing",
    });
  });
});
