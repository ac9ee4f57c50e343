import { beforeAll, describe, expect, it } from "vitest";
import {
  createAnnotation,
  deleteAnnotation,
  listDocumentAnnotations,
  restoreAnnotation,
  setAnnotationHidden,
  updateAnnotation,
  UNDO_WINDOW_MS,
} from "@/lib/annotations/service";
import { CONTEXT_LENGTH, describeSelection } from "@/lib/anchoring";
import { loadViewer } from "@/lib/auth/load-viewer";
import type { Viewer } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db";
import { ensureDemoData } from "@/lib/demo/accounts";
import { NotFoundError } from "@/lib/errors";
import { parseSource } from "@/lib/importer";
import { listContentFiles, loadContentFiles } from "@/lib/library/load-content";
import { storeDocument } from "@/lib/library/store";

// Annotations against PostgreSQL with the demo course: who sees what, edits, deletes, hiding.
const prisma = getPrisma();
const SLUG = "1959-09-14-liao-ishibashi-third-conversation";
const viewers = {} as Record<"ada" | "ben" | "chen" | "instructor" | "outsider", Viewer>;
let courseId = "";
let groupA = "";
let documentId = "";
let bases: { anchor: number; text: string };

const note = (text: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});
const selectionOf = (turn: { anchor: number; text: string }, words: string) => {
  const start = turn.text.indexOf(words);
  return {
    start: { turnAnchor: turn.anchor, offset: start },
    end: { turnAnchor: turn.anchor, offset: start + words.length },
  };
};

beforeAll(async () => {
  await loadContentFiles(prisma, listContentFiles("content"));
  await ensureDemoData(prisma);
  const outsider = await prisma.user.create({
    data: { email: "outsider@example.edu", name: "Out Sider" },
  });
  for (const [key, email] of [
    ["ada", "ada@memcon.test"],
    ["ben", "ben@memcon.test"],
    ["chen", "chen@memcon.test"],
    ["instructor", "instructor@memcon.test"],
  ] as const) {
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    viewers[key] = (await loadViewer(prisma, user.id))!;
  }
  viewers.outsider = (await loadViewer(prisma, outsider.id))!;
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
  bases = document.turns.find((turn) =>
    turn.text.startsWith("If the prerequisite for further negotiations"),
  )!;
});

async function create(
  who: keyof typeof viewers,
  visibility: "private" | "group" | "course" | "public",
  words = "numerous American military bases",
) {
  const outcome = await createAnnotation(prisma, viewers[who], {
    documentSlug: SLUG,
    selection: selectionOf(bases, words),
    body: note(`${who}'s ${visibility} note`),
    tags: ["Bluff", "#security treaty"],
    visibility,
    courseId: visibility === "course" ? courseId : null,
    groupId: visibility === "group" ? groupA : null,
  });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.value.id;
}

const visibleTo = async (who: keyof typeof viewers) =>
  (await listDocumentAnnotations(prisma, viewers[who], documentId))
    .map((row) => row.bodyText)
    .sort();

