import { beforeAll, describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/service";
import type { Viewer } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db";
import { notesFromOtherEditions, notesOfEdition } from "@/lib/reader/edition-notes";
import { otherEditions } from "@/lib/editions/other-editions";
import { getDocument, type ReaderDocument } from "@/lib/library/document";
import { storeDocument } from "@/lib/library/store";
import { contentDocument } from "@/tests/unit/citations/content-document";

// A note on FRUS 1955–57 XXIII-1 doc. 102 is shown on the aligned turn of seed 003 ("The World
// and Japan" database), and the other way round, to those who may read the note only.
const SEED_003 = "1956-09-07-japanese-soviet-negotiations";
const D102 = "1956-09-07-dulles-memorandum-conversation";
const prisma = () => getPrisma();
let people: Record<"ada" | "ben" | "omar", Viewer>;
let course = "";

const note = (text: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});

async function annotate(
  who: Viewer,
  slug: string,
  words: string,
  text: string,
  visibility: "private" | "course",
) {
  const document = (await getDocument(slug))!;
  const turn = document.turns.find((t) => t.text.includes(words))!;
  const start = turn.text.indexOf(words);
  const outcome = await createAnnotation(prisma(), who, {
    documentSlug: slug,
    selection: {
      start: { turnAnchor: turn.anchor, offset: start },
      end: { turnAnchor: turn.anchor, offset: start + words.length },
    },
    body: note(text),
    visibility,
    courseId: visibility === "course" ? course : null,
  });
  if (!outcome.ok) throw new Error(outcome.error);
  return { id: outcome.value.id, anchor: turn.anchor };
}

const across = async (who: Viewer | null, slug: string) => {
  const document: ReaderDocument = (await getDocument(slug))!;
  const editions = await otherEditions(document, who);
  return notesFromOtherEditions(prisma(), who, document, editions);
};

beforeAll(async () => {
  for (const slug of [SEED_003, D102])
    await storeDocument(prisma(), contentDocument(slug), { contentHash: slug });
  const users = await Promise.all(
    ["ada", "ben", "omar"].map((name) =>
      prisma().user.create({ data: { email: `${name}@edition-notes.example.edu`, name } }),
    ),
  );
  course = (
    await prisma().course.create({
      data: { title: "Seminar", term: "Fall", joinCode: "EDNOTES1", createdById: users[0]!.id },
    })
  ).id;
  const member = (id: string): Viewer => ({
    userId: id,
    siteRole: "user",
    courses: new Map([[course, "student"]]),
    groups: new Map(),
  });
  people = {
    ada: member(users[0]!.id),
    ben: member(users[1]!.id),
    omar: { userId: users[2]!.id, siteRole: "user", courses: new Map(), groups: new Map() },
  };
});

describe("annotations across editions", () => {
  it("a note on FRUS d102 shows on the aligned turn of seed 003, with the words found there", async () => {
    const made = await annotate(
      people.ada,
      D102,
      "Ambassador Tani concurred.",
      "Tani agrees at once.",
      "course",
    );
    const world = (await getDocument(SEED_003))!;
    const target = world.turns.find((t) => t.text === "Ambassador Tani concurred.")!;
    expect(target.anchor).not.toBe(made.anchor);
    const shown = await across(people.ben, SEED_003);
    expect(shown).toMatchObject([
      {
        id: made.id,
        edition: { slug: D102, name: "Foreign Relations of the United States" },
        turnAnchor: target.anchor,
        sourceAnchor: made.anchor,
        words: "Ambassador Tani concurred.",
      },
    ]);
    expect(shown[0]!.bodyHtml).toContain("Tani agrees at once.");
    // Not to someone outside the course, nor to a visitor.
    expect(await across(people.omar, SEED_003)).toEqual([]);
    expect(await across(null, SEED_003)).toEqual([]);
  });

  it("and the other way round; a private note only to its author", async () => {
    const made = await annotate(
      people.ada,
      SEED_003,
      "The Secretary proceeded to make a number of other observations",
      "Compare the FRUS wording.",
      "private",
    );
    const frus = (await getDocument(D102))!;
    const target = frus.turns.find((t) =>
      t.text.startsWith("The Secretary proceeded to make a number of other observations"),
    )!;
    const mine = await across(people.ada, D102);
    expect(mine.map((n) => [n.id, n.turnAnchor, n.edition.slug])).toEqual([
      [made.id, target.anchor, SEED_003],
    ]);
    expect(await across(people.ben, D102)).toEqual([]);
  });

  it("the side-by-side view lists each edition's readable notes with their edition", async () => {
    const frus = (await getDocument(D102))!;
    expect((await notesOfEdition(prisma(), people.ben, frus)).map((n) => n.edition)).toEqual([
      "Foreign Relations of the United States",
    ]);
    expect(await notesOfEdition(prisma(), people.omar, frus)).toEqual([]);
  });
});
