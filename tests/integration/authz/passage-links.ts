import * as linkActions from "@/app/actions/passage-links";
import * as editionActions from "@/app/actions/editions";
import { getPrisma } from "@/lib/db";
import { callServer, formData } from "./call";
import { entry, type Cell } from "./entry";
import { addCourseDocument, randomId, READERS, SLUG, type World } from "./world";

// Rival records (issue 19): passage links between two documents. A course's link is its
// members' business (a student's is a proposal its instructors confirm); a link for everyone
// is an editor's or instructor's; nobody learns of a document they may not read.

const prisma = () => getPrisma();
const action = (cell: Cell<unknown>, work: () => Promise<unknown>) =>
  callServer(cell.world, cell.caller, work);

const linkForm = (fields: Record<string, string>) =>
  formData({
    fromSlug: SLUG,
    fromFirst: "1",
    fromLast: "1",
    toFirst: "1",
    toLast: "1",
    note: "The same exchange, recorded by the other side.",
    ...fields,
  });

const allLinks = () =>
  prisma().passageLink.findMany({ select: { id: true, status: true }, orderBy: { id: "asc" } });

/** A proposal by a student of the course, between the library's document and the course's own. */
async function proposal(world: World, course: "A" | "B") {
  const courseId = course === "A" ? world.courseA.id : world.courseB.id;
  const other = course === "A" ? world.courseDocument : await addCourseDocument(world.courseB.id);
  const library = await prisma().document.findUniqueOrThrow({ where: { slug: SLUG } });
  const student = course === "A" ? world.users.author.id : world.users.outsider.id;
  const link = await prisma().passageLink.create({
    data: {
      fromDocumentId: library.id,
      fromFirst: 1,
      fromLast: 1,
      toDocumentId: other.id,
      toFirst: 1,
      toLast: 1,
      note: "Proposed by a student.",
      courseId,
      status: "proposed",
      createdById: student,
    },
  });
  return { id: link.id, slug: SLUG };
}

type Fresh = { id: string; slug: string };
const linkState = ({ fresh }: Cell<Fresh>) =>
  prisma().passageLink.findUnique({ where: { id: fresh.id } });

