import { beforeAll, describe, expect, it } from "vitest";
import { postingGate } from "@/lib/assignments/gate";
import { loadViewer } from "@/lib/auth/load-viewer";
import type { Viewer } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db";

// The gate's first half (lib/assignments/gate.ts): a note on a course's document is held back
// from anyone outside that course, whatever its audience says. The document may be given by id
// (its course looked up) or as the caller already read it (judged without a statement).
const prisma = getPrisma();
const viewers = {} as Record<"member" | "outsider" | "admin", Viewer>;
let courseDocument = { id: "", courseId: null as string | null };
let publicDocument = { id: "", courseId: null as string | null };
const noteOn = (documentId: string) => ({ documentId, authorId: "someone", courseId: null });

beforeAll(async () => {
  const user = (key: string, siteRole: "user" | "admin" = "user") =>
    prisma.user.create({ data: { name: key, email: `${key}@gate.test`, siteRole } });
  const [member, outsider, admin] = await Promise.all([
    user("member"),
    user("outsider"),
    user("admin", "admin"),
  ]);
  const course = await prisma.course.create({
    data: {
      title: "Course A",
      term: "Spring 2027",
      joinCode: "GATE2222",
      createdById: member.id,
      memberships: { create: [{ userId: member.id, role: "student" }] },
    },
  });
  const document = (slug: string, courseId: string | null) =>
    prisma.document.create({
      data: { slug, title: slug, shape: "dialogue", contentHash: slug, courseId },
      select: { id: true, courseId: true },
    });
  courseDocument = await document("course-document", course.id);
  publicDocument = await document("public-document", null);
  for (const [kind, row] of Object.entries({ member, outsider, admin }))
    viewers[kind as keyof typeof viewers] = (await loadViewer(prisma, row.id))!;
});

describe("the posting gate's document scope", () => {
  it("holds back notes on a course's document from outsiders, given by id or as read", async () => {
    const cases = [
      ["member", courseDocument, false],
      ["outsider", courseDocument, true],
      ["admin", courseDocument, false],
      ["outsider", publicDocument, false],
    ] as const;
    for (const [kind, document, held] of cases) {
      const byId = await postingGate(prisma, viewers[kind], [document.id]);
      const asRead = await postingGate(prisma, viewers[kind], [document]);
      const together = await postingGate(prisma, viewers[kind], [document, publicDocument.id]);
      for (const gate of [byId, asRead, together])
        expect(gate.hides(noteOn(document.id)), `${kind} on ${document.id}`).toBe(held);
      expect(together.hides(noteOn(publicDocument.id))).toBe(false);
    }
  });

  it("judges a document given as read by the course it was read with, without looking it up", async () => {
    // Read moments ago from another course: the gate trusts the row it is given.
    const movedAway = { id: publicDocument.id, courseId: courseDocument.courseId };
    const gate = await postingGate(prisma, viewers.outsider, [movedAway]);
    expect(gate.hides(noteOn(publicDocument.id))).toBe(true);
    // The same id alone is looked up, and the public library's notes are not held back.
    const looked = await postingGate(prisma, viewers.outsider, [publicDocument.id]);
    expect(looked.hides(noteOn(publicDocument.id))).toBe(false);
  });
});
