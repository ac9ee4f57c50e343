import { beforeAll, describe, expect, it } from "vitest";
import * as annotationsRoute from "@/app/api/annotations/route";
import * as annotationRoute from "@/app/api/annotations/[id]/route";
import * as documentAnnotationsRoute from "@/app/api/documents/[slug]/annotations/route";
import * as cardsRoute from "@/app/api/documents/[slug]/cards/route";
import * as eventsRoute from "@/app/api/documents/[slug]/events/route";
import * as indexRoute from "@/app/api/documents/[slug]/index/route";
import { createAnnotation } from "@/lib/annotations/service";
import { createApiToken } from "@/lib/auth/api-tokens";
import { loadViewer } from "@/lib/auth/load-viewer";
import type { Viewer } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db";
import { ensureDemoData } from "@/lib/demo/accounts";
import { listContentFiles, loadContentFiles } from "@/lib/library/load-content";

// Finding 2 of issue #17: "hide classmates' annotations until you have posted" dropped held-back
// notes from the rows but not from totals, and `text=` was an ILIKE pattern, so a student who had
// not posted read a classmate's words one query at a time (`?text=GATED-BEN` -> total 1, rows 0).
//
// Non-interference: every read path is asked the same questions by Eve (a student who has not
// posted) in two worlds, one with Ada's held-back note and one without it. Eve may not read it,
// so no answer may differ: rows, totals, counts, exports, index, cards, single reads, and the
// live events' timing. The instructor, who may read it, must see the difference (else the
// comparison could not fail).

const prisma = getPrisma();
const SLUG = "1959-09-14-liao-ishibashi-third-conversation";
const SECRET = "GATED-BEN 50% of_the terms";
let eve: Viewer;
let ada: Viewer;
let instructor: Viewer;
const tokens = {} as Record<"eve" | "instructor", string>;
let courseId = "";
let anchor = 0;
/** Before Ada writes, the probes name an id that does not exist (same shape as a real one). */
let adaNote = "cm0000000000000000000000a";

const note = (text: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});

async function write(viewer: Viewer, text: string, tags: string[] = []) {
  const created = await createAnnotation(prisma, viewer, {
    documentSlug: SLUG,
    selection: {
      start: { turnAnchor: anchor, offset: 0 },
      end: { turnAnchor: anchor, offset: 10 },
    },
    body: note(text),
    tags,
    visibility: "course",
    courseId,
  });
  if (!created.ok) throw new Error(created.error);
  return created.value.id;
}

type Handler = (request: Request, context: { params: Promise<object> }) => Promise<Response>;
const call = async (who: keyof typeof tokens, handler: Handler, path: string, params = {}) => {
  const response = await handler(
    new Request(`http://memcon.test${path}`, {
      headers: { authorization: `Bearer ${tokens[who]}` },
    }),
    { params: Promise.resolve(params) },
  );
  return `${response.status} ${await response.text()}`;
};

/** Every read path, asked every probing question, as this caller. */
async function everything(who: keyof typeof tokens): Promise<Record<string, string>> {
  const adaId = ada.userId;
  const searches = [
    "",
    `?text=${encodeURIComponent("GATED-BEN")}`,
    "?text=%25",
    "?text=_",
    "?text=G%25BEN",
    `?author=${adaId}`,
    "?tag=gated-only",
    `?turn=${anchor}`,
    `?document=${SLUG}`,
    `?document=${SLUG}&count=exact`,
    `?document=${SLUG}&author=${adaId}`,
    `?course=${courseId}`,
    `?document=${SLUG}&text=${encodeURIComponent("50%")}`,
  ];
  const answers: Record<string, string> = {};
  for (const query of searches)
    answers[`GET /api/annotations${query}`] = await call(
      who,
      annotationsRoute.GET as Handler,
      `/api/annotations${query}`,
    );
  for (const format of ["json", "jsonld", "csv", "md"])
    answers[`export ${format}`] = await call(
      who,
      documentAnnotationsRoute.GET as Handler,
      `/api/documents/${SLUG}/annotations?format=${format}`,
      { slug: SLUG },
    );
  answers.index = await call(who, indexRoute.GET as Handler, `/api/documents/${SLUG}/index`, {
    slug: SLUG,
  });
  answers.cards = await call(
    who,
    cardsRoute.GET as Handler,
    `/api/documents/${SLUG}/cards?ids=${adaNote}`,
    { slug: SLUG },
  );
  // A single read answers like an id that never existed.
  const single = await call(who, annotationRoute.GET as Handler, `/api/annotations/${adaNote}`, {
    id: adaNote,
  });
  answers.single = single;
  return Object.fromEntries(
    Object.entries(answers).map(([path, answer]) => [path, answer.replaceAll(adaNote, "<id>")]),
  );
}