describe("annotations", () => {
  it("stores the W3C selectors, sanitized HTML, plain text and normalised tags", async () => {
    const id = await create("ada", "course");
    const row = await prisma.annotation.findUniqueOrThrow({ where: { id } });
    expect(row.quote).toBe("numerous American military bases");
    expect(row.selector).toMatchObject({
      quote: {
        exact: "numerous American military bases",
        prefix: expect.any(String),
        suffix: expect.any(String),
      },
      positions: [
        {
          turnAnchor: bases.anchor,
          start: bases.text.indexOf("numerous"),
          end: bases.text.indexOf("numerous") + 32,
        },
      ],
    });
    expect(row.bodyHtml).toBe("<p>ada's course note</p>");
    expect(row.bodyText).toBe("ada's course note");
    expect(row.tags).toEqual(["bluff", "security-treaty"]);
  });

  it("shows each note only to those who may read it", async () => {
    await create("ada", "private");
    await create("ada", "group");
    await create("chen", "public");
    expect(await visibleTo("ada")).toEqual([
      "ada's course note",
      "ada's group note",
      "ada's private note",
      "chen's public note",
    ]);
    expect(await visibleTo("ben")).toEqual([
      "ada's course note",
      "ada's group note",
      "chen's public note",
    ]); // Group A
    expect(await visibleTo("chen")).toEqual(["ada's course note", "chen's public note"]); // Group B
    expect(await visibleTo("instructor")).toEqual([
      "ada's course note",
      "ada's group note",
      "chen's public note",
    ]);
    expect(await visibleTo("outsider")).toEqual(["chen's public note"]);
    expect(await listDocumentAnnotations(prisma, null, documentId)).toEqual([]);
  });

  it("refuses sharing with a course or group the author is not in", async () => {
    const outcome = await createAnnotation(prisma, viewers.outsider, {
      documentSlug: SLUG,
      selection: selectionOf(bases, "military bases"),
      body: note("sneaky"),
      visibility: "course",
      courseId,
    });
    expect(outcome).toEqual({
      ok: false,
      error: "Choose one of your courses to share this annotation with.",
    });
    const group = await createAnnotation(prisma, viewers.chen, {
      documentSlug: SLUG,
      selection: selectionOf(bases, "military bases"),
      body: note("not my group"),
      visibility: "group",
      groupId: groupA,
    });
    expect(group).toEqual({
      ok: false,
      error: "Choose one of your reading groups to share this annotation with.",
    });
  });

  it.each([
    [
      "an empty selection",
      { start: { turnAnchor: 2, offset: 5 }, end: { turnAnchor: 2, offset: 5 } },
      note("x"),
      /Select some words/,
    ],
    [
      "a selection beyond the document",
      { start: { turnAnchor: 9999, offset: 0 }, end: { turnAnchor: 9999, offset: 4 } },
      note("x"),
      /not in this document's transcript/,
    ],
    ["an empty note", null, { type: "doc", content: [] }, /Write something before saving/],
    [
      "a forged node type",
      null,
      { type: "doc", content: [{ type: "script", text: "alert(1)" }] },
      /script/,
    ],
  ])("rejects %s with a clear message", async (_name, selection, body, message) => {
    const outcome = await createAnnotation(prisma, viewers.ada, {
      documentSlug: SLUG,
      selection: selection ?? selectionOf(bases, "military bases"),
      body,
      visibility: "private",
    });
    expect(outcome.ok).toBe(false);
    expect((outcome as { error: string }).error).toMatch(message);
  });

  it("keeps edit history and refuses a stale save (optimistic concurrency)", async () => {
    const id = await create("ben", "course", "indeed impossible to talk");
    const first = await updateAnnotation(prisma, viewers.ben, id, {
      version: 1,
      body: note("second thoughts"),
      visibility: "course",
      courseId,
    });
    expect(first).toEqual({ ok: true, value: { version: 2 } });
    const stale = await updateAnnotation(prisma, viewers.ben, id, {
      version: 1,
      body: note("from another tab"),
      visibility: "course",
      courseId,
    });
    expect(stale).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Someone saved this annotation after you opened it/),
    });
    const row = await prisma.annotation.findUniqueOrThrow({
      where: { id },
      include: { revisions: true },
    });
    expect(row.bodyText).toBe("second thoughts");
    expect(row.revisions.map((revision) => [revision.version, revision.bodyHtml])).toEqual([
      [1, "<p>ben's course note</p>"],
    ]);
    await expect(
      updateAnnotation(prisma, viewers.ada, id, {
        version: 2,
        body: note("not mine"),
        visibility: "private",
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("soft-deletes, restores within the undo window, and not after it", async () => {
    const id = await create("chen", "private", "then it is indeed");
    await deleteAnnotation(prisma, viewers.chen, id);
    expect((await visibleTo("chen")).includes("chen's private note")).toBe(false);
    expect(await restoreAnnotation(prisma, viewers.chen, id)).toEqual({ ok: true, value: null });
    expect(await visibleTo("chen")).toContain("chen's private note");
    await deleteAnnotation(prisma, viewers.chen, id);
    const later = new Date(Date.now() + UNDO_WINDOW_MS + 1000);
    expect(await restoreAnnotation(prisma, viewers.chen, id, later)).toMatchObject({ ok: false });
    await expect(deleteAnnotation(prisma, viewers.ben, id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lets the course's instructor hide a note from the class, but not a student", async () => {
    const id = await create("ben", "course", "accept the numerous");
    await expect(setAnnotationHidden(prisma, viewers.ada, id, true)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await setAnnotationHidden(prisma, viewers.instructor, id, true);
    expect(await visibleTo("ada")).not.toContain("ben's course note");
    expect(await visibleTo("ben")).toContain("ben's course note"); // its author still sees it
    expect(await visibleTo("instructor")).toContain("ben's course note");
    await setAnnotationHidden(prisma, viewers.instructor, id, false);
    expect(await visibleTo("ada")).toContain("ben's course note");
  });
});

describe("re-anchoring when the document is revised", () => {
  it("moves annotations with their words and keeps the unplaceable ones as orphans", async () => {
    const fs = await import("node:fs");
    const os = await import("node:os");
    const path = await import("node:path");
    const turns = await prisma.turn.findMany({ where: { documentId } });
    const turnWith = (words: string) => turns.find((turn) => turn.text.includes(words))!;
    const follow = await createAnnotation(prisma, viewers.ada, {
      documentSlug: SLUG,
      selection: selectionOf(
        turnWith("then it is indeed impossible"),
        "then it is indeed impossible",
      ),
      body: note("follows its words"),
      visibility: "private",
    });
    const lost = await createAnnotation(prisma, viewers.ada, {
      documentSlug: SLUG,
      selection: selectionOf(
        turnWith("remove all the military bases at once"),
        "remove all the military bases at once",
      ),
      body: note("loses its words"),
      visibility: "private",
    });
    if (!follow.ok || !lost.ok) throw new Error("setup failed");

    const source = fs.readFileSync(`content/${SLUG}.md`, "utf8");
    const revised = source
      .replace(
        "If the prerequisite for further negotiations",
        "[Editor's insertion.] If the prerequisite for further negotiations",
      )
      .replace(
        "Japan cannot remove all the military bases at once.",
        "The bases question was postponed to a later meeting.",
      );
    expect(revised).not.toBe(source);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "memcon-revised-")), `${SLUG}.md`);
    fs.writeFileSync(file, revised);
    const report = await loadContentFiles(prisma, [file]);
    expect(report.failed).toEqual([]);

    const moved = await prisma.annotation.findUniqueOrThrow({ where: { id: follow.value.id } });
    const movedTurn = turnWith("then it is indeed impossible");
    const expectedStart =
      "[Editor's insertion.] ".length + movedTurn.text.indexOf("then it is indeed impossible");
    expect(moved.orphaned).toBe(false);
    expect(moved.selector).toMatchObject({
      positions: [{ turnAnchor: movedTurn.anchor, start: expectedStart, end: expectedStart + 28 }],
    });

    const orphan = await prisma.annotation.findUniqueOrThrow({ where: { id: lost.value.id } });
    expect(orphan.orphaned).toBe(true);
    expect(orphan.quote).toBe("remove all the military bases at once");
    const listed = await listDocumentAnnotations(prisma, viewers.ada, documentId);
    expect(listed.find((row) => row.id === lost.value.id)?.orphaned).toBe(true);
  });
});

describe("discussions of the whole document", () => {
  it("need no selection, list with the document, and are never orphaned by a revision", async () => {
    const created = await createAnnotation(prisma, viewers.ada, {
      documentSlug: SLUG,
      scope: "document",
      body: note("What does this record leave out?"),
      visibility: "course",
      courseId,
    });
    if (!created.ok) throw new Error(created.error);
    const row = await prisma.annotation.findUniqueOrThrow({ where: { id: created.value.id } });
    expect(row).toMatchObject({
      scope: "document",
      quote: "",
      orphaned: false,
      selector: { positions: [] },
    });
    expect(
      (await listDocumentAnnotations(prisma, viewers.ben, documentId)).some(
        (item) => item.id === row.id,
      ),
    ).toBe(true);

    const missing = await createAnnotation(prisma, viewers.ada, {
      documentSlug: SLUG,
      body: note("no passage"),
      visibility: "private",
    });
    expect(missing).toEqual({ ok: false, error: "Select some words of the transcript first." });

    const fs = await import("node:fs");
    const os = await import("node:os");
    const path = await import("node:path");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "memcon-doc-")), `${SLUG}.md`);
    fs.writeFileSync(
      file,
      fs
        .readFileSync(`content/${SLUG}.md`, "utf8")
        .replace("Premier Zhou [Enlai]", "Premier Zhou Enlai"),
    );
    await loadContentFiles(prisma, [file]);
    expect((await prisma.annotation.findUniqueOrThrow({ where: { id: row.id } })).orphaned).toBe(
      false,
    );
  });
});