export const PASSAGE_LINK_ROWS = [
  entry({
    surface: "action",
    file: "app/actions/passage-links.ts",
    export: "createPassageLinkAction",
    state: allLinks,
    cases: [
      {
        name: "a link in course A, from the library's document to course A's own",
        allow: READERS.course,
        run: (cell) =>
          action(cell, () =>
            linkActions.createPassageLinkAction(
              {},
              linkForm({ toSlug: cell.world.courseDocument.slug, courseId: cell.world.courseA.id }),
            ),
          ),
      },
      {
        name: "a link for everyone, to course A's own document",
        allow: ["instructor", "admin"],
        run: (cell) =>
          action(cell, () =>
            linkActions.createPassageLinkAction(
              {},
              linkForm({ toSlug: cell.world.courseDocument.slug, courseId: "" }),
            ),
          ),
      },
      {
        name: "course B's id with course A's own document",
        allow: [],
        run: (cell) =>
          action(cell, () =>
            linkActions.createPassageLinkAction(
              {},
              linkForm({ toSlug: cell.world.courseDocument.slug, courseId: cell.world.courseB.id }),
            ),
          ),
      },
      {
        name: "a slug that names nothing",
        allow: [],
        run: (cell) =>
          action(cell, () =>
            linkActions.createPassageLinkAction(
              {},
              linkForm({ toSlug: "no-such-document", courseId: cell.world.courseA.id }),
            ),
          ),
      },
    ],
  }),
  entry<Fresh>({
    surface: "action",
    file: "app/actions/passage-links.ts",
    export: "reviewPassageLinkAction",
    state: linkState,
    cases: [
      ...(["A", "B"] as const).map((course) => ({
        name: `a student's proposal in course ${course}`,
        allow:
          course === "A"
            ? (["instructor", "admin"] as const)
            : (["otherInstructor", "admin"] as const),
        visibleTo: course === "A" ? READERS.course : READERS.courseB,
        setup: (world: World) => proposal(world, course),
        run: (cell: Cell<Fresh>) =>
          action(cell, () =>
            linkActions.reviewPassageLinkAction(
              {},
              formData({ linkId: cell.fresh.id, slug: cell.fresh.slug, decision: "confirmed" }),
            ),
          ),
      })),
      {
        name: "an id that names nothing",
        allow: [],
        probe: true,
        setup: async () => ({ id: randomId(), slug: SLUG }),
        run: (cell) =>
          action(cell, () =>
            linkActions.reviewPassageLinkAction(
              {},
              formData({ linkId: cell.fresh.id, slug: cell.fresh.slug, decision: "confirmed" }),
            ),
          ),
      },
    ],
  }),
  entry<Fresh>({
    surface: "action",
    file: "app/actions/passage-links.ts",
    export: "deletePassageLinkAction",
    state: linkState,
    cases: [
      {
        name: "a student's proposal in course A",
        allow: ["author", "instructor", "admin"],
        visibleTo: READERS.course,
        setup: (world: World) => proposal(world, "A"),
        run: (cell) =>
          action(cell, () =>
            linkActions.deletePassageLinkAction(
              {},
              formData({ linkId: cell.fresh.id, slug: cell.fresh.slug }),
            ),
          ),
      },
      {
        name: "an id that names nothing",
        allow: [],
        probe: true,
        setup: async () => ({ id: randomId(), slug: SLUG }),
        run: (cell) =>
          action(cell, () =>
            linkActions.deletePassageLinkAction(
              {},
              formData({ linkId: cell.fresh.id, slug: cell.fresh.slug }),
            ),
          ),
      },
    ],
  }),
  entry({
    surface: "action",
    file: "app/actions/passage-links.ts",
    export: "linkableTurnsAction",
    cases: [
      {
        name: "the library's document",
        allow: READERS.public,
        run: (cell) =>
          action(cell, () => linkActions.linkableTurnsAction(formData({ slug: SLUG }))),
      },
      {
        name: "course A's own document",
        allow: READERS.course,
        visibleTo: READERS.course,
        run: (cell) =>
          action(cell, () =>
            linkActions.linkableTurnsAction(formData({ slug: cell.world.courseDocument.slug })),
          ),
      },
      {
        name: "a slug that names nothing",
        allow: [],
        probe: true,
        run: (cell) =>
          action(cell, () =>
            linkActions.linkableTurnsAction(formData({ slug: "no-such-document" })),
          ),
      },
    ],
  }),
];

/** A pair of editions to decide on: the library's document and a course's own. */
async function editionPair(world: World, course: "A" | "B") {
  const other = await addCourseDocument(course === "A" ? world.courseA.id : world.courseB.id);
  return { slug: SLUG, other: other.slug, ids: [world.documentId, other.id] };
}
type Pair = Awaited<ReturnType<typeof editionPair>>;

export const EDITION_DECISION_ROWS = [
  entry<Pair>({
    surface: "action",
    file: "app/actions/editions.ts",
    export: "decideEditionsAction",
    state: ({ fresh }) =>
      prisma().editionLink.findMany({
        where: { documentBId: { in: fresh.ids }, documentAId: { in: fresh.ids } },
      }),
    cases: [
      {
        // The library's side is a site admin's: a course's instructor alone may not decide.
        name: "the library's document and course A's own",
        allow: ["admin"],
        visibleTo: READERS.course,
        setup: (world: World) => editionPair(world, "A"),
        run: (cell) =>
          action(cell, () =>
            editionActions.decideEditionsAction(
              {},
              formData({ slug: cell.fresh.slug, other: cell.fresh.other, decision: "confirmed" }),
            ),
          ),
      },
      {
        name: "a slug that names nothing",
        allow: [],
        probe: true,
        setup: async (world: World) => ({
          slug: SLUG,
          other: "no-such-document",
          ids: [world.documentId],
        }),
        run: (cell) =>
          action(cell, () =>
            editionActions.decideEditionsAction(
              {},
              formData({ slug: cell.fresh.slug, other: cell.fresh.other, decision: "confirmed" }),
            ),
          ),
      },
    ],
  }),
];