/** The live events Eve's browser would receive while `work` runs. */
async function eventsDuring(work: () => Promise<unknown>): Promise<string[]> {
  const abort = new AbortController();
  const response = await eventsRoute.GET(
    new Request(`http://memcon.test/api/documents/${SLUG}/events`, {
      headers: { authorization: `Bearer ${tokens.eve}` },
      signal: abort.signal,
    }),
    { params: Promise.resolve({ slug: SLUG }) },
  );
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const seen: string[] = [];
  let text = "";
  const reading = (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      text += decoder.decode(value);
      for (const match of text.matchAll(/^event: (\w+)$/gm)) seen.push(match[1]!);
      text = text.slice(text.lastIndexOf("\n\n") + 2);
    }
  })();
  while (!seen.includes("ready")) await new Promise((resolve) => setTimeout(resolve, 20));
  await work();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  abort.abort();
  await reader.cancel().catch(() => {});
  await reading;
  return seen.filter((event) => event !== "ready");
}

beforeAll(async () => {
  await loadContentFiles(prisma, listContentFiles("content"));
  await ensureDemoData(prisma);
  const user = (email: string) => prisma.user.findUniqueOrThrow({ where: { email } });
  const course = await prisma.course.findFirstOrThrow({ where: { joinCode: "READ1959" } });
  courseId = course.id;
  // The demo assignment (open now, on this document, for the whole course) holds notes back.
  await prisma.assignment.updateMany({ where: { courseId }, data: { hideUntilPosted: true } });
  const eveRow = await prisma.user.create({ data: { email: "eve@memcon.test", name: "Eve Ito" } });
  await prisma.membership.create({ data: { courseId, userId: eveRow.id, role: "student" } });
  eve = (await loadViewer(prisma, eveRow.id))!;
  ada = (await loadViewer(prisma, (await user("ada@memcon.test")).id))!;
  instructor = (await loadViewer(prisma, (await user("instructor@memcon.test")).id))!;
  // Ada has posted on the document (so she is not gated herself), as the demo students do.
  const document = await prisma.document.findUniqueOrThrow({
    where: { slug: SLUG },
    include: { turns: { where: { kind: "speech" }, orderBy: { position: "asc" }, take: 3 } },
  });
  anchor = document.turns[1]!.anchor;
  tokens.eve = (await createApiToken(prisma, eve.userId, "probe")).token;
  tokens.instructor = (await createApiToken(prisma, instructor.userId, "probe")).token;
  // What Eve may read: the instructor's note (instructors are never held back).
  await write(instructor, "The instructor frames the passage.");
});

describe("what each read path reveals to a student who has not posted", () => {
  it("is the same with and without a classmate's held-back note (rows, totals, exports, index, cards)", async () => {
    const without = { eve: await everything("eve"), instructor: await everything("instructor") };
    adaNote = await write(ada, SECRET, ["gated-only"]);
    const withNote = { eve: await everything("eve"), instructor: await everything("instructor") };
    const paths = Object.keys(without.eve);
    for (const path of paths) {
      expect(withNote.eve[path], `${path} reveals the held-back note`).toBe(without.eve[path]);
    }
    // The comparison can fail: the instructor's answers change on most paths.
    const changed = paths.filter((path) => withNote.instructor[path] !== without.instructor[path]);
    expect(changed.length).toBeGreaterThan(paths.length / 2);
    console.log(
      `[read paths] ${paths.length} read paths compared for a gated student; ${changed.length} of them change for the instructor`,
    );
  });

  it("matches `text` literally: % and _ are not wildcards", async () => {
    const answer = JSON.parse(
      (
        await call(
          "instructor",
          annotationsRoute.GET as Handler,
          "/api/annotations?text=%25&count=exact",
        )
      ).slice(4),
    ) as { total: number; rows: { text: string }[] };
    expect(answer.total).toBe(answer.rows.length);
    expect(answer.rows.every((row) => row.text.includes("%"))).toBe(true);
    const underscore = JSON.parse(
      (
        await call(
          "instructor",
          annotationsRoute.GET as Handler,
          "/api/annotations?text=GATED_BEN&count=exact",
        )
      ).slice(4),
    ) as { total: number };
    expect(underscore.total).toBe(0);
  });

  it("tells a gated student's browser nothing when a held-back note is written (live events)", async () => {
    const heldBack = await eventsDuring(() => write(ada, "Another held-back note"));
    expect(heldBack).toEqual([]);
    const visible = await eventsDuring(() => write(instructor, "A note Eve may read"));
    expect(visible).toContain("changed");
  });
});