describe("highlights (a passage marked without a note)", () => {
  const words = "military bases in Japan";
  const highlight = (visibility: "private" | "course", extra: object = {}) =>
    createAnnotation(prisma, viewers.ben, {
      documentSlug: SLUG,
      selection: selectionOf(bases, words),
      motivation: "highlighting",
      visibility,
      courseId: visibility === "course" ? courseId : null,
      ...extra,
    });

  it("are saved with no note, for their author alone", async () => {
    const outcome = await highlight("private");
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value.row).toMatchObject({ bodyText: "", bodyHtml: "", quote: words });
    const mine = await listDocumentAnnotations(prisma, viewers.ben, documentId);
    expect(mine.some((row) => row.id === outcome.value.id)).toBe(true);
    for (const other of ["ada", "instructor"] as const) {
      const theirs = await listDocumentAnnotations(prisma, viewers[other], documentId);
      expect(theirs.some((row) => row.id === outcome.value.id)).toBe(false);
    }
  });

  it("ignore a body sent with them and cannot be shared", async () => {
    const withBody = await highlight("private", { body: note("smuggled words") });
    expect(withBody.ok && withBody.value.row.bodyText).toBe("");
    const shared = await highlight("course");
    expect(shared).toEqual({ ok: false, error: expect.stringMatching(/highlight/i) });
  });

  it("leave an empty note refused as before", async () => {
    const outcome = await createAnnotation(prisma, viewers.ben, {
      documentSlug: SLUG,
      selection: selectionOf(bases, words),
      body: { type: "doc", content: [{ type: "paragraph" }] },
      visibility: "private",
    });
    expect(outcome).toEqual({ ok: false, error: "Write something before saving." });
  });
});

