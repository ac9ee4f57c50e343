import { beforeAll, describe, expect, it } from "vitest";
import { assignmentResults, ownProgress } from "@/lib/assignments/activity";
import { gradebookCsv } from "@/lib/assignments/gradebook";
import { assignmentDashboard, myAssignments } from "@/lib/assignments/queries";
import {
  createAssignment,
  duplicateAssignment,
  getAssignment,
  setAssignmentClosed,
  updateAssignment,
} from "@/lib/assignments/service";
import { extendForStudent, setGrade } from "@/lib/assignments/students";
import {
  createAnnotation,
  getAnnotation,
  listDocumentAnnotations,
  searchAnnotations,
  setAnnotationHidden,
} from "@/lib/annotations/service";
import { listAuditEntries } from "@/lib/audit/log";
import { loadViewer } from "@/lib/auth/load-viewer";
import type { Viewer } from "@/lib/auth/permissions";
import { createCourse, removeMember } from "@/lib/courses/service";
import { getPrisma } from "@/lib/db";
import { ensureDemoData } from "@/lib/demo/accounts";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { listContentFiles, loadContentFiles } from "@/lib/library/load-content";
import { createReply } from "@/lib/threads/service";
import type { AssignmentFormInput } from "@/lib/validations/assignment";

// Assignments against PostgreSQL: what counts toward the minimums, late work, extensions,
// closing early, "hide until posted", who sees results, grades, the gradebook and the audit log.
const prisma = getPrisma();
const SLUG = "1959-09-14-liao-ishibashi-third-conversation";
type Who = "ada" | "ben" | "chen" | "dana" | "instructor" | "eve" | "fay";
const viewers = {} as Record<Who, Viewer>;
const userIds = {} as Record<Who, string>;
let courseId = "";
let groupA = "";
let groupB = "";
let speech: { anchor: number; text: string }[] = [];

const doc = (text: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});
const words = (count: number, lead = "Liao") =>
  [lead, ...Array.from({ length: count - 1 }, (_, index) => `word${index}`)].join(" ");

async function reload(who: Who) {
  const user = await prisma.user.findUniqueOrThrow({ where: { email: `${who}@memcon.test` } });
  userIds[who] = user.id;
  viewers[who] = (await loadViewer(prisma, user.id))!;
}

/** Annotate the first words of the speech turn at `index` (0-based) and return the id. */
async function annotate(
  who: Who,
  index: number,
  text: string,
  visibility: "private" | "course" | "group" = "course",
) {
  const turn = speech[index]!;
  const created = await createAnnotation(prisma, viewers[who], {
    documentSlug: SLUG,
    selection: {
      start: { turnAnchor: turn.anchor, offset: 0 },
      end: { turnAnchor: turn.anchor, offset: Math.min(12, turn.text.length) },
    },
    body: doc(text),
    visibility,
    courseId: visibility === "course" ? courseId : null,
    groupId: visibility === "group" ? (who === "ada" || who === "ben" ? groupA : groupB) : null,
  });
  if (!created.ok) throw new Error(created.error);
  return created.value.id;
}

async function reply(who: Who, annotationId: string, text: string) {
  const created = await createReply(prisma, viewers[who], { annotationId, body: doc(text) });
  if (!created.ok) throw new Error(created.error);
  return created.value.id;
}

const at = (iso: string) => new Date(iso);

/** A student who joins now and has written nothing yet (the demo students write in many tests). */
async function newStudent(who: "eve" | "fay", groupId?: string) {
  const user = await prisma.user.create({
    data: { email: `${who}@memcon.test`, name: who === "eve" ? "Eve Ito" : "Fay Ueda" },
  });
  await prisma.membership.create({ data: { courseId, userId: user.id, role: "student" } });
  if (groupId) await prisma.groupMember.create({ data: { groupId, userId: user.id } });
  await reload(who);
}
async function backdate(kind: "annotation" | "reply", id: string, createdAt: Date) {
  if (kind === "annotation") await prisma.annotation.update({ where: { id }, data: { createdAt } });
  else await prisma.reply.update({ where: { id }, data: { createdAt } });
}

