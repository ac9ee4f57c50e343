import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import {
  createPassageLink,
  deletePassageLink,
  linkableTurns,
  linksOfDocument,
  reviewPassageLink,
} from "@/lib/links/service";
import { storeDocument } from "@/lib/library/store";
import { contentDocument } from "@/tests/unit/citations/content-document";

// Two memoranda of one meeting (Kishi and Herter, January 19, 1960, 3:30–5:30 p.m.: FRUS
// 1958–1960 vol. XVIII, documents 139 and 143), and a third document that a course owns.
const ECONOMIC = "1960-01-19-memorandum-conversation-us-japanese-economic-problems";
const CHINA = "1960-01-19-memorandum-conversation-relations-communist-china";
const LIAO = "1959-09-14-liao-ishibashi-third-conversation";

const prisma = () => getPrisma();
let ids: Record<string, string> = {};
let course = "";
let otherCourse = "";
let people: Record<"instructor" | "student" | "outsider" | "editor" | "user", Viewer>;

const viewer = (
  userId: string,
  courses: [string, "instructor" | "student"][] = [],
  siteRole: Viewer["siteRole"] = "user",
): Viewer => ({ userId, siteRole, courses: new Map(courses), groups: new Map() });

const link = (fields: Record<string, unknown> = {}) => ({
  fromSlug: ECONOMIC,
  fromFirst: "5",
  fromLast: "6",
  toSlug: CHINA,
  toFirst: "3",
  toLast: "3",
  note: "Both record Kishi raising trade with the mainland.",
  courseId: course,
  ...fields,
});

const seen = async (who: Viewer | null, slug: string) =>
  (await linksOfDocument(prisma(), who, ids[slug]!)).map((item) => ({
    id: item.id,
    status: item.status,
    other: item.other.slug,
  }));

beforeAll(async () => {
  for (const slug of [ECONOMIC, CHINA, LIAO]) {
    const stored = await storeDocument(prisma(), contentDocument(slug), { contentHash: slug });
    void stored;
  }
  const documents = await prisma().document.findMany({ select: { id: true, slug: true } });
  ids = Object.fromEntries(documents.map((d) => [d.slug, d.id]));
  const users = await Promise.all(
    ["hana", "ada", "olga", "eddie", "ursula"].map((name) =>
      prisma().user.create({ data: { email: `${name}@links.example.edu`, name } }),
    ),
  );
  const [hana, ada, olga, eddie, ursula] = users.map((u) => u.id) as string[];
  course = (
    await prisma().course.create({
      data: {
        title: "Alliance politics",
        term: "Spring",
        joinCode: "LINKS001",
        createdById: hana!,
      },
    })
  ).id;
  otherCourse = (
    await prisma().course.create({
      data: { title: "Another seminar", term: "Spring", joinCode: "LINKS002", createdById: olga! },
    })
  ).id;
  people = {
    instructor: viewer(hana!, [[course, "instructor"]]),
    student: viewer(ada!, [[course, "student"]]),
    outsider: viewer(olga!, [[otherCourse, "instructor"]]),
    editor: viewer(eddie!, [], "admin"),
    user: viewer(ursula!, [], "instructor"),
  };
});

