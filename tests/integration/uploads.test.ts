import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { zipSync } from "fflate";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as upload } from "@/app/api/documents/route";
import {
  DELETE as discard,
  GET as getDraft,
  PATCH as edit,
} from "@/app/api/documents/[slug]/route";
import { POST as publish } from "@/app/api/documents/[slug]/publish/route";
import { POST as promoteRoute } from "@/app/api/documents/[slug]/promote/route";
import { GET as contentFile } from "@/app/api/documents/[slug]/content/route";
import { createAnnotation, searchAnnotations, updateAnnotation } from "@/lib/annotations/service";
import { listNotifications } from "@/lib/threads/service";
import { createAssignment, duplicateAssignment } from "@/lib/assignments/service";
import { createApiToken } from "@/lib/auth/api-tokens";
import { loadViewer } from "@/lib/auth/load-viewer";
import type { Viewer } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db";
import { ensureDemoData } from "@/lib/demo/accounts";
import { parseSource } from "@/lib/importer";
import { listContentFiles, loadContentFiles } from "@/lib/library/load-content";
import { documentBySlug } from "@/lib/library/lookup";
import { getCollection, libraryFacets, listDocuments } from "@/lib/library/queries";
import { searchTranscripts } from "@/lib/library/search";

// Instructors bring documents: every source type from real files, the limits and hostile files,
// the scope of a published course document on every read path, and revisions that re-anchor.
const prisma = getPrisma();
const BASE = "http://memcon.test";
const FIXTURES = "tests/fixtures/uploads";
type Who = "hana" | "ada" | "ines" | "omar" | "admin";
const tokens = {} as Record<Who, string>;
const viewers = {} as Record<Who, Viewer>;
let courseId = "";
let otherCourseId = "";

const fixture = (name: string) => fs.readFileSync(`${FIXTURES}/${name}`);
const params = <T extends object>(value: T) => ({ params: Promise.resolve(value) });
const auth = (who: Who) => ({ Authorization: `Bearer ${tokens[who]}` });

async function send(who: Who, fields: Record<string, string | Blob>) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields))
    if (value instanceof Blob) form.append(key, value, (value as File).name ?? "upload");
    else form.append(key, value);
  const response = await upload(
    new Request(`${BASE}/api/documents`, { method: "POST", headers: auth(who), body: form }),
  );
  return { status: response.status, body: await response.json() };
}
const file = (bytes: Uint8Array | Buffer, name: string) => new File([new Uint8Array(bytes)], name);
const editDraft = async (who: Who, slug: string, edits: unknown[]) => {
  const response = await edit(
    new Request(`${BASE}/api/documents/${slug}`, {
      method: "PATCH",
      headers: { ...auth(who), "Content-Type": "application/json" },
      body: JSON.stringify({ edits }),
    }),
    params({ slug }),
  );
  return { status: response.status, body: await response.json() };
};
const publishDraft = async (who: Who, slug: string) => {
  const response = await publish(
    new Request(`${BASE}/api/documents/${slug}/publish`, { method: "POST", headers: auth(who) }),
    params({ slug }),
  );
  return { status: response.status, body: await response.json() };
};
const counts = async () => ({
  documents: await prisma.document.count(),
  drafts: await prisma.documentDraft.count(),
  turns: await prisma.turn.count(),
});

