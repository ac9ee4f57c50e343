import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as courseExport } from "@/app/api/courses/[id]/annotations/route";
import { GET as documentExport } from "@/app/api/documents/[slug]/annotations/route";
import { createApiToken } from "@/lib/auth/api-tokens";
import { getPrisma } from "@/lib/db";
import { ensureDemoData } from "@/lib/demo/accounts";
import { ensureDemoSeminar } from "@/lib/demo/seminar";
import { KISHI_HERTER, LIAO_ISHIBASHI } from "@/lib/demo/seminar-notes";
import { listContentFiles, loadContentFiles } from "@/lib/library/load-content";

// What each person gets from the export files, on the demo seminar: only the notes they may
// read, each with its discussion, the speakers and the citation; ids on the public address.

const prisma = getPrisma();
const PUBLIC = "https://memcon.example.edu";
// The request arrives under an internal address, as behind a proxy.
const INTERNAL = "http://10.0.0.7:3000";
const people = ["ada", "ben", "chen", "instructor", "outsider"] as const;
type Person = (typeof people)[number];
const tokens = {} as Record<Person, string>;
let courseId = "";
const savedAuthUrl = process.env.AUTH_URL;

// Distinctive words of the seminar's notes and replies (lib/demo/seminar-notes.ts).
const TEXT = {
  adaCourse: "He opens with a refusal, although he is the visitor",
  benReplyCourse: "He holds no office, so the only thing he can trade on",
  chenAnswerCourse: "But he does have something to offer: the visit itself.",
  adaPrivate: "For my paper: the only turn where Liao appeals to the war",
  benPrivate: "Look up Stuart before Thursday",
  chenPrivateKishi: "Footnote 1 points to telegram 2728",
  danaGroupB: "The note-taker summarises instead of recording words.",
  chenReplyGroupB: "so this is exactly the kind of line that could still be shaped",
  benGroupAKishi: "The drafter folds a later conversation into this memorandum",
  adaReplyGroupAKishi: "The parenthesis is the drafter speaking",
  instructorWhole: "Before deciding who is bluffing, ask who this record was written for.",
};

async function download(
  who: Person,
  path: string,
  handler: typeof documentExport | typeof courseExport,
  params: Record<string, string>,
) {
  const response = await (handler as (r: Request, c: unknown) => Promise<Response>)(
    new Request(`${INTERNAL}${path}`, { headers: { Authorization: `Bearer ${tokens[who]}` } }),
    { params: Promise.resolve(params) },
  );
  return {
    status: response.status,
    disposition: response.headers.get("content-disposition") ?? "",
    type: response.headers.get("content-type") ?? "",
    text: await response.text(),
  };
}
const documentFile = (who: Person, slug: string, format: string) =>
  download(who, `/api/documents/${slug}/annotations?format=${format}`, documentExport, { slug });
const courseFile = (who: Person, format: string) =>
  download(who, `/api/courses/${courseId}/annotations?format=${format}`, courseExport, {
    id: courseId,
  });

const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  process.env.AUTH_URL = PUBLIC;
  await loadContentFiles(prisma, listContentFiles("content"));
  await ensureDemoData(prisma);
  const report = await ensureDemoSeminar(prisma);
  expect(report.skipped).toEqual([]);
  const outsider = await prisma.user.create({
    data: { email: "outsider@example.edu", name: "Out Sider" },
  });
  for (const who of people) {
    const user =
      who === "outsider"
        ? outsider
        : await prisma.user.findUniqueOrThrow({ where: { email: `${who}@memcon.test` } });
    tokens[who] = (await createApiToken(prisma, user.id, `${who} export`)).token;
  }
  courseId = (await prisma.course.findUniqueOrThrow({ where: { joinCode: "READ1959" } })).id;
});

afterAll(() => {
  if (savedAuthUrl === undefined) delete process.env.AUTH_URL;
  else process.env.AUTH_URL = savedAuthUrl;
});