describe("the selector stored with a new note", () => {
  // A new note reads only the turns around its selection (lib/annotations/create.ts); what it
  // stores must be what describing the selection over every turn of the document gives.
  const everyTurn = async (slug: string) =>
    prisma.turn.findMany({
      where: { document: { slug } },
      orderBy: { position: "asc" },
      select: { anchor: true, text: true },
    });
  const storedSelector = async (slug: string, selection: ReturnType<typeof selectionOf>) => {
    const outcome = await createAnnotation(prisma, viewers.ada, {
      documentSlug: slug,
      selection,
      body: note("where is this?"),
      tags: [],
      visibility: "private",
    });
    if (!outcome.ok) throw new Error(outcome.error);
    return (await prisma.annotation.findUniqueOrThrow({ where: { id: outcome.value.id } }))
      .selector;
  };

  it("equals the selector described over the whole document: first turn, last turn, middle, across turns", async () => {
    const turns = (await everyTurn(SLUG)).filter((turn) => turn.text.length > 40);
    const first = turns[0]!;
    const last = turns.at(-1)!;
    const middle = turns[Math.floor(turns.length / 2)]!;
    const next = turns[Math.floor(turns.length / 2) + 1]!;
    const selections = [
      selectionOf(first, first.text.slice(0, 12)),
      selectionOf(last, last.text.slice(-12)),
      selectionOf(middle, middle.text.slice(10, 30)),
      {
        start: { turnAnchor: middle.anchor, offset: middle.text.length - 8 },
        end: { turnAnchor: next.anchor, offset: 8 },
      },
    ];
    const all = await everyTurn(SLUG);
    for (const selection of selections) {
      const described = describeSelection(all, selection);
      if (!described.ok) throw new Error(described.error);
      expect(await storedSelector(SLUG, selection)).toEqual(described.selector);
    }
  });

  it("reads further than the nearby turns when they are too short to hold the quote's context", async () => {
    const slug = "short-replies-record";
    const replies = Array.from({ length: 24 }, () => "**A:** Hm\n\n**B:** No");
    const parsed = parseSource(
      `---\ntype: document\nslug: ${slug}\nshape: dialogue\ntitle: Short replies\ndate: 1960-01-01\nparticipants:\n  - id: a\n    name: Speaker A\n    label: A\n  - id: b\n    name: Speaker B\n    label: B\n---\n\n**A:** A long opening statement about the treaty and its ratification in the Diet.\n\n${replies.join("\n\n")}\n\n**B:** A long closing statement about trade, fisheries and the return of detained persons.\n`,
      `${slug}.md`,
    );
    if (parsed.type !== "document") throw new Error("fixture: a document");
    await storeDocument(prisma, parsed, { contentHash: slug });
    const all = await everyTurn(slug);
    const middle = all[Math.floor(all.length / 2)]!;
    const selection = selectionOf(middle, middle.text.slice(0, 3));
    const described = describeSelection(all, selection);
    if (!described.ok) throw new Error(described.error);
    expect(described.selector.quote.prefix.length).toBe(CONTEXT_LENGTH);
    expect(await storedSelector(slug, selection)).toEqual(described.selector);
  });
});
