import * as uploadRoute from "@/app/api/documents/route";
import * as draftRoute from "@/app/api/documents/[slug]/route";
import * as publishRoute from "@/app/api/documents/[slug]/publish/route";
import * as contentRoute from "@/app/api/documents/[slug]/content/route";
import * as promoteRoute from "@/app/api/documents/[slug]/promote/route";
import LibraryDocumentsPage from "@/app/library/documents/page";
import ReviewLibraryDraftPage from "@/app/library/documents/[slug]/page";
import CourseDocumentsPage from "@/app/courses/[id]/documents/page";
import ReviewDraftPage from "@/app/courses/[id]/documents/[slug]/page";
import { getPrisma } from "@/lib/db";
import { callPage, callRoute, type Result } from "./call";
import { entry, type Case, type Cell } from "./entry";
import {
  addCourseDocument,
  freshDraft,
  marker,
  randomId,
  READERS,
  type Role,
  type World,
} from "./world";

// Documents instructors bring (issue 16): uploads, drafts under review, publishing, and the
// pages that show them. A draft is seen only by its course's instructors and site admins; a
// course's documents page likewise. Each case swaps ids between courses.

const prisma = () => getPrisma();
type Route = Parameters<typeof callRoute>[2];
const route = (handler: unknown) => handler as Route;
const params = <T>(value: T) => ({ params: Promise.resolve(value) });

const MANAGERS_A: readonly Role[] = ["instructor", "admin"];
const MANAGERS_B: readonly Role[] = ["otherInstructor", "admin"];
const draftTitle = (course: "A" | "B") => (s: { label: string }) =>
  s.label === `course ${course}'s draft's title`;

/** A short transcript, new each time (its slug too), as an instructor would paste it. */
const pasted = () =>
  `**Reading ${marker("pasted")}**\n\nLiao: One.\n\nIshibashi: Two.\n\nLiao: Three.\n\n` +
  `Ishibashi: Four.\n\nLiao: Five.\n\nIshibashi: Six.`;