describe("a document's export", () => {
  it("Ben (group A) gets the notes he may read with their discussions, never a classmate's private note nor group B's", async () => {
    for (const format of ["md", "csv", "jsonld"]) {
      const file = await documentFile("ben", LIAO_ISHIBASHI, format);
      expect(file.status, format).toBe(200);
      for (const shown of [
        TEXT.adaCourse,
        TEXT.benReplyCourse,
        TEXT.chenAnswerCourse,
        TEXT.benPrivate,
        TEXT.instructorWhole,
      ])
        expect(file.text, `${format}: ${shown}`).toContain(shown);
      for (const hidden of [TEXT.adaPrivate, TEXT.danaGroupB, TEXT.chenReplyGroupB])
        expect(file.text, `${format}: ${hidden}`).not.toContain(hidden);
    }
  });

  it("Chen (group B) reads group B's thread, not Ben's private note nor group A's", async () => {
    const liao = await documentFile("chen", LIAO_ISHIBASHI, "md");
    expect(liao.text).toContain(TEXT.danaGroupB);
    expect(liao.text).toContain(TEXT.chenReplyGroupB);
    expect(liao.text).not.toContain(TEXT.benPrivate);
    const kishi = await documentFile("chen", KISHI_HERTER, "csv");
    expect(kishi.text).toContain(TEXT.chenPrivateKishi);
    expect(kishi.text).not.toContain(TEXT.benGroupAKishi);
    expect(kishi.text).not.toContain(TEXT.adaReplyGroupAKishi);
  });

  it("someone outside the course gets none of the course's notes", async () => {
    const file = await documentFile("outsider", LIAO_ISHIBASHI, "md");
    expect(file.status).toBe(200);
    expect(file.text).toContain("_No annotations._");
  });

  it("names the file for what it holds, cites the document and names the speakers", async () => {
    const md = await documentFile("ben", LIAO_ISHIBASHI, "md");
    expect(md.disposition).toBe(
      `attachment; filename="memcon-notes_${LIAO_ISHIBASHI}_${today()}.md"`,
    );
    expect(md.type).toBe("text/markdown; charset=utf-8");
    expect(md.text).toContain("Wilson Center Digital Archive, PRC FMA 105-00669-02, 32-37");
    expect(md.text).toMatch(/## \[Turn \d+\]\(<[^>]+>\) · Ishibashi Tanzan\n\n> Japan cannot cut/);
    expect(md.text).toContain(`Source: <${PUBLIC}/documents/${LIAO_ISHIBASHI}>`);
    const csv = await documentFile("ben", LIAO_ISHIBASHI, "csv");
    expect(csv.disposition).toBe(
      `attachment; filename="memcon-notes_${LIAO_ISHIBASHI}_${today()}.csv"`,
    );
    expect(csv.text).toContain(",reply,");
    const jsonld = await documentFile("ben", LIAO_ISHIBASHI, "jsonld");
    expect(jsonld.disposition).toBe(
      `attachment; filename="memcon-annotations_${LIAO_ISHIBASHI}_${today()}.jsonld"`,
    );
  });

  it("builds ids on AUTH_URL, not on the address the request used", async () => {
    const file = await documentFile("ben", LIAO_ISHIBASHI, "jsonld");
    const collection = JSON.parse(file.text) as {
      id: string;
      first: { items: { id: string; motivation: string; target: unknown }[] };
    };
    expect(collection.id.startsWith(`${PUBLIC}/`)).toBe(true);
    expect(file.text).not.toContain("10.0.0.7");
    const replies = collection.first.items.filter((item) => item.motivation === "replying");
    expect(replies.length).toBeGreaterThan(3);
    for (const item of collection.first.items) expect(item.id.startsWith(`${PUBLIC}/`)).toBe(true);
  });
});

describe("a course's export", () => {
  it("the instructor gets every note shared in the course, on both documents, with replies, and no private note", async () => {
    for (const format of ["md", "csv", "jsonld"]) {
      const file = await courseFile("instructor", format);
      expect(file.status, format).toBe(200);
      for (const shown of [
        TEXT.adaCourse,
        TEXT.chenAnswerCourse,
        TEXT.danaGroupB,
        TEXT.chenReplyGroupB,
        TEXT.benGroupAKishi,
        TEXT.adaReplyGroupAKishi,
        TEXT.instructorWhole,
      ])
        expect(file.text, `${format}: ${shown}`).toContain(shown);
      for (const hidden of [TEXT.adaPrivate, TEXT.benPrivate, TEXT.chenPrivateKishi])
        expect(file.text, `${format}: ${hidden}`).not.toContain(hidden);
    }
    const md = await courseFile("instructor", "md");
    expect(md.disposition).toBe(
      `attachment; filename="memcon-notes_course-cold-war-sino-japanese-relations_${today()}.md"`,
    );
    expect(md.text.startsWith("# Course notes: Cold War Sino-Japanese Relations\n")).toBe(true);
  });

  it("students and outsiders are told the course does not exist; a bad format is a 400", async () => {
    for (const who of ["ada", "outsider"] as const) {
      const file = await courseFile(who, "csv");
      expect(file.status).toBe(404);
      expect(JSON.parse(file.text)).toEqual({
        error: { status: 404, message: "Course not found." },
      });
    }
    const bad = await courseFile("instructor", "pdf");
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).error.message).toBe("format must be one of md, csv, jsonld.");
  });
});