function form(overrides: Partial<AssignmentFormInput> = {}): AssignmentFormInput {
  return {
    title: "Liao and Ishibashi: the terms of friendship",
    documentSlug: SLUG,
    passageFrom: String(speech[0]!.anchor),
    passageTo: String(speech[9]!.anchor),
    timeZone: "Asia/Tokyo",
    opensAt: "2026-12-01T09:00",
    dueAt: "2026-12-08T17:00",
    minAnnotations: "2",
    minReplies: "1",
    minWords: "10",
    hideUntilPosted: false,
    groupIds: [],
    instructions: doc("Where does each speaker set conditions?"),
    ...overrides,
  };
}

async function create(overrides: Partial<AssignmentFormInput> = {}) {
  const outcome = await createAssignment(prisma, viewers.instructor, courseId, form(overrides));
  if (!outcome.ok) throw new Error(`${outcome.error} ${JSON.stringify(outcome.fields)}`);
  return getAssignment(prisma, viewers.instructor, outcome.value.id);
}

beforeAll(async () => {
  await loadContentFiles(prisma, listContentFiles("content"));
  await ensureDemoData(prisma);
  // The demo assignment is not part of these stories.
  await prisma.assignment.deleteMany({});
  for (const who of ["ada", "ben", "chen", "dana", "instructor"] as const) await reload(who);
  const course = await prisma.course.findUniqueOrThrow({
    where: { joinCode: "READ1959" },
    include: { groups: true },
  });
  courseId = course.id;
  groupA = course.groups.find((group) => group.name === "Group A")!.id;
  groupB = course.groups.find((group) => group.name === "Group B")!.id;
  const document = await prisma.document.findUniqueOrThrow({
    where: { slug: SLUG },
    include: { turns: { where: { kind: "speech" }, orderBy: { position: "asc" } } },
  });
  speech = document.turns.map((turn) => ({ anchor: turn.anchor, text: turn.text }));
});