beforeAll(async () => {
  await loadContentFiles(prisma, listContentFiles("content"));
  await ensureDemoData(prisma);
  const email = (address: string) => prisma.user.findUniqueOrThrow({ where: { email: address } });
  const ines = await prisma.user.create({
    data: { email: "ines@example.edu", name: "Ines Berg", siteRole: "instructor" },
  });
  const omar = await prisma.user.create({ data: { email: "omar@example.edu", name: "Omar Said" } });
  const other = await prisma.course.create({
    data: {
      title: "Postwar Treaties",
      term: "Spring 2027",
      joinCode: "OTHER123",
      createdById: ines.id,
      memberships: {
        create: [
          { userId: ines.id, role: "instructor" },
          { userId: omar.id, role: "student" },
        ],
      },
    },
  });
  otherCourseId = other.id;
  courseId = (await prisma.course.findUniqueOrThrow({ where: { joinCode: "READ1959" } })).id;
  const ids: Record<Who, string> = {
    hana: (await email("instructor@memcon.test")).id,
    ada: (await email("ada@memcon.test")).id,
    admin: (await email("admin@memcon.test")).id,
    ines: ines.id,
    omar: omar.id,
  };
  for (const who of Object.keys(ids) as Who[]) {
    tokens[who] = (await createApiToken(prisma, ids[who], `${who} script`)).token;
    viewers[who] = (await loadViewer(prisma, ids[who]))!;
  }
});
// Uploads count against the hourly import limit; these tests make many.
beforeEach(() => prisma.rateLimit.deleteMany());

describe("sources: each becomes a draft through the importer, and nothing is published", () => {
  it("reads a FRUS TEI document", async () => {
    const before = await counts();
    const { status, body } = await send("hana", {
      courseId,
      file: file(fixture("frus1958-60v18_d143.xml"), "frus1958-60v18_d143.xml"),
    });
    expect(status).toBe(201);
    expect(body.draft.document.shape).toBe("tei");
    expect(body.draft.document.participants.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining(["kishi", "herter"]),
    );
    expect(body.draft.turns.length).toBeGreaterThan(3);
    expect(body.draft.turns.some((t: { speaker?: string }) => t.speaker === "kishi")).toBe(true);
    // The same reading as the importer gives the file itself.
    const direct = parseSource(fixture("frus1958-60v18_d143.xml").toString("utf8"), "d143.xml");
    expect(body.draft.turns.map((t: { text: string }) => t.text)).toEqual(
      direct.type === "document" ? direct.turns.map((t) => t.text) : [],
    );
    const after = await counts();
    expect(after).toEqual({ ...before, drafts: before.drafts + 1 });
  });

  it("lists the documents of a volume, then reads the one picked", async () => {
    const volume = file(fixture("frus1958-60v18-fragment.xml"), "frus1958-60v18.xml");
    const choose = await send("hana", { courseId, file: volume });
    expect(choose.status).toBe(422);
    expect(choose.body.documents).toEqual([
      { id: "d139", title: "139. Memorandum of Conversation" },
      { id: "d143", title: "143. Memorandum of Conversation" },
    ]);
    const picked = await send("hana", { courseId, file: volume, document: "d139" });
    expect(picked.status).toBe(201);
    expect(picked.body.draft.sourceName).toBe("frus1958-60v18.xml#d139");
    expect(picked.body.draft.document.date).toBe("1960-01-19");
    const missing = await send("hana", { courseId, file: volume, document: "d999" });
    expect(missing.status).toBe(422);
    expect(missing.body.error.message).toMatch(/no document "d999"/);
  });

  it("reads a PDF printed from seed 000 by Chromium as a dialogue of Liao and Ishibashi", async () => {
    const { status, body } = await send("hana", {
      courseId,
      file: file(fixture("liao-ishibashi-seed000.pdf"), "liao.pdf"),
    });
    expect(status).toBe(201);
    expect(body.draft.document.shape).toBe("dialogue");
    expect(body.draft.document.participants.map((p: { id: string }) => p.id)).toEqual([
      "liao",
      "ishibashi",
    ]);
    const speech = body.draft.turns.filter((t: { kind: string }) => t.kind === "speech");
    expect(speech.length).toBeGreaterThan(50);
    expect(speech[0].text).toMatch(/^Premier Zhou \[Enlai\] sends you his greetings/);
  });

  it("reads a Word file as a cable", async () => {
    const { status, body } = await send("hana", {
      courseId,
      file: file(fixture("sato-cable-1384.docx"), "sato.docx"),
    });
    expect(status).toBe(201);
    expect(body.draft.document.shape).toBe("cable");
    expect(body.draft.document.participants.map((p: { id: string }) => p.id)).toContain("sato");
    // The web page's debris the seed carried is left out, and said so.
    expect(
      body.draft.warnings.some((w: { message: string }) => w.message.startsWith("Left out")),
    ).toBe(true);
  });

  it("reads pasted text and a content file", async () => {
    const pasted = await send("hana", {
      courseId,
      text: "**Record of a Short Conversation**\n\nLiao: We meet again.\n\nIshibashi: Indeed we do.\n\nLiao: Shall we begin?\n\nIshibashi: Yes.\n\nLiao: Good.\n\nIshibashi: Go on.",
    });
    expect(pasted.status).toBe(201);
    const untitled = await send("hana", { courseId, text: "Liao: Hi.\n\nIshibashi: Hi." });
    expect(untitled.status).toBe(422);
    expect(untitled.body.error.message).toMatch(/no title found/);
    expect(pasted.body.draft.document.shape).toBe("dialogue");
    const md = await send("hana", {
      courseId,
      file: file(fixture("../../../content/1978-07-22-sato-cable-1384.md"), "sato.md"),
    });
    expect(md.status).toBe(201);
    // Another document already has that slug (the public library's): the draft gets its own.
    expect(md.body.draft.slug).toBe("1978-07-22-sato-cable-1384-2");
  });
});