describe("passage links across records", () => {
  it("an instructor's course link is confirmed at once and seen by the course only", async () => {
    const made = await createPassageLink(prisma(), people.instructor, link());
    expect(made).toMatchObject({ ok: true, value: { status: "confirmed" } });
    const id = made.ok ? made.value.id : "";
    expect(await seen(people.student, ECONOMIC)).toEqual([
      { id, status: "confirmed", other: CHINA },
    ]);
    // Seen from the other document too, pointing back.
    expect(await seen(people.student, CHINA)).toEqual([
      { id, status: "confirmed", other: ECONOMIC },
    ]);
    expect(await seen(people.outsider, ECONOMIC)).toEqual([]);
    expect(await seen(null, ECONOMIC)).toEqual([]);
    const [shown] = await linksOfDocument(prisma(), people.student, ids[ECONOMIC]!);
    expect(shown!.here).toEqual({ first: 5, last: 6 });
    expect(shown!.other.turns.map((turn) => turn.anchor)).toEqual([3]);
    expect(shown!.other.turns[0]!.text.length).toBeGreaterThan(20);
    await deletePassageLink(prisma(), people.instructor, id);
  });

  it("a student proposes; the course sees the proposal, an outsider nothing; the instructor confirms", async () => {
    const made = await createPassageLink(prisma(), people.student, link());
    expect(made).toMatchObject({ ok: true, value: { status: "proposed" } });
    const id = made.ok ? made.value.id : "";
    expect(await seen(people.instructor, ECONOMIC)).toEqual([
      { id, status: "proposed", other: CHINA },
    ]);
    expect(await seen(people.outsider, ECONOMIC)).toEqual([]);
    expect(await seen(people.editor, ECONOMIC)).toEqual([{ id, status: "proposed", other: CHINA }]);
    expect(await seen(people.user, ECONOMIC)).toEqual([]);
    expect((await linksOfDocument(prisma(), people.instructor, ids[ECONOMIC]!))[0]!.canReview).toBe(
      true,
    );
    expect((await linksOfDocument(prisma(), people.student, ids[ECONOMIC]!))[0]!.canReview).toBe(
      false,
    );
    // Neither the student nor an outsider may confirm it.
    await expect(reviewPassageLink(prisma(), people.student, id, "confirmed")).rejects.toThrow(
      ForbiddenError,
    );
    await expect(reviewPassageLink(prisma(), people.outsider, id, "confirmed")).rejects.toThrow(
      NotFoundError,
    );
    expect(await reviewPassageLink(prisma(), people.instructor, id, "maybe")).toMatchObject({
      ok: false,
    });
    expect(await reviewPassageLink(prisma(), people.instructor, id, "confirmed")).toEqual({
      ok: true,
      value: { status: "confirmed" },
    });
    expect(await seen(people.student, CHINA)).toEqual([
      { id, status: "confirmed", other: ECONOMIC },
    ]);
    expect(await seen(people.outsider, CHINA)).toEqual([]);
  });

  it("a rejected proposal is seen by its author and the instructors only, without a turn button", async () => {
    const made = await createPassageLink(
      prisma(),
      people.student,
      link({ fromFirst: "8", fromLast: "8" }),
    );
    const id = made.ok ? made.value.id : "";
    await reviewPassageLink(prisma(), people.instructor, id, "rejected");
    const classmate = viewer(
      (await prisma().user.create({ data: { email: "ben@links.example.edu" } })).id,
      [[course, "student"]],
    );
    expect((await seen(classmate, ECONOMIC)).map((l) => l.id)).not.toContain(id);
    expect(await seen(people.student, ECONOMIC)).toContainEqual({
      id,
      status: "rejected",
      other: CHINA,
    });
    expect(await seen(people.instructor, ECONOMIC)).toContainEqual({
      id,
      status: "rejected",
      other: CHINA,
    });
    await deletePassageLink(prisma(), people.student, id);
  });

  it("links for everyone: editors and instructors only, seen by all who may read both", async () => {
    const everyone = { courseId: "" };
    await expect(createPassageLink(prisma(), people.student, link(everyone))).rejects.toThrow(
      ForbiddenError,
    );
    const made = await createPassageLink(
      prisma(),
      people.editor,
      link({ ...everyone, fromFirst: "9", fromLast: "9" }),
    );
    expect(made).toMatchObject({ ok: true, value: { status: "confirmed" } });
    const id = made.ok ? made.value.id : "";
    for (const who of [null, people.outsider, people.student, people.user])
      expect((await seen(who, CHINA)).map((l) => l.id)).toContain(id);
    // Only its author or an editor removes it: not a course's instructor.
    await expect(deletePassageLink(prisma(), people.instructor, id)).rejects.toThrow(
      ForbiddenError,
    );
    await deletePassageLink(prisma(), people.editor, id);
    expect(await seen(null, CHINA)).toEqual([]);
  });

  it("a link to a course's own document is not shown to anyone who cannot read that document", async () => {
    await prisma().document.update({ where: { slug: LIAO }, data: { courseId: course } });
    const made = await createPassageLink(
      prisma(),
      people.editor,
      link({ courseId: "", toSlug: LIAO, toFirst: "12", toLast: "13" }),
    );
    expect(made.ok).toBe(true);
    const id = made.ok ? made.value.id : "";
    expect((await seen(people.student, ECONOMIC)).map((l) => l.id)).toContain(id);
    expect((await seen(people.outsider, ECONOMIC)).map((l) => l.id)).not.toContain(id);
    expect((await seen(null, ECONOMIC)).map((l) => l.id)).not.toContain(id);
    // The outsider cannot link to it either, nor list its turns: it does not exist for them.
    await expect(
      createPassageLink(prisma(), people.outsider, link({ courseId: otherCourse, toSlug: LIAO })),
    ).rejects.toThrow(NotFoundError);
    await expect(linkableTurns(prisma(), people.outsider, LIAO)).rejects.toThrow(NotFoundError);
    expect((await linkableTurns(prisma(), people.student, LIAO)).length).toBeGreaterThan(10);
    await deletePassageLink(prisma(), people.editor, id);
    await prisma().document.update({ where: { slug: LIAO }, data: { courseId: null } });
  });

  it("refuses bad input with a sentence: reversed turns, unknown turns, the same document, no note", async () => {
    const refused = async (fields: Record<string, unknown>) => {
      const outcome = await createPassageLink(prisma(), people.instructor, link(fields));
      expect(outcome.ok).toBe(false);
      return outcome.ok ? "" : outcome.error;
    };
    expect(await refused({ fromFirst: "7", fromLast: "5" })).toMatch(/before its first/);
    expect(await refused({ toFirst: "900", toLast: "900" })).toMatch(/no turn 900/);
    expect(await refused({ toSlug: ECONOMIC })).toMatch(/another document/);
    expect(await refused({ note: " " })).toMatch(/few words/);
    expect(await refused({ fromFirst: "x" })).toMatch(/turn number/);
    expect(await refused({ toSlug: "../etc" })).toMatch(/other record/);
    // A course the instructor is not in reads as not found.
    await expect(
      createPassageLink(prisma(), people.instructor, link({ courseId: otherCourse })),
    ).rejects.toThrow(NotFoundError);
  });
});