function uploadForm(fields: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

const drafts = () =>
  prisma().documentDraft.findMany({
    select: { slug: true, updatedAt: true },
    orderBy: { slug: "asc" },
  });

type Fresh = { slug: string };
/** A case per course's fresh draft, plus a slug that names nothing. */
function perFreshDraft(run: (cell: Cell<Fresh>, slug: string) => Promise<Result>): Case<Fresh>[] {
  return [
    {
      name: "a draft of course A",
      allow: MANAGERS_A,
      visibleTo: MANAGERS_A,
      setup: (world: World) => freshDraft(world, "A"),
      run: (cell) => run(cell, cell.fresh.slug),
    },
    {
      name: "a draft of course B",
      allow: MANAGERS_B,
      visibleTo: MANAGERS_B,
      setup: (world: World) => freshDraft(world, "B"),
      run: (cell) => run(cell, cell.fresh.slug),
    },
    {
      name: "a slug that names nothing",
      allow: [],
      probe: true,
      setup: async () => ({ slug: `no-such-draft-${randomId()}` }),
      run: (cell) => run(cell, cell.fresh.slug),
    },
  ];
}
const draftState = ({ fresh }: Cell<Fresh>) =>
  prisma().documentDraft.findUnique({ where: { slug: fresh.slug } });

export const DOCUMENT_ROWS = [
  entry<Fresh>({
    surface: "route",
    file: "app/api/documents/[slug]/promote/route.ts",
    export: "POST",
    state: ({ fresh }) =>
      prisma().document.findUnique({ where: { slug: fresh.slug }, select: { courseId: true } }),
    cases: [
      {
        // Only site admins decide what the whole world reads; the course's own instructor cannot.
        name: "a document of course A",
        allow: ["admin"],
        setup: (world: World) => addCourseDocument(world.courseA.id),
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(promoteRoute.POST), {
            method: "POST",
            path: `/api/documents/${cell.fresh.slug}/promote`,
            params: { slug: cell.fresh.slug },
          }),
      },
      {
        name: "a slug that names nothing",
        allow: [],
        setup: async () => ({ slug: `no-such-document-${randomId()}` }),
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(promoteRoute.POST), {
            method: "POST",
            path: `/api/documents/${cell.fresh.slug}/promote`,
            params: { slug: cell.fresh.slug },
          }),
      },
    ],
  }),
  entry({
    surface: "page",
    file: "app/library/documents/page.tsx",
    export: "default",
    cases: [
      {
        name: "the public library's documents page",
        allow: ["admin"],
        shows: (s) => s.label === "the public library's draft's title",
        run: (cell) => callPage(cell.world, cell.caller, () => LibraryDocumentsPage()),
      },
    ],
  }),
  entry({
    surface: "page",
    file: "app/library/documents/[slug]/page.tsx",
    export: "default",
    cases: [
      {
        name: "the public library's draft",
        allow: ["admin"],
        visibleTo: ["admin"],
        shows: (s) => s.label === "the public library's draft's title",
        echoes: (world: World) => [world.drafts.public],
        run: (cell) =>
          callPage(cell.world, cell.caller, () =>
            ReviewLibraryDraftPage(params({ slug: cell.world.drafts.public })),
          ),
      },
      {
        name: "course A's draft through the public library's address",
        allow: [],
        visibleTo: [],
        echoes: (world: World) => [world.drafts.A],
        run: (cell) =>
          callPage(cell.world, cell.caller, () =>
            ReviewLibraryDraftPage(params({ slug: cell.world.drafts.A })),
          ),
      },
      {
        name: "a slug that names nothing",
        allow: [],
        probe: true,
        run: (cell) =>
          callPage(cell.world, cell.caller, () =>
            ReviewLibraryDraftPage(params({ slug: "no-such-draft" })),
          ),
      },
    ],
  }),
  entry({
    surface: "route",
    file: "app/api/documents/route.ts",
    export: "POST",
    state: drafts,
    cases: [
      ...(
        [
          ["pasted text for course A", (w: World) => ({ courseId: w.courseA.id }), MANAGERS_A],
          ["pasted text for course B", (w: World) => ({ courseId: w.courseB.id }), MANAGERS_B],
          ["pasted text for the public library (no course)", () => ({}), ["admin"] as const],
          [
            "a corrected version of course A's own document",
            (w: World) => ({ revises: w.courseDocument.slug }),
            MANAGERS_A,
          ],
          [
            "course B's id with a correction of course A's document",
            (w: World) => ({ courseId: w.courseB.id, revises: w.courseDocument.slug }),
            MANAGERS_A,
          ],
        ] as const
      ).map(([name, fields, allow]) => ({
        name,
        allow,
        run: (cell: Cell<unknown>) =>
          callRoute(cell.world, cell.caller, route(uploadRoute.POST), {
            method: "POST",
            path: "/api/documents",
            form: uploadForm({ ...fields(cell.world), text: pasted() }),
          }),
      })),
      {
        name: "a course id that names nothing",
        allow: [],
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(uploadRoute.POST), {
            method: "POST",
            path: "/api/documents",
            form: uploadForm({ courseId: randomId(), text: pasted() }),
          }),
      },
    ],
  }),
  entry({
    surface: "route",
    file: "app/api/documents/[slug]/route.ts",
    export: "GET",
    cases: [
      ...(["A", "B"] as const).map((course) => ({
        name: `course ${course}'s draft`,
        allow: course === "A" ? MANAGERS_A : MANAGERS_B,
        visibleTo: course === "A" ? MANAGERS_A : MANAGERS_B,
        shows: draftTitle(course),
        run: (cell: Cell<unknown>) => {
          const slug = cell.world.drafts[course];
          return callRoute(cell.world, cell.caller, route(draftRoute.GET), {
            path: `/api/documents/${slug}`,
            params: { slug },
          });
        },
      })),
      {
        name: "a slug that names nothing",
        allow: [],
        probe: true,
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(draftRoute.GET), {
            path: "/api/documents/no-such-draft",
            params: { slug: "no-such-draft" },
          }),
      },
    ],
  }),
  entry<Fresh>({
    surface: "route",
    file: "app/api/documents/[slug]/route.ts",
    export: "PATCH",
    state: draftState,
    cases: perFreshDraft((cell, slug) =>
      callRoute(cell.world, cell.caller, route(draftRoute.PATCH), {
        method: "PATCH",
        path: `/api/documents/${slug}`,
        params: { slug },
        body: {
          edits: [
            { op: "metadata", place: "Tokyo" },
            { op: "merge", turn: 0 },
          ],
        },
      }),
    ),
  }),
  entry<Fresh>({
    surface: "route",
    file: "app/api/documents/[slug]/route.ts",
    export: "DELETE",
    state: draftState,
    cases: perFreshDraft((cell, slug) =>
      callRoute(cell.world, cell.caller, route(draftRoute.DELETE), {
        method: "DELETE",
        path: `/api/documents/${slug}`,
        params: { slug },
      }),
    ),
  }),
  entry<Fresh>({
    surface: "route",
    file: "app/api/documents/[slug]/publish/route.ts",
    export: "POST",
    state: async (cell) => [
      await draftState(cell),
      await prisma().document.findUnique({
        where: { slug: cell.fresh.slug },
        select: { courseId: true },
      }),
    ],
    cases: perFreshDraft((cell, slug) =>
      callRoute(cell.world, cell.caller, route(publishRoute.POST), {
        method: "POST",
        path: `/api/documents/${slug}/publish`,
        params: { slug },
      }),
    ),
  }),
  entry({
    surface: "route",
    file: "app/api/documents/[slug]/content/route.ts",
    export: "GET",
    cases: [
      ...(["A", "B"] as const).map((course) => ({
        name: `course ${course}'s draft as a content file`,
        allow: course === "A" ? MANAGERS_A : MANAGERS_B,
        visibleTo: course === "A" ? MANAGERS_A : MANAGERS_B,
        shows: draftTitle(course),
        run: (cell: Cell<unknown>) => {
          const slug = cell.world.drafts[course];
          return callRoute(cell.world, cell.caller, route(contentRoute.GET), {
            path: `/api/documents/${slug}/content`,
            params: { slug },
          });
        },
      })),
      {
        name: "a slug that names nothing",
        allow: [],
        probe: true,
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(contentRoute.GET), {
            path: "/api/documents/no-such-draft/content",
            params: { slug: "no-such-draft" },
          }),
      },
    ],
  }),
  entry({
    surface: "page",
    file: "app/courses/[id]/documents/page.tsx",
    export: "default",
    cases: [
      ...(
        [
          ["course A", (w: World) => w.courseA.id, MANAGERS_A, "A"],
          ["course B", (w: World) => w.courseB.id, MANAGERS_B, "B"],
          ["group A's id used as a course id", (w: World) => w.groupA, [], undefined],
        ] as const
      ).map(([name, id, allow, course]) => ({
        name,
        allow,
        visibleTo: allow,
        ...(course ? { shows: draftTitle(course) } : {}),
        // Signed out, the sign-in link names the page asked for.
        echoes: (world: World) => [id(world)],
        run: (cell: Cell<unknown>) =>
          callPage(cell.world, cell.caller, () =>
            CourseDocumentsPage(params({ id: id(cell.world) })),
          ),
      })),
      {
        name: "a course id that names nothing",
        allow: [],
        probe: true,
        run: (cell) =>
          callPage(cell.world, cell.caller, () => CourseDocumentsPage(params({ id: randomId() }))),
      },
    ],
  }),
  entry({
    surface: "page",
    file: "app/courses/[id]/documents/[slug]/page.tsx",
    export: "default",
    cases: [
      ...(
        [
          ["course A's draft in course A", "A", "A", MANAGERS_A],
          ["course B's draft in course B", "B", "B", MANAGERS_B],
          ["course A's draft under course B's id", "A", "B", []],
          ["course B's draft under course A's id", "B", "A", []],
        ] as const
      ).map(([name, draft, course, allow]) => ({
        name,
        allow,
        visibleTo: allow,
        ...(allow.length ? { shows: draftTitle(draft) } : {}),
        echoes: (world: World) => [
          world.drafts[draft],
          course === "A" ? world.courseA.id : world.courseB.id,
        ],
        run: (cell: Cell<unknown>) =>
          callPage(cell.world, cell.caller, () =>
            ReviewDraftPage(
              params({
                id: course === "A" ? cell.world.courseA.id : cell.world.courseB.id,
                slug: cell.world.drafts[draft],
              }),
            ),
          ),
      })),
      {
        name: "a slug that names nothing, in course A",
        allow: [],
        probe: true,
        run: (cell) =>
          callPage(cell.world, cell.caller, () =>
            ReviewDraftPage(params({ id: cell.world.courseA.id, slug: "no-such-draft" })),
          ),
      },
    ],
  }),
];

export { READERS };