describe("limits and hostile files are refused with a sentence, and change nothing", () => {
  const refused = async (fields: Record<string, string | Blob>, status: number, words: RegExp) => {
    const before = await counts();
    const answer = await send("hana", { courseId, ...fields });
    expect(answer.status).toBe(status);
    expect(answer.body.error.message).toMatch(words);
    expect(await counts()).toEqual(before);
  };

  it("a zip bomb posing as .docx", async () => {
    const bomb = zipSync({
      "[Content_Types].xml": new TextEncoder().encode("<Types/>"),
      "word/document.xml": new Uint8Array(80 * 1024 * 1024),
    });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await refused({ file: file(bomb, "bomb.docx") }, 413, /zip bomb/);
  });

  it("XML that declares entities (billion laughs), in TEI and inside a .docx", async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><div type="document"><head>&lol2;</head><p>x</p></div>`;
    await refused({ file: file(Buffer.from(laughs), "laughs.xml") }, 422, /declares XML entities/);
    const docx = zipSync({ "word/document.xml": new TextEncoder().encode(laughs) });
    await refused({ file: file(docx, "laughs.docx") }, 422, /declares XML entities/);
  });

  it("a file over 20 MB", async () => {
    await refused(
      { file: file(new Uint8Array(21 * 1024 * 1024).fill(65), "big.txt") },
      413,
      /20 MB/,
    );
  });

  it("a PDF without a text layer, and one of 501 pages", async () => {
    await refused({ file: file(minimalPdf(1), "scan.pdf") }, 422, /no text layer.*OCR/s);
    await refused({ file: file(minimalPdf(501), "long.pdf") }, 413, /501 pages.*at most 500/);
  });

  it("a damaged .docx, a picture, binary junk and an empty form", async () => {
    await refused(
      { file: file(Buffer.from("PK\u0003\u0004garbage"), "x.docx") },
      422,
      /damaged|not a Word/,
    );
    await refused({ file: file(Buffer.from([0x89, 0x50, 0x4e, 0x47]), "scan.png") }, 422, /OCR/);
    await refused({ file: file(Buffer.from([1, 2, 3, 0, 5]), "junk.txt") }, 422, /binary data/);
    await refused({}, 400, /exactly one of/);
  });
});

describe("who may bring and review documents", () => {
  it("students and other courses' instructors cannot upload to a course, and cannot see its drafts", async () => {
    const ada = await send("ada", { courseId, text: "Liao: Hello.\n\nIshibashi: Hello." });
    expect(ada.status).toBe(404);
    const ines = await send("ines", { courseId, text: "Liao: Hello.\n\nIshibashi: Hello." });
    expect(ines.status).toBe(404);
    const draft = await send("hana", {
      courseId,
      file: file(fixture("frus1958-60v18_d143.xml"), "d143.xml"),
    });
    const slug = draft.body.draft.slug;
    for (const who of ["ada", "ines", "omar"] as const) {
      expect((await editDraft(who, slug, [{ op: "merge", turn: 0 }])).status).toBe(404);
      expect((await publishDraft(who, slug)).status).toBe(404);
      const read = await getDraft(
        new Request(`${BASE}/api/documents/${slug}`, { headers: auth(who) }),
        params({ slug }),
      );
      expect(read.status).toBe(404);
    }
    // An instructor of course A is nobody in course B.
    const swapped = await send("hana", {
      courseId: otherCourseId,
      text: "Liao: Hello.\n\nIshibashi: Hello.",
    });
    expect(swapped.status).toBe(404);
    expect(swapped.body.error.message).toBe("No course has that id.");
    const publicLibrary = await send("hana", { text: "Liao: Hello.\n\nIshibashi: Hello." });
    expect(publicLibrary.status).toBe(404);
    const admin = await send("admin", {
      file: file(fixture("frus1958-60v18_d143.xml"), "d143.xml"),
    });
    expect(admin.status).toBe(201);
    expect(admin.body.draft.courseId).toBeNull();
    const gone = await discard(
      new Request(`${BASE}/api/documents/${admin.body.draft.slug}`, {
        method: "DELETE",
        headers: auth("admin"),
      }),
      params({ slug: admin.body.draft.slug }),
    );
    expect(gone.status).toBe(204);
  });
});

describe("review, publish, and the course document's scope", () => {
  let slug = "";

  it("corrects the reading: speaker, merge, split, kind, metadata; refuses what does not fit", async () => {
    const draft = await send("hana", {
      courseId,
      text: fs.readFileSync("../shared/seeds/000_9ab23679f081ca9d.txt", "utf8"),
    });
    expect(draft.status).toBe(201);
    slug = draft.body.draft.slug;
    const turns = draft.body.draft.turns as { kind: string; speaker?: string; text: string }[];
    const first = turns.findIndex((t) => t.kind === "speech");
    expect(turns[first]!.speaker).toBe("liao");
    const fixed = await editDraft("hana", slug, [
      { op: "addParticipant", name: "Lin Liyun", label: "Lin" },
      { op: "speaker", turn: first, speaker: "lin-liyun" },
      { op: "merge", turn: first + 1 },
      { op: "split", turn: first + 2, at: 10 },
      { op: "kind", turn: 0, kind: "heading" },
      { op: "metadata", place: "Beijing", title: "Third conversation (course reading)" },
    ]);
    expect(fixed.status).toBe(200);
    const after = fixed.body.draft;
    expect(after.turns[first].speaker).toBe("lin-liyun");
    expect(after.turns[first + 1].text).toBe(`${turns[first + 1]!.text} ${turns[first + 2]!.text}`);
    expect(after.turns[0].kind).toBe("heading");
    expect(after.document.place).toBe("Beijing");
    expect(after.document.title).toBe("Third conversation (course reading)");
    // The draft is kept: read again, it is the corrected one.
    const again = await getDraft(
      new Request(`${BASE}/api/documents/${slug}`, { headers: auth("hana") }),
      params({ slug }),
    );
    expect((await again.json()).draft.turns[first].speaker).toBe("lin-liyun");

    const badDate = await editDraft("hana", slug, [{ op: "metadata", date: "14 Sept" }]);
    expect(badDate.status).toBe(422);
    expect(badDate.body.error.message).toMatch(/content format/);
    const noone = await editDraft("hana", slug, [{ op: "speaker", turn: first, speaker: "zhou" }]);
    expect(noone.status).toBe(422);
    const malformed = await editDraft("hana", slug, [{ op: "explode" }]);
    expect(malformed.status).toBe(400);

    const download = await contentFile(
      new Request(`${BASE}/api/documents/${slug}/content`, { headers: auth("hana") }),
      params({ slug }),
    );
    expect(download.headers.get("content-disposition")).toContain(`${slug}.md`);
    const text = await download.text();
    const reread = parseSource(text, `${slug}.md`);
    expect(reread.type === "document" && reread.place).toBe("Beijing");
    expect(text).toContain("**Lin:**");
  });

  it("publishes into the course: its members read it, everyone else finds nothing", async () => {
    expect(await documentBySlug(prisma, slug, viewers.ada)).toBeNull();
    const published = await publishDraft("hana", slug);
    expect(published.status).toBe(200);
    expect(published.body.published).toMatchObject({ slug, status: "created" });
    expect(await prisma.documentDraft.count({ where: { slug } })).toBe(0);

    const word = "Superfortress";
    for (const who of ["hana", "ada", "admin"] as const) {
      expect(await documentBySlug(prisma, slug, viewers[who])).not.toBeNull();
      expect((await listDocuments(viewers[who])).map((d) => d.slug)).toContain(slug);
      expect((await searchTranscripts(word, viewers[who])).map((r) => r.slug)).toContain(slug);
      expect((await libraryFacets(viewers[who])).participants).toContain("Lin Liyun");
    }
    for (const who of ["ines", "omar", null] as const) {
      const viewer = who ? viewers[who] : null;
      expect(await documentBySlug(prisma, slug, viewer)).toBeNull();
      expect((await listDocuments(viewer)).map((d) => d.slug)).not.toContain(slug);
      expect((await listDocuments(viewer, { participant: "Lin Liyun" })).length).toBe(0);
      expect((await searchTranscripts(word, viewer)).map((r) => r.slug)).not.toContain(slug);
      expect((await libraryFacets(viewer)).participants).not.toContain("Lin Liyun");
      const collection = await getCollection("sino-japanese-relations", viewer);
      expect(collection!.entries.map((e) => e.document?.slug)).not.toContain(slug);
    }
    // Annotating: a member may; an outsider's attempt answers like a missing document.
    const turn = await prisma.turn.findFirstOrThrow({
      where: { document: { slug }, text: { contains: "Superfortress" } },
    });
    const at = turn.text.indexOf("Superfortress");
    const selection = {
      start: { turnAnchor: turn.anchor, offset: at },
      end: { turnAnchor: turn.anchor, offset: at + 13 },
    };
    const body = {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "B-29s" }] }],
    };
    const mine = await createAnnotation(prisma, viewers.ada, {
      documentSlug: slug,
      selection,
      body,
      visibility: "public",
    });
    expect(mine.ok).toBe(true);
    const theirs = await createAnnotation(prisma, viewers.omar, {
      documentSlug: slug,
      selection,
      body,
      visibility: "private",
    });
    expect(theirs).toEqual({ ok: false, error: "That document no longer exists." });
    // Ada's note is shared with "everyone signed in", but the document is not theirs to read.
    const listed = await searchAnnotations(prisma, viewers.omar, { limit: 200, offset: 0 });
    expect(listed.rows.map((row) => row.document.slug)).not.toContain(slug);
    expect(
      await searchAnnotations(prisma, viewers.ines, {
        document: slug,
        limit: 200,
        offset: 0,
        count: "exact",
      }),
    ).toMatchObject({ total: 0, hasMore: false, rows: [] });
  });

  it("notes on it stay in its course, and say nothing to anyone outside it", async () => {
    // Someone in both courses cannot share a note on course A's document with course B.
    const both = await prisma.user.create({
      data: {
        email: "both@example.edu",
        name: "Bo Th",
        memberships: {
          create: [
            { courseId, role: "student" },
            { courseId: otherCourseId, role: "student" },
          ],
        },
      },
    });
    const viewer = (await loadViewer(prisma, both.id))!;
    const turn = await prisma.turn.findFirstOrThrow({
      where: { document: { slug }, kind: "speech" },
    });
    const body = {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "@Omar look" }] }],
    };
    const selection = {
      start: { turnAnchor: turn.anchor, offset: 0 },
      end: { turnAnchor: turn.anchor, offset: 5 },
    };
    const elsewhere = await createAnnotation(prisma, viewer, {
      documentSlug: slug,
      selection,
      body,
      visibility: "course",
      courseId: otherCourseId,
    });
    expect(elsewhere).toEqual({
      ok: false,
      error: "This document belongs to one course: share notes on it with that course only.",
    });
    const here = await createAnnotation(prisma, viewer, {
      documentSlug: slug,
      selection,
      body,
      visibility: "course",
      courseId,
    });
    expect(here.ok).toBe(true);
    const moved = await updateAnnotation(prisma, viewer, here.ok ? here.value.id : "", {
      version: 1,
      body,
      visibility: "course",
      courseId: otherCourseId,
    });
    expect(moved.ok).toBe(false);
    // A notification about a note there (however it came about) is not shown outside the course.
    await prisma.notification.create({
      data: {
        userId: viewers.omar.userId,
        kind: "mention",
        annotationId: here.ok ? here.value.id : "",
        actorId: both.id,
      },
    });
    await prisma.annotation.update({
      where: { id: here.ok ? here.value.id : "" },
      data: { visibility: "public" },
    });
    expect(await listNotifications(prisma, viewers.omar)).toEqual([]);
  });

  it("an assignment on the course's own document cannot be set in, or copied to, another course", async () => {
    // Hana also teaches a second course: the document stays in the first.
    const second = await prisma.course.create({
      data: {
        title: "Second seminar",
        term: "Fall 2027",
        joinCode: "SECOND12",
        createdById: viewers.hana.userId,
        memberships: { create: [{ userId: viewers.hana.userId, role: "instructor" }] },
      },
    });
    const hana = (await loadViewer(prisma, viewers.hana.userId))!;
    const form = {
      title: "Read the course copy",
      documentSlug: slug,
      passageFrom: "",
      passageTo: "",
      timeZone: "UTC",
      opensAt: "2026-01-05T09:00",
      dueAt: "2027-12-20T17:00",
      minAnnotations: "1",
      minReplies: "0",
      minWords: "0",
      hideUntilPosted: false,
      groupIds: [],
      instructions: {
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text: "Read." }] }],
      },
    };
    const here = await createAssignment(prisma, hana, courseId, form);
    expect(here.ok).toBe(true);
    const there = await createAssignment(prisma, hana, second.id, form);
    expect(there).toMatchObject({ ok: false, fields: { documentSlug: expect.any(String) } });
    const copied = await duplicateAssignment(prisma, hana, here.ok ? here.value.id : "", second.id);
    expect(copied).toEqual({
      ok: false,
      error: "That document belongs to another course: it cannot be set in this one.",
    });
    expect(await prisma.assignment.count({ where: { courseId: second.id } })).toBe(0);
  });

  it("a corrected upload shows the diff; publishing re-anchors notes and tells orphans' authors", async () => {
    const document = await prisma.document.findUniqueOrThrow({
      where: { slug },
      include: { turns: { orderBy: { position: "asc" } } },
    });
    const removedTurn = document.turns.find(
      (t) => t.text.startsWith("Ishibashi: Japan cannot") || t.text.startsWith("Japan cannot cut"),
    )!;
    const movedTurn = document.turns.find((t) => t.text.includes("Superfortress"))!;
    const note = (text: string) => ({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text }] }],
    });
    const orphanQuote = "cannot cut its ties";
    const at = removedTurn.text.indexOf(orphanQuote);
    const orphan = await createAnnotation(prisma, viewers.ada, {
      documentSlug: slug,
      selection: {
        start: { turnAnchor: removedTurn.anchor, offset: at },
        end: { turnAnchor: removedTurn.anchor, offset: at + orphanQuote.length },
      },
      body: note("will be lost"),
      visibility: "course",
      courseId,
    });
    expect(orphan.ok).toBe(true);

    // The corrected file: one turn removed, one edited, a new one added at the end.
    const content = (await prisma.documentDraft.count()) >= 0 ? await currentContent(slug) : "";
    const corrected = content
      .replace(`**Ishibashi:** ${removedTurn.text}\n\n`, "")
      .replace("rocket bases", "missile bases")
      .concat("\n**Liao:** A line found in the archive copy.\n");
    const revision = await send("hana", {
      revises: slug,
      file: file(Buffer.from(corrected), `${slug}.md`),
    });
    expect(revision.status).toBe(201);
    expect(revision.body.draft.revises.slug).toBe(slug);
    expect(revision.body.draft.diff).toMatchObject({ added: 1, removed: 1, edited: 1 });
    const edited = revision.body.draft.diff.changes.find(
      (c: { type: string }) => c.type === "edited",
    );
    expect(
      edited.words.filter((w: { added?: boolean }) => w.added).map((w: { text: string }) => w.text),
    ).toEqual(["missile"]);
    // Nothing changes for readers until it is published.
    expect(await prisma.turn.count({ where: { documentId: document.id } })).toBe(
      document.turns.length,
    );

    const published = await publishDraft("hana", slug);
    expect(published.body.published).toMatchObject({ status: "updated", orphanedAnnotations: 1 });
    const notes = await prisma.annotation.findMany({ where: { documentId: document.id } });
    const kept = notes.find((n) => n.quote === "Superfortress")!;
    expect(kept.orphaned).toBe(false);
    const place = (kept.selector as { positions: { turnAnchor: number }[] }).positions[0]!;
    const turnNow = await prisma.turn.findFirstOrThrow({
      where: { documentId: document.id, anchor: place.turnAnchor },
    });
    expect(turnNow.text).toContain("missile bases");
    expect(movedTurn.anchor).toBe(place.turnAnchor);
    const lost = notes.find((n) => n.id === (orphan.ok ? orphan.value.id : ""))!;
    expect(lost.orphaned).toBe(true);
    const told = await prisma.notification.findMany({ where: { annotationId: lost.id } });
    expect(told).toMatchObject([{ kind: "orphaned", userId: viewers.ada.userId }]);
  });
});

describe("site admins and the public library", () => {
  it("an admin moves a course's document into the public library; an instructor cannot", async () => {
    const draft = await send("hana", {
      courseId,
      file: file(fixture("frus1958-60v18_d143.xml"), "d143.xml"),
    });
    const slug = draft.body.draft.slug;
    expect((await publishDraft("hana", slug)).status).toBe(200);
    expect(await documentBySlug(prisma, slug, viewers.omar)).toBeNull();
    const promote = (who: Who) =>
      promoteRoute(
        new Request(`${BASE}/api/documents/${slug}/promote`, {
          method: "POST",
          headers: auth(who),
        }),
        params({ slug }),
      );
    expect((await promote("hana")).status).toBe(404);
    expect((await promote("admin")).status).toBe(200);
    expect(await documentBySlug(prisma, slug, viewers.omar)).not.toBeNull();
    expect(await documentBySlug(prisma, slug, null)).not.toBeNull();
    const again = await promote("admin");
    expect(again.status).toBe(422);
    expect((await again.json()).error.message).toBe(
      "This document is already in the public library.",
    );
  });
});

describe("by reference, from a local stand-in for the archives' sites", () => {
  let server: http.Server;
  let base = "";
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const files: Record<string, [string, string]> = {
        "/historicaldocuments/frus1958-60v18/d143.xml": [
          "frus1958-60v18_d143.xml",
          "application/xml",
        ],
        "/document/134184": ["wilson-document-134184.html", "text/html"],
      };
      const found = files[request.url ?? ""];
      if (!found) {
        response.writeHead(404).end("not found");
        return;
      }
      response.writeHead(200, { "Content-Type": found[1] }).end(fixture(found[0]));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    process.env.MEMCON_FRUS_BASE_URL = `${base}/historicaldocuments`;
    process.env.MEMCON_WILSON_BASE_URL = base;
  });
  afterAll(async () => {
    delete process.env.MEMCON_FRUS_BASE_URL;
    delete process.env.MEMCON_WILSON_BASE_URL;
    await new Promise((resolve) => server.close(resolve));
  });

  it("fetches a FRUS document by id and by its history.state.gov address", async () => {
    for (const reference of [
      "frus1958-60v18/d143",
      "https://history.state.gov/historicaldocuments/frus1958-60v18/d143",
    ]) {
      const { status, body } = await send("hana", { courseId, reference });
      expect(status).toBe(201);
      expect(body.draft.document.shape).toBe("tei");
      expect(body.draft.sourceName).toBe("frus1958-60v18/d143.xml");
    }
    const missing = await send("hana", { courseId, reference: "frus1958-60v18/d999" });
    expect(missing.status).toBe(404);
  });

  it("fetches a Wilson Center page and drops the page's debris", async () => {
    const { status, body } = await send("hana", {
      courseId,
      reference: "https://digitalarchive.wilsoncenter.org/document/134184",
    });
    expect(status).toBe(201);
    expect(body.draft.document.shape).toBe("dialogue");
    expect(body.draft.turns.some((t: { text: string }) => /trackPage|dataLayer/.test(t.text))).toBe(
      false,
    );
  });

  it("says it could not reach the site and suggests uploading", async () => {
    process.env.MEMCON_FRUS_BASE_URL = "http://127.0.0.1:9/historicaldocuments";
    const before = await counts();
    const { status, body } = await send("hana", { courseId, reference: "frus1958-60v18/d143" });
    expect(status).toBe(502);
    expect(body.error.message).toMatch(
      /could not reach the Office of the Historian.*upload the file/,
    );
    expect(await counts()).toEqual(before);
    process.env.MEMCON_FRUS_BASE_URL = `${base}/historicaldocuments`;
    const other = await send("hana", {
      courseId,
      reference: "http://169.254.169.254/latest/meta-data",
    });
    expect(other.status).toBe(422);
  });
});

async function currentContent(slug: string): Promise<string> {
  // The published text as a content file: what an instructor keeps in version control.
  const { serializeContent } = await import("@/lib/importer/content-format");
  const document = await prisma.document.findUniqueOrThrow({
    where: { slug },
    include: {
      participants: { orderBy: { position: "asc" } },
      turns: { orderBy: { position: "asc" }, include: { speaker: true } },
    },
  });
  return serializeContent({
    type: "document",
    slug,
    shape: document.shape,
    title: document.title,
    ...(document.date ? { date: document.date } : {}),
    fields: {},
    participants: document.participants.map((p) => ({
      id: p.key,
      name: p.name,
      ...(p.label ? { label: p.label } : {}),
    })),
    turns: document.turns.map((t) => ({
      kind: t.kind,
      text: t.text,
      ...(t.speaker ? { speaker: t.speaker.key } : {}),
      ...(t.label ? { label: t.label } : {}),
      ...(t.lang ? { lang: t.lang } : {}),
    })),
    dropped: [],
  });
}

/** A PDF of `pages` empty pages (no text layer), written by hand: pdf.js repairs the offsets. */
function minimalPdf(pages: number): Buffer {
  const kids = Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(" ");
  const objects = [
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
    `2 0 obj << /Type /Pages /Kids [${kids}] /Count ${pages} >> endobj`,
    ...Array.from(
      { length: pages },
      (_, i) => `${i + 3} 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj`,
    ),
  ];
  return Buffer.from(`%PDF-1.4\n${objects.join("\n")}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}