describe("creating assignments", () => {
  it("stores dates as instants from the wall-clock time and zone the instructor typed", async () => {
    const assignment = await create();
    expect(assignment.opensAt.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(assignment.dueAt.toISOString()).toBe("2026-12-08T08:00:00.000Z");
    expect(assignment.timeZone).toBe("Asia/Tokyo");
    expect(assignment.instructionsHtml).toContain("Where does each speaker set conditions?");
  });

  it("refuses bad input with a message per field and stores nothing", async () => {
    const before = await prisma.assignment.count();
    const cases: [Partial<AssignmentFormInput>, string, RegExp][] = [
      [{ dueAt: "2026-11-30T09:00" }, "dueAt", /after the opening/],
      [{ dueAt: "2026-02-31T09:00" }, "dueAt", /due date/],
      [{ timeZone: "Mars/Olympus" }, "timeZone", /time zone/],
      [{ documentSlug: "no-such-document" }, "documentSlug", /library/],
      [{ passageFrom: "999999", passageTo: "999999" }, "passageFrom", /not in the document/],
      [{ passageTo: "" }, "passageTo", /both/],
      [{ passageFrom: "20", passageTo: "10" }, "passageTo", /at or after/],
      [{ minAnnotations: "-1" }, "minAnnotations", /negative/],
      [{ minWords: "many" }, "minWords", /number/],
      [{ title: "  " }, "title", /title/],
      [{ instructions: { type: "doc", content: [{ type: "script" }] } }, "instructions", /script/],
    ];
    for (const [overrides, field, message] of cases) {
      const outcome = await createAssignment(prisma, viewers.instructor, courseId, form(overrides));
      expect(outcome.ok, JSON.stringify(overrides)).toBe(false);
      if (!outcome.ok) expect(outcome.fields?.[field], field).toMatch(message);
    }
    // A group of another course is refused too.
    const other = await createCourse(prisma, viewers.instructor, {
      title: "Postwar Japan",
      term: "Spring 2027",
    });
    if (!other.ok) throw new Error(other.error);
    const foreignGroup = await prisma.group.create({
      data: { courseId: other.value.courseId, name: "Elsewhere" },
    });
    const outcome = await createAssignment(
      prisma,
      viewers.instructor,
      courseId,
      form({ groupIds: [foreignGroup.id] }),
    );
    expect(outcome.ok).toBe(false);
    expect(await prisma.assignment.count()).toBe(before);
    await reload("instructor");
  });

  it("lets only the course's instructors create, edit and copy", async () => {
    await expect(createAssignment(prisma, viewers.ada, courseId, form())).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const assignment = await create({ title: "Copy me" });
    await expect(
      updateAssignment(prisma, viewers.ada, assignment.id, form()),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const edited = await updateAssignment(
      prisma,
      viewers.instructor,
      assignment.id,
      form({ title: "Copy me (edited)", groupIds: [groupA] }),
    );
    expect(edited.ok).toBe(true);
    const other = [...viewers.instructor.courses.keys()].find((id) => id !== courseId)!;
    const copy = await duplicateAssignment(prisma, viewers.instructor, assignment.id, other);
    if (!copy.ok) throw new Error(copy.error);
    const copied = await getAssignment(prisma, viewers.instructor, copy.value.id);
    expect(copied.courseId).toBe(other);
    expect(copied.title).toBe("Copy me (edited)");
    expect(copied.groupIds).toEqual([]); // groups belong to a course
    expect(copied.dueAt).toEqual(assignment.dueAt);
    // A course the instructor does not teach is refused.
    const refused = await duplicateAssignment(prisma, viewers.instructor, assignment.id, "nope");
    expect(refused.ok).toBe(false);
  });
});

describe("counting work toward the minimums", () => {
  it("counts shared, long-enough notes and replies in the passage, after opening", async () => {
    const assignment = await create({ title: "Counting" });
    const inWindow = at("2026-12-03T00:00:00Z");
    const now = at("2026-12-05T00:00:00Z");
    const adaFirst = await annotate("ada", 0, words(12));
    const adaSecond = await annotate("ada", 3, words(15), "group");
    const benOwn = await annotate("ben", 2, words(11));
    const adaReply = await reply("ada", benOwn, words(10));
    // None of these count: private, too short, outside the passage, before opening.
    const adaPrivate = await annotate("ada", 1, words(30), "private");
    const adaShort = await annotate("ada", 4, words(3));
    const adaOutside = await annotate("ada", 20, words(20));
    const adaEarly = await annotate("ada", 5, words(20));
    for (const id of [adaFirst, adaSecond, benOwn, adaPrivate, adaShort, adaOutside])
      await backdate("annotation", id, inWindow);
    await backdate("annotation", adaEarly, at("2026-11-20T00:00:00Z"));
    await backdate("reply", adaReply, inWindow);

    const rows = await assignmentResults(prisma, viewers.instructor, assignment, now);
    const ada = rows.find((row) => row.student.id === userIds.ada)!;
    expect(ada.assessment.annotations).toEqual({ counted: 2, onTime: 2, late: 0, tooShort: 1 });
    expect(ada.assessment.replies.counted).toBe(1);
    expect(ada.assessment.status).toBe("complete");
    expect(ada.assessment.words).toBe(12 + 15 + 3 + 10);
    const ben = rows.find((row) => row.student.id === userIds.ben)!;
    expect(ben.assessment.annotations.counted).toBe(1);
    expect(ben.assessment.status).toBe("in-progress");
    const chen = rows.find((row) => row.student.id === userIds.chen)!;
    expect(chen.assessment.status).toBe("not-started");
    expect(rows.map((row) => row.student.id)).not.toContain(userIds.instructor);

    // After the deadline, nothing posted is "missing", and partial work is not complete.
    const later = await assignmentResults(
      prisma,
      viewers.instructor,
      assignment,
      at("2026-12-20T00:00:00Z"),
    );
    expect(later.find((row) => row.student.id === userIds.chen)!.assessment.status).toBe("missing");
    expect(later.find((row) => row.student.id === userIds.ben)!.assessment.status).toBe("missing");
  });

  it("marks work after the deadline late, still counted; an extension moves one student's deadline", async () => {
    const assignment = await create({ title: "Deadlines", minReplies: "0", minAnnotations: "1" });
    const dueAt = assignment.dueAt;
    const afterDue = new Date(dueAt.getTime() + 3_600_000);
    const chenNote = await annotate("chen", 1, words(12));
    const danaNote = await annotate("dana", 2, words(12));
    await backdate("annotation", chenNote, afterDue);
    await backdate("annotation", danaNote, afterDue);
    const extended = await extendForStudent(
      prisma,
      viewers.instructor,
      assignment.id,
      userIds.dana,
      {
        dueAt: "2026-12-10T17:00",
        timeZone: "Asia/Tokyo",
      },
    );
    expect(extended.ok).toBe(true);

    const now = at("2026-12-09T00:00:00Z");
    const rows = await assignmentResults(prisma, viewers.instructor, assignment, now);
    const chen = rows.find((row) => row.student.id === userIds.chen)!;
    expect(chen.assessment.annotations).toMatchObject({ counted: 1, onTime: 0, late: 1 });
    expect(chen.assessment.status).toBe("late");
    expect(chen.completion).toBe(1); // late work is marked late, not lost
    const dana = rows.find((row) => row.student.id === userIds.dana)!;
    expect(dana.extendedTo?.toISOString()).toBe("2026-12-10T08:00:00.000Z");
    expect(dana.assessment.status).toBe("complete");

    // A student cannot extend their own deadline; a non-student cannot be extended.
    await expect(
      extendForStudent(prisma, viewers.dana, assignment.id, userIds.dana, {
        dueAt: "2027-01-01T00:00",
        timeZone: "UTC",
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      extendForStudent(prisma, viewers.instructor, assignment.id, userIds.instructor, {
        dueAt: "2027-01-01T00:00",
        timeZone: "UTC",
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    // Removing the extension puts Dana back on the class deadline: late.
    await extendForStudent(prisma, viewers.instructor, assignment.id, userIds.dana, {
      dueAt: "",
      timeZone: "UTC",
    });
    const again = await assignmentResults(prisma, viewers.instructor, assignment, now);
    expect(again.find((row) => row.student.id === userIds.dana)!.assessment.status).toBe("late");
  });

  it("closing early makes the deadline that moment", async () => {
    // Ben's earlier note (3 December) is on time; the one after closing is not: with two
    // required, he completes only late.
    const assignment = await create({ title: "Closing", minReplies: "0", minAnnotations: "2" });
    const closedAt = at("2026-12-04T00:00:00Z");
    await setAssignmentClosed(prisma, viewers.instructor, assignment.id, true, closedAt);
    const note = await annotate("ben", 6, words(12));
    await backdate("annotation", note, at("2026-12-05T00:00:00Z"));
    const closed = await getAssignment(prisma, viewers.instructor, assignment.id);
    const rows = await assignmentResults(prisma, viewers.instructor, closed, closedAt);
    const ben = rows.find((row) => row.student.id === userIds.ben)!;
    expect(ben.assessment.deadline).toEqual(closedAt);
    expect(ben.assessment.status).toBe("late");
  });

  it("counts only the students of the groups it is set for", async () => {
    const assignment = await create({ title: "Group A only", groupIds: [groupA] });
    const rows = await assignmentResults(
      prisma,
      viewers.instructor,
      assignment,
      at("2026-12-02T00:00:00Z"),
    );
    expect(rows.map((row) => row.student.id).sort()).toEqual([userIds.ada, userIds.ben].sort());
    // Group B does not see it at all.
    await expect(getAssignment(prisma, viewers.chen, assignment.id)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await getAssignment(prisma, viewers.ada, assignment.id)).toMatchObject({
      canManage: false,
    });
  });
});

describe("who sees results", () => {
  it("only instructors see the class's results; a student sees their own", async () => {
    const assignment = await create({ title: "Results" });
    await expect(assignmentResults(prisma, viewers.ada, assignment)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(assignmentDashboard(prisma, viewers.ada, assignment)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const own = await ownProgress(prisma, viewers.ada, assignment);
    expect(own?.work.every((item) => item.authorId === userIds.ada)).toBe(true);
    expect(await ownProgress(prisma, viewers.instructor, assignment)).toBeNull();
    const mine = await myAssignments(prisma, viewers.ada);
    expect(mine.toDo.map(({ assignment: row }) => row.id)).toContain(assignment.id);
    expect(mine.taught).toEqual([]);
    // An outsider (not in the course) cannot even find it.
    const outsider = await prisma.user.create({ data: { email: "outsider@memcon.test" } });
    const outsiderViewer = (await loadViewer(prisma, outsider.id))!;
    await expect(getAssignment(prisma, outsiderViewer, assignment.id)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("grades with a 0-3 quality, completion override and comment; the CSV has one row per student", async () => {
    const assignment = await create({ title: "Graded, with “quotes”, and =formula" });
    const note = await annotate("ben", 7, words(14));
    await backdate("annotation", note, at("2026-12-02T00:00:00Z"));
    expect(
      await setGrade(prisma, viewers.instructor, assignment.id, userIds.ben, {
        quality: "3",
        completion: "complete",
        comment: '=HYPERLINK("x") Close reading of Liao\'s condition',
      }),
    ).toEqual({ ok: true, value: null });
    const refused = await setGrade(prisma, viewers.instructor, assignment.id, userIds.ben, {
      quality: "4",
      completion: "auto",
      comment: "",
    });
    expect(refused.ok).toBe(false);
    await expect(
      setGrade(prisma, viewers.ada, assignment.id, userIds.ben, {
        quality: "3",
        completion: "auto",
        comment: "",
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);

    const rows = await assignmentResults(
      prisma,
      viewers.instructor,
      assignment,
      at("2026-12-03T00:00:00Z"),
    );
    const csv = gradebookCsv(assignment.title, rows);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(1 + rows.length); // header + one row per student
    expect(rows).toHaveLength(4); // the four demo students
    expect(lines[0]).toContain('"Graded, with “quotes”, and =formula (Points: 4)"');
    const ben = lines.find((line) => line.startsWith("Ben "))!;
    const cells = ben.split(",");
    expect(cells[1]).toBe("ben@memcon.test");
    const benRow = rows.find((row) => row.student.id === userIds.ben)!;
    expect(benRow.assessment.annotations.counted).toBeGreaterThanOrEqual(1);
    expect(cells[4]).toBe(String(benRow.assessment.annotations.counted)); // annotations
    expect(cells.slice(13, 16)).toEqual(["1", "3", "4"]); // completion, quality, score
    expect(ben).toContain(`"'=HYPERLINK(""x"") Close reading of Liao's condition"`);
  });
});

describe("hide classmates' annotations until you have posted", () => {
  it("holds classmates' notes back from a student until they share one, everywhere they are read", async () => {
    const instructorNote = await annotate("instructor", 10, "Instructor's framing note");
    const adaNote = await annotate("ada", 11, words(12));
    const benNote = await annotate("ben", 12, words(12));
    await create({ title: "Hidden", hideUntilPosted: true, opensAt: "2026-01-01T09:00" });
    await newStudent("eve");

    const visibleTo = async (who: Who) => {
      const document = await prisma.document.findUniqueOrThrow({ where: { slug: SLUG } });
      return (await listDocumentAnnotations(prisma, viewers[who], document.id)).map(
        (row) => row.id,
      );
    };
    const eveSees = await visibleTo("eve");
    expect(eveSees).toContain(instructorNote);
    expect(eveSees).not.toContain(adaNote);
    expect(eveSees).not.toContain(benNote);
    // Ada has posted on this document: she sees her classmates.
    expect(await visibleTo("ada")).toContain(benNote);
    // The API's search and single reads agree, and the thread cannot be answered.
    const search = await searchAnnotations(prisma, viewers.eve, {
      document: SLUG,
      limit: 200,
      offset: 0,
    });
    expect(search.rows.map((row) => row.id)).not.toContain(adaNote);
    await expect(getAnnotation(prisma, viewers.eve, adaNote)).rejects.toBeInstanceOf(NotFoundError);
    await expect(reply("eve", adaNote, "Let me see")).rejects.toBeInstanceOf(NotFoundError);
    // Instructors are not gated; a private note does not open the gate.
    expect(await visibleTo("instructor")).toEqual(expect.arrayContaining([adaNote, benNote]));
    await annotate("eve", 13, words(12), "private");
    expect(await visibleTo("eve")).not.toContain(adaNote);
    // Sharing one note with the course opens it.
    await annotate("eve", 14, words(12));
    expect(await visibleTo("eve")).toEqual(expect.arrayContaining([adaNote, benNote]));
    expect((await getAnnotation(prisma, viewers.eve, adaNote)).id).toBe(adaNote);
  });

  it("does not gate students the assignment is not set for, nor after it is closed", async () => {
    await prisma.assignment.deleteMany({ where: { hideUntilPosted: true } });
    const assignment = await create({
      title: "Group B must post first",
      hideUntilPosted: true,
      opensAt: "2026-01-01T09:00",
      groupIds: [groupB],
    });
    await newStudent("fay", groupB);
    const adaNote = await annotate("ada", 15, words(12));
    const document = await prisma.document.findUniqueOrThrow({ where: { slug: SLUG } });
    const ids = async (who: Who) =>
      (await listDocumentAnnotations(prisma, viewers[who], document.id)).map((row) => row.id);
    // Fay (Group B) has not posted; Ben (Group A) is not concerned.
    expect(await ids("ben")).toContain(adaNote);
    expect(await ids("fay")).not.toContain(adaNote);
    await setAssignmentClosed(prisma, viewers.instructor, assignment.id, true);
    expect(await ids("fay")).toContain(adaNote);
  });
});

describe("the audit log", () => {
  it("records hiding, grading, extensions and removals, for the course's instructors only", async () => {
    const note = await annotate("dana", 16, words(12));
    await setAnnotationHidden(prisma, viewers.instructor, note, true);
    const joined = await prisma.user.create({
      data: { email: "leaving@memcon.test", name: "Leaving Student" },
    });
    await prisma.membership.create({ data: { courseId, userId: joined.id, role: "student" } });
    await removeMember(prisma, viewers.instructor, courseId, joined.id);

    const entries = await listAuditEntries(prisma, viewers.instructor, courseId);
    const actions = entries.map((entry) => entry.action);
    for (const action of [
      "annotation.hide",
      "member.remove",
      "grade.set",
      "assignment.extend",
      "assignment.close",
      "assignment.create",
    ])
      expect(actions, action).toContain(action);
    expect(entries.find((entry) => entry.action === "member.remove")?.summary).toContain(
      "Leaving Student",
    );
    expect(entries.every((entry) => entry.actor?.name === "Hana Mori")).toBe(true);
    await expect(listAuditEntries(prisma, viewers.ada, courseId)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
