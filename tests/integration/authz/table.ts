/**
 * THE AUTHORIZATION MATRIX: one entry per route handler export, server action and page.
 *
 * tests/integration/authz-{routes,actions,pages}.test.ts run every case of every entry as every
 * role in world.ts (anonymous, outsider, otherInstructor, student, groupMember, author,
 * instructor, admin), route handlers once with the session cookie and once with an API token,
 * and fail when
 * - a role outside `allow` is let through, or a role in `allow` is refused;
 * - a refused write changed anything in the database (allowed ones must change `state`);
 * - any answer contains a Secret (world.ts) its role may not read: a note's or reply's text, a
 *   join code, an email, another person's token or notification, a session token, a hash;
 * - a role outside `visibleTo` can tell the target exists: its answer must equal the `probe`
 *   case's (an id that names nothing), word for word;
 * - (authz-completeness.test.ts) a file under app/ exports a route handler, server action or
 *   page that has no entry here.
 *
 * Adding a row: import the module, then
 *
 *   entry<{ id: string }>({
 *     surface: "action",                       // "route" | "action" | "page"
 *     file: "app/actions/assignments.ts",      // as found on disk
 *     export: "submitAssignmentAction",        // the exported name (GET/POST/... for routes)
 *     state: ({ fresh }) => prisma.submission.findMany({ where: { assignmentId: fresh.id } }),
 *     cases: [
 *       {
 *         name: "an assignment of course A",
 *         allow: ["student", "groupMember", "author"],
 *         visibleTo: READERS.course,           // who may know it exists
 *         setup: (world) => freshAssignment(world, "A"),
 *         run: (cell) => action(cell, () => assignments.submitAssignmentAction(cell.fresh.id)),
 *       },
 *       { name: "a random id", allow: [], probe: true, setup: random, run: ... },
 *     ],
 *   }),
 *
 * Reads leave out `state`; writes make their target in `setup`, so each cell starts clean.
 * While writing rows: MATRIX_ONLY=assignments node scripts/test.mjs --unit-only authz-actions
 */
import * as annotationActions from "@/app/actions/annotations";
import * as assignmentActions from "@/app/actions/assignments";
import * as authActions from "@/app/actions/auth";
import * as courseActions from "@/app/actions/courses";
import * as threadActions from "@/app/actions/threads";
import * as tokenActions from "@/app/actions/tokens";
import * as annotationRoute from "@/app/api/annotations/[id]/route";
import * as annotationsRoute from "@/app/api/annotations/route";
import * as authRoute from "@/app/api/auth/[...nextauth]/route";
import * as documentAnnotationsRoute from "@/app/api/documents/[slug]/annotations/route";
import * as courseAnnotationsRoute from "@/app/api/courses/[id]/annotations/route";
import * as cardsRoute from "@/app/api/documents/[slug]/cards/route";
import * as citationsRoute from "@/app/api/documents/[slug]/citations/route";
import * as indexRoute from "@/app/api/documents/[slug]/index/route";
import * as eventsRoute from "@/app/api/documents/[slug]/events/route";
import * as gradebookRoute from "@/app/assignments/[id]/gradebook/route";
import EditAssignmentPage from "@/app/assignments/[id]/edit/page";
import AssignmentPage from "@/app/assignments/[id]/page";
import StudentWorkPage from "@/app/assignments/[id]/students/[userId]/page";
import MyAssignmentsPage from "@/app/assignments/page";
import NewAssignmentPage from "@/app/courses/[id]/assignments/new/page";
import AuditLogPage from "@/app/courses/[id]/audit/page";
import { createAssignment } from "@/lib/assignments/service";
import * as healthRoute from "@/app/api/health/route";
import SignInPage from "@/app/(auth)/signin/page";
import CheckEmailPage from "@/app/(auth)/signin/check-email/page";
import SignUpPage from "@/app/(auth)/signup/page";
import AccountPage from "@/app/account/page";
import AdminPage from "@/app/admin/page";
import CollectionPage from "@/app/collections/[slug]/page";
import CoursePage from "@/app/courses/[id]/page";
import CoursesPage from "@/app/courses/page";
import DocumentPage from "@/app/documents/[slug]/page";
import EditionsPage from "@/app/documents/[slug]/editions/[other]/page";
import JoinPage from "@/app/join/[code]/page";
import NotificationsPage from "@/app/notifications/page";
import LibraryPage from "@/app/page";
import { createAnnotation } from "@/lib/annotations/service";
import { createApiToken } from "@/lib/auth/api-tokens";
import { getPrisma } from "@/lib/db";
import { createReply } from "@/lib/threads/service";
import { inRequest } from "@/tests/support/next-request";
import { callerHeaders, callPage, callRoute, callServer, formData, type Result } from "./call";
import { LTI_ROWS } from "./lti-rows";
import { DOCUMENT_ROWS } from "./documents";
import { PEOPLE_ROWS } from "./people";
import { EDITION_DECISION_ROWS, PASSAGE_LINK_ROWS } from "./passage-links";
import { entry, type Case, type Cell } from "./entry";
import {
  assignmentForm,
  COLLECTION,
  freshCourse,
  freshNote,
  freshReply,
  freshStudent,
  marker,
  note,
  randomId,
  READERS,
  ROLES,
  SIGNED_IN,
  SLUG,
  restoreSession,
  restoreToken,
  type FreshKey,
  type NoteKey,
  type ReplyKey,
  type Role,
  type Secret,
  type World,
} from "./world";

const prisma = () => getPrisma();
const params = <T>(value: T) => ({ params: Promise.resolve(value) });
const page = <T>(value: T) => ({
  params: Promise.resolve(value),
  searchParams: Promise.resolve({}),
});
const action = (cell: Cell<unknown>, work: () => Promise<unknown>) =>
  callServer(cell.world, cell.caller, work);
type Route = Parameters<typeof callRoute>[2];
const route = (handler: unknown) => handler as Route;

// Who may read each target, and so who may know it exists.
const noteReaders: Record<NoteKey, readonly Role[]> = {
  private: READERS.private,
  group: READERS.group,
  course: READERS.course,
  public: READERS.public,
  hidden: READERS.hidden,
  privatised: READERS.private,
  otherCourse: READERS.otherCourse,
  deleted: READERS.course,
  locked: READERS.course,
};
const without = (roles: readonly Role[], ...out: Role[]) => roles.filter((r) => !out.includes(r));
const textOf = (label: string) => (secret: Secret) => secret.label === label;
const liveNotes = (secret: Secret) => secret.tags.includes("note") && secret.tags.includes("live");
// Exports leave deleted notes out, and with them their discussions.
const exportedThreads = (secret: Secret) =>
  liveNotes(secret) ||
  (secret.tags.includes("reply") && secret.label !== "reply in the deleted thread");
// What a course A export holds: the notes shared in course A and their discussions.
const courseAThreads = (secret: Secret) =>
  [
    "group note text",
    "course note text",
    "hidden note text",
    "locked note text",
    "reply in the group thread",
    "reply in the course thread",
    "reply in the hidden thread",
  ].includes(secret.label);

const NOTE_NAMES: Record<NoteKey, string> = {
  private: "Ada's private note",
  group: "Ada's note to group A",
  course: "Ada's note to course A",
  public: "Ada's note to everyone signed in",
  hidden: "Ada's note hidden by the instructor",
  privatised: "Ada's hidden note she then made private",
  otherCourse: "a note in course B",
  deleted: "Ada's deleted note",
  locked: "Ada's note in a locked discussion",
};
const READ_KEYS = Object.keys(NOTE_NAMES) as NoteKey[];

/** A case per world note (and a random id), for calls that read one annotation by id. */
function perNote(
  allow: (key: NoteKey) => readonly Role[],
  run: (cell: Cell<unknown>, id: string) => Promise<Result>,
  options: { shows?: boolean } = {},
): Case<unknown>[] {
  return [
    ...READ_KEYS.map((key) => ({
      name: NOTE_NAMES[key],
      allow: allow(key),
      visibleTo: noteReaders[key],
      run: (cell: Cell<unknown>) => run(cell, cell.world.notes[key]),
      ...(options.shows ? { shows: textOf(`${key} note text`) } : {}),
    })),
    {
      name: "an id that names nothing",
      allow: [],
      probe: true as const,
      run: (cell: Cell<unknown>) => run(cell, "cmatrixnosuchnote00000000"),
    },
  ];
}

// Writes on a fresh note per cell.
type Fresh = { id: string; text?: string };
const FRESH_NAMES: Record<FreshKey, string> = {
  private: "Ada's private note",
  group: "Ada's note to group A",
  course: "Ada's note to course A",
  public: "Ada's note to everyone signed in",
  hidden: "Ada's note hidden by the instructor",
  otherCourse: "the outsider's note in course B",
  justDeleted: "Ada's note deleted a minute ago",
};
const freshReaders: Record<FreshKey, readonly Role[]> = {
  private: READERS.private,
  group: READERS.group,
  course: READERS.course,
  public: READERS.public,
  hidden: READERS.hidden,
  otherCourse: READERS.otherCourse,
  justDeleted: READERS.course,
};
function perFreshNote(
  allow: Partial<Record<FreshKey, readonly Role[]>>,
  run: (cell: Cell<Fresh>, id: string, key: FreshKey | "random") => Promise<Result>,
): Case<Fresh>[] {
  return [
    ...(Object.keys(allow) as FreshKey[]).map((key) => ({
      name: FRESH_NAMES[key],
      allow: allow[key]!,
      visibleTo: freshReaders[key],
      setup: (world: World) => freshNote(world, key),
      run: (cell: Cell<Fresh>) => run(cell, cell.fresh.id, key),
    })),
    {
      name: "an id that names nothing",
      allow: [],
      probe: true as const,
      setup: async () => ({ id: randomId() }),
      run: (cell: Cell<Fresh>) => run(cell, cell.fresh.id, "random"),
    },
  ];
}
const noteState = ({ fresh }: Cell<Fresh>) =>
  prisma().annotation.findUnique({ where: { id: fresh.id } });

// Creating annotations: the same cases through the API and the server action.
type CreateInput = Record<string, unknown>;
const createCases = (
  post: (cell: Cell<unknown>, input: CreateInput) => Promise<Result>,
): Case<unknown>[] => {
  const make = (world: World, scope: CreateInput): CreateInput => ({
    documentSlug: SLUG,
    selection: world.selection,
    body: note(marker("created")),
    ...scope,
  });
  const cases: [string, readonly Role[], (world: World) => CreateInput][] = [
    ["a private note", SIGNED_IN, (w) => make(w, { visibility: "private" })],
    [
      "a note to course A",
      ["student", "groupMember", "author", "instructor"],
      (w) => make(w, { visibility: "course", courseId: w.courseA.id }),
    ],
    [
      "a note to group A",
      ["groupMember", "author", "instructor"],
      (w) => make(w, { visibility: "group", groupId: w.groupA }),
    ],
    [
      "a note to course B",
      ["outsider", "otherInstructor"],
      (w) => make(w, { visibility: "course", courseId: w.courseB.id }),
    ],
    [
      "group A's id with course B's id in the body",
      ["groupMember", "author", "instructor"],
      (w) => make(w, { visibility: "group", groupId: w.groupA, courseId: w.courseB.id }),
    ],
    [
      "group C's id (course B) with course A's id in the body",
      ["outsider", "otherInstructor"],
      (w) => make(w, { visibility: "group", groupId: w.groupC, courseId: w.courseA.id }),
    ],
    [
      "a private note naming course B (kept only for its members)",
      SIGNED_IN,
      (w) => make(w, { visibility: "private", courseId: w.courseB.id }),
    ],
    [
      "a course id that names nothing",
      [],
      (w) => make(w, { visibility: "course", courseId: randomId() }),
    ],
    [
      "a group id that names nothing",
      [],
      (w) => make(w, { visibility: "group", groupId: randomId() }),
    ],
    [
      "a document that does not exist",
      [],
      (w) => make(w, { visibility: "private", documentSlug: "no-such-document" }),
    ],
  ];
  return cases.map(([name, allow, input]) => ({
    name,
    allow,
    run: (cell) => post(cell, input(cell.world)),
  }));
};
const annotationCount = () => prisma().annotation.count();

// Editing: the same cases through PATCH and the server action.
const SCOPES: Record<FreshKey | "random", (world: World) => CreateInput> = {
  private: () => ({ visibility: "private" }),
  group: (w) => ({ visibility: "group", groupId: w.groupA }),
  course: (w) => ({ visibility: "course", courseId: w.courseA.id }),
  public: () => ({ visibility: "public" }),
  hidden: (w) => ({ visibility: "course", courseId: w.courseA.id }),
  otherCourse: (w) => ({ visibility: "course", courseId: w.courseB.id }),
  justDeleted: (w) => ({ visibility: "course", courseId: w.courseA.id }),
  random: () => ({ visibility: "private" }),
};
const edit = (world: World, scope: CreateInput) => ({
  version: 1,
  body: note(marker("edited")),
  ...scope,
});
const updateCases = (
  patch: (cell: Cell<Fresh>, id: string, input: CreateInput) => Promise<Result>,
): Case<Fresh>[] => [
  ...perFreshNote(
    {
      private: ["author"],
      group: ["author"],
      course: ["author"],
      public: ["author"],
      hidden: ["author"],
      otherCourse: ["outsider"],
      justDeleted: [],
    },
    (cell, id, key) => patch(cell, id, edit(cell.world, SCOPES[key](cell.world))),
  ),
  ...(
    [
      [
        "Ada moves her course note to course B",
        (w: World) => ({ visibility: "course", courseId: w.courseB.id }),
      ],
      [
        "Ada moves her course note into group B (not hers)",
        (w: World) => ({ visibility: "group", groupId: w.groupB }),
      ],
      [
        "Ada moves her course note into group C (course B)",
        (w: World) => ({ visibility: "group", groupId: w.groupC }),
      ],
    ] as const
  ).map(([name, scope]) => ({
    name,
    allow: [],
    visibleTo: READERS.course,
    setup: (world: World) => freshNote(world, "course"),
    run: (cell: Cell<Fresh>) => patch(cell, cell.fresh.id, edit(cell.world, scope(cell.world))),
  })),
];

const deleteAllow = {
  private: ["author"],
  group: ["author"],
  course: ["author"],
  hidden: ["author"],
  otherCourse: ["outsider"],
  // Deleting again only restarts the author's undo window.
  justDeleted: ["author"],
} as const;

/** Replies and votes target annotations or replies of the world. */
const REPLY_NAMES: Record<ReplyKey, string> = {
  private: "Ada's reply in her private thread",
  group: "Ben's reply in the group A thread",
  course: "Chen's reply in the course A thread",
  hidden: "Ada's reply in her hidden thread",
  otherCourse: "the other instructor's reply in course B",
  deleted: "Chen's reply under Ada's deleted note",
};
const replyReaders: Record<ReplyKey, readonly Role[]> = {
  private: READERS.private,
  group: READERS.group,
  course: READERS.course,
  hidden: READERS.hidden,
  otherCourse: READERS.otherCourse,
  deleted: READERS.course,
};

/** Live events: connect, let Ada write a private note and reply, read what the stream says. */
async function liveEvents(cell: Cell<unknown>, slug: string): Promise<Result> {
  const controller = new AbortController();
  const headers = callerHeaders(cell.world, cell.caller);
  const request = new Request(`http://memcon.test/api/documents/${slug}/events`, {
    headers,
    signal: controller.signal,
  });
  const { value: response } = await inRequest(headers, () =>
    eventsRoute.GET(request, params({ slug })),
  );
  if (response.status !== 200 || !response.body)
    return { kind: "response", status: response.status, body: await response.text() };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const readUntil = async (done: () => boolean, ms: number) => {
    const deadline = Date.now() + ms;
    while (!done() && Date.now() < deadline) {
      const chunk = await Promise.race([
        reader.read(),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), deadline - Date.now())),
      ]);
      if (!chunk || chunk.done) break;
      text += decoder.decode(chunk.value);
    }
  };
  try {
    await readUntil(() => text.includes("event: ready"), 5000);
    const viewer = cell.world.viewers.author;
    const created = await createAnnotation(prisma(), viewer, {
      documentSlug: SLUG,
      selection: cell.world.selection,
      body: note(marker("live")),
      visibility: "private",
    });
    if (!created.ok) throw new Error(created.error);
    const reply = await createReply(prisma(), viewer, {
      annotationId: created.value.id,
      body: note(marker("livereply")),
    });
    if (!reply.ok) throw new Error(reply.error);
    cell.secrets.push(
      { label: "a new private note's id", text: created.value.id, readers: ["author"], tags: [] },
      { label: "a new private reply's id", text: reply.value.id, readers: ["author"], tags: [] },
    );
    await readUntil(() => text.split("event: changed").length > 2, 3000);
  } finally {
    controller.abort();
    await reader.cancel().catch(() => {});
  }
  return { kind: "response", status: response.status, body: text };
}

/** Live events: connect and wait for the stream to say it is ready (or the refusal). */
async function eventsReady(cell: Cell<unknown>, slug: string): Promise<Result> {
  const controller = new AbortController();
  const headers = callerHeaders(cell.world, cell.caller);
  const request = new Request(`http://memcon.test/api/documents/${slug}/events`, {
    headers,
    signal: controller.signal,
  });
  const { value: response } = await inRequest(headers, () =>
    eventsRoute.GET(request, params({ slug })),
  );
  if (response.status !== 200 || !response.body)
    return { kind: "response", status: response.status, body: await response.text() };
  const reader = response.body.getReader();
  let text = "";
  const deadline = Date.now() + 5000;
  try {
    while (!text.includes("event: ready") && Date.now() < deadline) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
  } finally {
    controller.abort();
    await reader.cancel().catch(() => {});
  }
  return { kind: "response", status: response.status, body: text };
}

/** A W3C Web Annotation that claims an author and a course: imports must ignore both. */
const w3cClaimingAda = (world: World) => ({
  "@context": "http://www.w3.org/ns/anno.jsonld",
  type: "Annotation",
  creator: { id: world.users.author.id, name: "Ada Brooks" },
  audience: { id: world.courseA.id },
  body: { type: "TextualBody", value: marker("imported"), format: "text/plain" },
  target: {
    source: `http://memcon.test/documents/${SLUG}`,
    selector: { type: "TextQuoteSelector", exact: "military bases" },
  },
});

/** A search's `total` must count only rows the caller may read: a count leaks existence too. */
function countsOnlyItsRows(result: Result): "allow" | "deny" {
  if (result.kind !== "response" || result.status !== 200) return "deny";
  const page = JSON.parse(result.body) as { total: number; rows: unknown[] };
  if (page.total !== page.rows.length)
    throw new Error(`total ${page.total} counts more than the ${page.rows.length} rows shown`);
  return "allow";
}

const sessionsOf = (cell: Cell<unknown>) =>
  prisma().session.count(cell.user ? { where: { userId: cell.user.id } } : undefined);

// Assignments: the world has one for all of course A, one for group B of A only, one for B.
type AssignmentKey = "A" | "groupB" | "B";
const ASSIGNMENT_READERS: Record<AssignmentKey, readonly Role[]> = {
  A: READERS.course,
  groupB: ["student", "instructor", "admin"],
  B: READERS.courseB,
};
const ASSIGNMENT_MANAGERS = {
  A: ["instructor", "admin"],
  groupB: ["instructor", "admin"],
  B: ["otherInstructor", "admin"],
} as const satisfies Record<AssignmentKey, readonly Role[]>;
const ASSIGNMENT_NAMES: Record<AssignmentKey, string> = {
  A: "the assignment for course A",
  groupB: "the assignment for group B of course A",
  B: "the assignment for course B",
};

/** The assignment form as the browser posts it. */
function assignmentFormData(fields: Record<string, string>, groupIds: string[] = []) {
  const form = assignmentForm();
  const data = formData({
    ...Object.fromEntries(Object.entries(form).filter(([, value]) => typeof value === "string")),
    instructions: JSON.stringify(form.instructions),
    ...fields,
  });
  for (const id of groupIds) data.append("groupIds", id);
  return data;
}

/** A new assignment of course A (by its instructor) or B, for cells that change one. */
async function freshAssignment(world: World, course: "A" | "B") {
  const by = course === "A" ? world.viewers.instructor : world.viewers.otherInstructor;
  const courseId = course === "A" ? world.courseA.id : world.courseB.id;
  const created = await createAssignment(prisma(), by, courseId, assignmentForm());
  if (!created.ok) throw new Error(created.error);
  return { id: created.value.id };
}

/** Managers-only reads and writes on an assignment: A, B, and an id that names nothing. */
function perAssignment(
  run: (cell: Cell<{ id: string }>) => Promise<Result>,
  { fresh = false, keys = ["A", "groupB", "B"] as AssignmentKey[] } = {},
): Case<{ id: string }>[] {
  return [
    ...keys.map((key) => ({
      name: ASSIGNMENT_NAMES[key],
      allow: ASSIGNMENT_MANAGERS[key],
      visibleTo: ASSIGNMENT_READERS[key],
      setup: async (world: World) =>
        fresh && key !== "groupB" ? freshAssignment(world, key) : { id: world.assignments[key] },
      run,
    })),
    {
      name: "an assignment id that names nothing",
      allow: [],
      probe: true as const,
      setup: async () => ({ id: randomId() }),
      run,
    },
  ];
}

const ASSIGNMENT_ROWS = [
  entry<{ id: string }>({
    surface: "route",
    file: "app/assignments/[id]/gradebook/route.ts",
    export: "GET",
    vias: ["session"],
    cases: perAssignment((cell) =>
      callRoute(cell.world, cell.caller, route(gradebookRoute.GET), {
        path: `/assignments/${cell.fresh.id}/gradebook`,
        params: { id: cell.fresh.id },
      }),
    ),
  }),
  entry<{ id: string }>({
    surface: "page",
    file: "app/assignments/[id]/page.tsx",
    export: "default",
    cases: [
      ...(["A", "groupB", "B"] as const).map((key) => ({
        name: ASSIGNMENT_NAMES[key],
        allow: ASSIGNMENT_READERS[key],
        visibleTo: ASSIGNMENT_READERS[key],
        shows: textOf(`assignment ${key}'s title`),
        setup: async (world: World) => ({ id: world.assignments[key] }),
        run: (cell: Cell<{ id: string }>) =>
          callPage(cell.world, cell.caller, () => AssignmentPage(page({ id: cell.fresh.id }))),
      })),
      {
        name: "an assignment id that names nothing",
        allow: [],
        probe: true,
        setup: async () => ({ id: randomId() }),
        run: (cell) =>
          callPage(cell.world, cell.caller, () => AssignmentPage(page({ id: cell.fresh.id }))),
      },
    ],
  }),
  entry<{ id: string }>({
    surface: "page",
    file: "app/assignments/[id]/edit/page.tsx",
    export: "default",
    cases: perAssignment((cell) =>
      callPage(cell.world, cell.caller, () => EditAssignmentPage(page({ id: cell.fresh.id }))),
    ),
  }),
  entry<{ id: string; userId: string }>({
    surface: "page",
    file: "app/assignments/[id]/students/[userId]/page.tsx",
    export: "default",
    cases: [
      ...(
        [
          ["Chen's work on the assignment for course A", "A", "student", ["instructor", "admin"]],
          [
            "the outsider's work on the assignment for course B",
            "B",
            "outsider",
            ["otherInstructor", "admin"],
          ],
          ["the outsider's id on the assignment for course A", "A", "outsider", []],
        ] as const
      ).map(([name, key, who, allow]) => ({
        name,
        allow,
        visibleTo: ASSIGNMENT_READERS[key],
        setup: async (world: World) => ({
          id: world.assignments[key],
          userId: world.users[who].id,
        }),
        run: (cell: Cell<{ id: string; userId: string }>) =>
          callPage(cell.world, cell.caller, () => StudentWorkPage(params(cell.fresh))),
      })),
      {
        name: "an assignment id that names nothing",
        allow: [],
        probe: true,
        setup: async (world) => ({ id: randomId(), userId: world.users.student.id }),
        run: (cell) => callPage(cell.world, cell.caller, () => StudentWorkPage(params(cell.fresh))),
      },
    ],
  }),
  entry({
    surface: "page",
    file: "app/assignments/page.tsx",
    export: "default",
    cases: [
      {
        name: "the page",
        allow: SIGNED_IN,
        run: (cell) => callPage(cell.world, cell.caller, () => MyAssignmentsPage()),
      },
    ],
  }),
  ...(
    [
      ["app/courses/[id]/assignments/new/page.tsx", NewAssignmentPage],
      ["app/courses/[id]/audit/page.tsx", AuditLogPage],
    ] as const
  ).map(([file, Page]) =>
    entry<{ id: string }>({
      surface: "page",
      file,
      export: "default",
      cases: [
        ...(
          [
            ["course A", "A", ["instructor", "admin"], READERS.course],
            ["course B", "B", ["otherInstructor", "admin"], READERS.courseB],
          ] as const
        ).map(([name, course, allow, visibleTo]) => ({
          name,
          allow,
          visibleTo,
          setup: async (world: World) => ({
            id: course === "A" ? world.courseA.id : world.courseB.id,
          }),
          run: (cell: Cell<{ id: string }>) =>
            callPage(cell.world, cell.caller, () =>
              (Page as (props: unknown) => Promise<unknown>)(page({ id: cell.fresh.id })),
            ),
        })),
        {
          name: "a course id that names nothing",
          allow: [],
          probe: true,
          setup: async () => ({ id: randomId() }),
          run: (cell) =>
            callPage(cell.world, cell.caller, () =>
              (Page as (props: unknown) => Promise<unknown>)(page({ id: cell.fresh.id })),
            ),
        },
      ],
    }),
  ),
  entry<{ id: string }>({
    surface: "action",
    file: "app/actions/assignments.ts",
    export: "createAssignmentAction",
    state: () => prisma().assignment.count(),
    cases: [
      ...(
        [
          ["an assignment for course A", "A", ["instructor", "admin"], READERS.course],
          ["an assignment for course B", "B", ["otherInstructor", "admin"], READERS.courseB],
        ] as const
      ).map(([name, course, allow, visibleTo]) => ({
        name,
        allow,
        visibleTo,
        setup: async (world: World) => ({
          id: course === "A" ? world.courseA.id : world.courseB.id,
        }),
        run: (cell: Cell<{ id: string }>) =>
          action(cell, () =>
            assignmentActions.createAssignmentAction(
              {},
              assignmentFormData({ courseId: cell.fresh.id }),
            ),
          ),
      })),
      {
        name: "an assignment for course A set for group C of course B",
        allow: [],
        visibleTo: READERS.course,
        setup: async (world) => ({ id: world.courseA.id }),
        run: (cell) =>
          action(cell, () =>
            assignmentActions.createAssignmentAction(
              {},
              assignmentFormData({ courseId: cell.fresh.id }, [cell.world.groupC]),
            ),
          ),
      },
      {
        name: "a course id that names nothing",
        allow: [],
        probe: true,
        setup: async () => ({ id: randomId() }),
        run: (cell) =>
          action(cell, () =>
            assignmentActions.createAssignmentAction(
              {},
              assignmentFormData({ courseId: cell.fresh.id }),
            ),
          ),
      },
    ],
  }),
  entry<{ id: string }>({
    surface: "action",
    file: "app/actions/assignments.ts",
    export: "updateAssignmentAction",
    state: ({ fresh }) => prisma().assignment.findUnique({ where: { id: fresh.id } }),
    cases: [
      ...perAssignment(
        (cell) =>
          action(cell, () =>
            assignmentActions.updateAssignmentAction(
              {},
              assignmentFormData({ assignmentId: cell.fresh.id, title: "Renamed reading" }),
            ),
          ),
        { fresh: true, keys: ["A", "B"] },
      ),
      {
        name: "the assignment for course A set for group C of course B",
        allow: [],
        visibleTo: READERS.course,
        setup: (world) => freshAssignment(world, "A"),
        run: (cell) =>
          action(cell, () =>
            assignmentActions.updateAssignmentAction(
              {},
              assignmentFormData({ assignmentId: cell.fresh.id }, [cell.world.groupC]),
            ),
          ),
      },
    ],
  }),
  entry<{ id: string; courseId: string }>({
    surface: "action",
    file: "app/actions/assignments.ts",
    export: "duplicateAssignmentAction",
    state: () => prisma().assignment.count(),
    cases: (
      [
        ["the assignment for course A into course A", "A", "A", ["instructor", "admin"]],
        ["the assignment for course A into course B", "A", "B", ["admin"]],
        ["the assignment for course B into course A", "B", "A", ["admin"]],
        ["the assignment for course A into a course id that names nothing", "A", "none", []],
      ] as const
    ).map(([name, from, into, allow]) => ({
      name,
      allow,
      setup: async (world: World) => ({
        id: world.assignments[from],
        courseId: { A: world.courseA.id, B: world.courseB.id, none: randomId() }[into],
      }),
      run: (cell: Cell<{ id: string; courseId: string }>) =>
        action(cell, () =>
          assignmentActions.duplicateAssignmentAction(
            {},
            formData({ assignmentId: cell.fresh.id, courseId: cell.fresh.courseId }),
          ),
        ),
    })),
  }),
  entry<{ id: string }>({
    surface: "action",
    file: "app/actions/assignments.ts",
    export: "setAssignmentClosedAction",
    state: ({ fresh }) => prisma().assignment.findUnique({ where: { id: fresh.id } }),
    cases: perAssignment(
      (cell) =>
        action(cell, () =>
          assignmentActions.setAssignmentClosedAction(
            {},
            formData({ assignmentId: cell.fresh.id, closed: "1" }),
          ),
        ),
      { fresh: true, keys: ["A", "B"] },
    ),
  }),
  ...(
    [
      [
        "extendAssignmentAction",
        (id: string) => prisma().assignmentExtension.findMany({ where: { assignmentId: id } }),
        (fields: Record<string, string>) =>
          assignmentActions.extendAssignmentAction(
            {},
            formData({ ...fields, dueAt: "2027-12-27T17:00", timeZone: "UTC" }),
          ),
      ],
      [
        "gradeAction",
        (id: string) => prisma().grade.findMany({ where: { assignmentId: id } }),
        (fields: Record<string, string>) =>
          assignmentActions.gradeAction(
            {},
            formData({ ...fields, quality: "2", completion: "auto", comment: "Close reading." }),
          ),
      ],
    ] as const
  ).map(([name, state, call]) =>
    entry<{ id: string; userId: string }>({
      surface: "action",
      file: "app/actions/assignments.ts",
      export: name,
      state: ({ fresh }) => state(fresh.id),
      cases: [
        ...(
          [
            [
              "Chen on a new assignment of course A",
              "A",
              "student",
              ["instructor", "admin"],
              READERS.course,
            ],
            [
              "the outsider on a new assignment of course B",
              "B",
              "outsider",
              ["otherInstructor", "admin"],
              READERS.courseB,
            ],
            [
              "the outsider (not in A) on a new assignment of course A",
              "A",
              "outsider",
              [],
              READERS.course,
            ],
          ] as const
        ).map(([caseName, course, who, allow, visibleTo]) => ({
          name: caseName,
          allow,
          visibleTo,
          setup: async (world: World) => ({
            ...(await freshAssignment(world, course)),
            userId: world.users[who].id,
          }),
          run: (cell: Cell<{ id: string; userId: string }>) =>
            action(cell, () => call({ assignmentId: cell.fresh.id, userId: cell.fresh.userId })),
        })),
        {
          name: "an assignment id that names nothing",
          allow: [],
          probe: true,
          setup: async (world) => ({ id: randomId(), userId: world.users.student.id }),
          run: (cell) =>
            action(cell, () => call({ assignmentId: cell.fresh.id, userId: cell.fresh.userId })),
        },
      ],
    }),
  ),
];

export const TABLE = [
  // ───────────────────────────── route handlers ─────────────────────────────
  entry({
    surface: "route",
    file: "app/api/health/route.ts",
    export: "GET",
    cases: [
      {
        name: "the health check",
        allow: ROLES,
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(healthRoute.GET), { path: "/api/health" }),
      },
    ],
  }),
  entry({
    surface: "route",
    file: "app/api/auth/[...nextauth]/route.ts",
    export: "GET",
    vias: ["session"],
    cases: [
      {
        name: "the session (it names its own user only)",
        allow: SIGNED_IN,
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(authRoute.GET), { path: "/api/auth/session" }),
        judge: (result, cell) =>
          result.kind === "response" && !!cell.user && result.body.includes(cell.user.email)
            ? "allow"
            : "deny",
      },
      {
        name: "a CSRF token (public by design)",
        allow: ROLES,
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(authRoute.GET), { path: "/api/auth/csrf" }),
      },
    ],
  }),
  entry({
    surface: "route",
    file: "app/api/auth/[...nextauth]/route.ts",
    export: "POST",
    vias: ["session"],
    state: sessionsOf,
    after: restoreSession,
    cases: [
      {
        name: "sign out from another site (no CSRF token)",
        allow: [],
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(authRoute.POST), {
            method: "POST",
            path: "/api/auth/signout",
          }),
      },
    ],
  }),
  entry({
    surface: "route",
    file: "app/api/annotations/route.ts",
    export: "GET",
    cases: (
      [
        ["every note on the document", () => `document=${SLUG}`, liveNotes],
        [
          "notes by Ada",
          (w: World) => `author=${w.users.author.id}`,
          (s: Secret) => liveNotes(s) && s.tags.includes("author"),
        ],
        ["notes of course A", (w: World) => `course=${w.courseA.id}`, undefined],
        ["notes of course B", (w: World) => `course=${w.courseB.id}`, undefined],
        [
          "notes with a word from Ada's private note",
          (w: World) => `text=${w.secrets.find(textOf("private note text"))!.text}`,
          undefined,
        ],
      ] as const
    ).map(([name, query, shows]) => ({
      name,
      allow: SIGNED_IN,
      ...(shows ? { shows } : {}),
      run: (cell: Cell<unknown>) =>
        callRoute(cell.world, cell.caller, route(annotationsRoute.GET), {
          path: `/api/annotations?limit=200&count=exact&${query(cell.world)}`,
        }),
      judge: countsOnlyItsRows,
    })),
  }),
  entry({
    surface: "route",
    file: "app/api/annotations/[id]/route.ts",
    export: "GET",
    cases: perNote(
      (key) => (key === "deleted" ? [] : noteReaders[key]),
      (cell, id) =>
        callRoute(cell.world, cell.caller, route(annotationRoute.GET), {
          path: `/api/annotations/${id}`,
          params: { id },
        }),
      { shows: true },
    ),
  }),
  entry({
    surface: "route",
    file: "app/api/annotations/route.ts",
    export: "POST",
    state: annotationCount,
    cases: createCases((cell, input) =>
      callRoute(cell.world, cell.caller, route(annotationsRoute.POST), {
        method: "POST",
        path: "/api/annotations",
        body: input,
      }),
    ),
  }),
  entry<Fresh>({
    surface: "route",
    file: "app/api/annotations/[id]/route.ts",
    export: "PATCH",
    state: noteState,
    cases: updateCases((cell, id, input) =>
      callRoute(cell.world, cell.caller, route(annotationRoute.PATCH), {
        method: "PATCH",
        path: `/api/annotations/${id}`,
        params: { id },
        body: input,
      }),
    ),
  }),
  entry<Fresh>({
    surface: "route",
    file: "app/api/annotations/[id]/route.ts",
    export: "DELETE",
    state: noteState,
    cases: perFreshNote(deleteAllow, (cell, id) =>
      callRoute(cell.world, cell.caller, route(annotationRoute.DELETE), {
        method: "DELETE",
        path: `/api/annotations/${id}`,
        params: { id },
      }),
    ),
  }),
  entry({
    surface: "route",
    file: "app/api/documents/[slug]/annotations/route.ts",
    export: "GET",
    cases: [
      ...(["json", "jsonld", "csv", "md"] as const).map((format) => ({
        name: `the document's notes as ${format}`,
        allow: SIGNED_IN,
        // The files carry each note's discussion; the API's JSON listing does not.
        shows: format === "json" ? liveNotes : exportedThreads,
        run: (cell: Cell<unknown>) =>
          callRoute(cell.world, cell.caller, route(documentAnnotationsRoute.GET), {
            path: `/api/documents/${SLUG}/annotations?format=${format}`,
            params: { slug: SLUG },
          }),
      })),
      {
        name: "the notes of course A's own document",
        allow: READERS.course,
        visibleTo: READERS.course,
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(documentAnnotationsRoute.GET), {
            path: `/api/documents/${cell.world.courseDocument.slug}/annotations?format=csv`,
            params: { slug: cell.world.courseDocument.slug },
          }),
      },
      {
        name: "a document that does not exist",
        allow: [],
        probe: true,
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(documentAnnotationsRoute.GET), {
            path: "/api/documents/no-such-document/annotations",
            params: { slug: "no-such-document" },
          }),
      },
    ],
  }),
  entry({
    surface: "route",
    file: "app/api/documents/[slug]/annotations/route.ts",
    export: "POST",
    state: annotationCount,
    cases: [
      {
        name: "W3C notes that claim Ada as author and course A (imported as the caller's private notes)",
        allow: SIGNED_IN,
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(documentAnnotationsRoute.POST), {
            method: "POST",
            path: `/api/documents/${SLUG}/annotations`,
            params: { slug: SLUG },
            body: w3cClaimingAda(cell.world),
          }),
      },
      {
        name: "W3C notes imported onto course A's own document",
        allow: READERS.course,
        visibleTo: READERS.course,
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(documentAnnotationsRoute.POST), {
            method: "POST",
            path: `/api/documents/${cell.world.courseDocument.slug}/annotations`,
            params: { slug: cell.world.courseDocument.slug },
            body: w3cClaimingAda(cell.world),
          }),
      },
      {
        name: "a document that does not exist",
        allow: [],
        probe: true,
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(documentAnnotationsRoute.POST), {
            method: "POST",
            path: "/api/documents/no-such-document/annotations",
            params: { slug: "no-such-document" },
            body: w3cClaimingAda(cell.world),
          }),
      },
    ],
  }),
  entry<{ id: string }>({
    surface: "route",
    file: "app/api/courses/[id]/annotations/route.ts",
    export: "GET",
    cases: [
      ...(
        [
          ["course A", "A", ["instructor", "admin"], READERS.course],
          ["course B", "B", ["otherInstructor", "admin"], READERS.courseB],
        ] as const
      ).flatMap(([name, course, allow, visibleTo]) =>
        (["md", "csv", "jsonld"] as const).map((format) => ({
          name: `${name}'s notes as ${format}`,
          allow,
          visibleTo,
          shows: course === "A" ? courseAThreads : undefined,
          setup: async (world: World) => ({
            id: course === "A" ? world.courseA.id : world.courseB.id,
          }),
          run: (cell: Cell<{ id: string }>) =>
            callRoute(cell.world, cell.caller, route(courseAnnotationsRoute.GET), {
              path: `/api/courses/${cell.fresh.id}/annotations?format=${format}`,
              params: { id: cell.fresh.id },
            }),
        })),
      ),
      {
        name: "a course id that names nothing",
        allow: [],
        probe: true,
        setup: async () => ({ id: randomId() }),
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(courseAnnotationsRoute.GET), {
            path: `/api/courses/${cell.fresh.id}/annotations?format=md`,
            params: { id: cell.fresh.id },
          }),
      },
    ],
  }),
  entry({
    surface: "route",
    file: "app/api/documents/[slug]/cards/route.ts",
    export: "GET",
    cases: [
      {
        // Every note of the world asked for by id, whoever may read it: only the caller's own
        // readable ones come back, with their discussions.
        name: "the reader panel's cards of every note, by id",
        allow: SIGNED_IN,
        shows: (s) => liveNotes(s) || s.tags.includes("reply"),
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(cardsRoute.GET), {
            path: `/api/documents/${SLUG}/cards?ids=${Object.values(cell.world.notes).join(",")}`,
            params: { slug: SLUG },
          }),
      },
      {
        name: "cards on course A's own document",
        allow: READERS.course,
        visibleTo: READERS.course,
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(cardsRoute.GET), {
            path: `/api/documents/${cell.world.courseDocument.slug}/cards?ids=${cell.world.notes.course}`,
            params: { slug: cell.world.courseDocument.slug },
          }),
      },
      {
        name: "cards on a document that does not exist",
        allow: [],
        probe: true,
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(cardsRoute.GET), {
            path: `/api/documents/no-such-document/cards?ids=${cell.world.notes.course}`,
            params: { slug: "no-such-document" },
          }),
      },
    ],
  }),
  entry({
    surface: "route",
    file: "app/api/documents/[slug]/citations/route.ts",
    export: "GET",
    cases: [
      {
        // A public document's catalogue record: anyone who may read the reader page.
        name: "a turn of the document, cited",
        allow: ROLES,
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(citationsRoute.GET), {
            path: `/api/documents/${SLUG}/citations?turn=2`,
            params: { slug: SLUG },
          }),
      },
      {
        name: "a document that does not exist, cited",
        allow: [],
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(citationsRoute.GET), {
            path: "/api/documents/no-such-document/citations?turn=2",
            params: { slug: "no-such-document" },
          }),
      },
    ],
  }),
  entry({
    surface: "route",
    file: "app/api/documents/[slug]/index/route.ts",
    export: "GET",
    cases: [
      {
        // What a reader refetches when a change is announced: ids and places, no words.
        name: "the reader's index of the document's notes",
        allow: SIGNED_IN,
        shows: (s) => s.label.endsWith("note id") && !s.label.startsWith("deleted"),
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(indexRoute.GET), {
            path: `/api/documents/${SLUG}/index`,
            params: { slug: SLUG },
          }),
      },
      {
        name: "the index of course A's own document",
        allow: READERS.course,
        visibleTo: READERS.course,
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(indexRoute.GET), {
            path: `/api/documents/${cell.world.courseDocument.slug}/index`,
            params: { slug: cell.world.courseDocument.slug },
          }),
      },
      {
        name: "the index of a document that does not exist",
        allow: [],
        probe: true,
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(indexRoute.GET), {
            path: "/api/documents/no-such-document/index",
            params: { slug: "no-such-document" },
          }),
      },
    ],
  }),
  entry({
    surface: "route",
    file: "app/api/documents/[slug]/events/route.ts",
    export: "GET",
    cases: [
      {
        // Only a reader who may read the note hears of it: the moment of a "changed" would
        // otherwise tell classmates that a private (or held-back) note was just written.
        name: "live events while Ada writes a private note and a reply",
        allow: ["author"],
        run: (cell) => liveEvents(cell, SLUG),
        judge: (result) =>
          result.kind === "response" &&
          result.status === 200 &&
          result.body.includes("event: changed")
            ? "allow"
            : "deny",
      },
      {
        name: "live events of course A's own document",
        allow: READERS.course,
        visibleTo: READERS.course,
        run: (cell) => eventsReady(cell, cell.world.courseDocument.slug),
      },
      {
        name: "a document that does not exist",
        allow: [],
        probe: true,
        run: (cell) => liveEvents(cell, "no-such-document"),
      },
    ],
  }),

  // ───────────────────────────── server actions: annotations ─────────────────────────────
  entry({
    surface: "action",
    file: "app/actions/annotations.ts",
    export: "createAnnotationAction",
    state: annotationCount,
    cases: createCases((cell, input) =>
      action(cell, () =>
        annotationActions.createAnnotationAction(
          input as Parameters<typeof annotationActions.createAnnotationAction>[0],
        ),
      ),
    ),
  }),
  entry<Fresh>({
    surface: "action",
    file: "app/actions/annotations.ts",
    export: "updateAnnotationAction",
    state: noteState,
    cases: updateCases((cell, id, input) =>
      action(cell, () =>
        annotationActions.updateAnnotationAction(
          SLUG,
          id,
          input as Parameters<typeof annotationActions.updateAnnotationAction>[2],
        ),
      ),
    ),
  }),
  entry<Fresh>({
    surface: "action",
    file: "app/actions/annotations.ts",
    export: "deleteAnnotationAction",
    state: noteState,
    cases: perFreshNote(deleteAllow, (cell, id) =>
      action(cell, () => annotationActions.deleteAnnotationAction(SLUG, id)),
    ),
  }),
  entry<Fresh>({
    surface: "action",
    file: "app/actions/annotations.ts",
    export: "restoreAnnotationAction",
    state: noteState,
    cases: perFreshNote({ justDeleted: ["author"] }, (cell, id) =>
      action(cell, () => annotationActions.restoreAnnotationAction(SLUG, id)),
    ),
  }),
  entry<Fresh>({
    surface: "action",
    file: "app/actions/annotations.ts",
    export: "hideAnnotationAction",
    state: noteState,
    cases: [
      ...perFreshNote(
        {
          course: ["instructor", "admin"],
          group: ["instructor", "admin"],
          private: [],
          public: [],
          otherCourse: ["otherInstructor", "admin"],
        },
        (cell, id) => action(cell, () => annotationActions.hideAnnotationAction(SLUG, id, true)),
      ),
      {
        name: "showing again Ada's note hidden by the instructor",
        allow: ["instructor", "admin"],
        visibleTo: READERS.hidden,
        setup: (world: World) => freshNote(world, "hidden"),
        run: (cell: Cell<Fresh>) =>
          action(cell, () => annotationActions.hideAnnotationAction(SLUG, cell.fresh.id, false)),
      },
    ],
  }),

  // ───────────────────────────── server actions: discussions ─────────────────────────────
  entry({
    surface: "action",
    file: "app/actions/threads.ts",
    export: "createReplyAction",
    state: () => prisma().reply.count(),
    cases: [
      ...perNote(
        (key) => (key === "deleted" || key === "locked" ? [] : noteReaders[key]),
        (cell, id) =>
          action(cell, () =>
            threadActions.createReplyAction(SLUG, {
              annotationId: id,
              body: note(marker("reply")),
            }),
          ),
      ),
      {
        name: "the course A thread, answering a reply in the group A thread",
        allow: [],
        visibleTo: READERS.course,
        run: (cell) =>
          action(cell, () =>
            threadActions.createReplyAction(SLUG, {
              annotationId: cell.world.notes.course,
              parentId: cell.world.replies.group,
              body: note(marker("reply")),
            }),
          ),
      },
      {
        name: "the course A thread, answering a reply id that names nothing",
        allow: [],
        visibleTo: READERS.course,
        run: (cell) =>
          action(cell, () =>
            threadActions.createReplyAction(SLUG, {
              annotationId: cell.world.notes.course,
              parentId: randomId(),
              body: note(marker("reply")),
            }),
          ),
      },
    ],
  }),
  entry<Fresh>({
    surface: "action",
    file: "app/actions/threads.ts",
    export: "deleteReplyAction",
    state: ({ fresh }) => prisma().reply.findUnique({ where: { id: fresh.id } }),
    cases: [
      ...(
        [
          ["Ada's reply in the course A thread", "course", "author", ["author"]],
          ["Ben's reply in the group A thread", "group", "groupMember", ["groupMember"]],
          ["the outsider's reply in course B", "otherCourse", "outsider", ["outsider"]],
        ] as const
      ).map(([name, on, by, allow]) => ({
        name,
        allow,
        visibleTo: noteReaders[on],
        setup: (world: World) => freshReply(world, on, by),
        run: (cell: Cell<Fresh>) =>
          action(cell, () => threadActions.deleteReplyAction(SLUG, cell.fresh.id)),
      })),
      {
        name: "a reply id that names nothing",
        allow: [],
        probe: true,
        setup: async () => ({ id: randomId() }),
        run: (cell) => action(cell, () => threadActions.deleteReplyAction(SLUG, cell.fresh.id)),
      },
    ],
  }),
  entry<Fresh>({
    surface: "action",
    file: "app/actions/threads.ts",
    export: "markNotificationsReadAction",
    state: ({ fresh }) => prisma().notification.findUnique({ where: { id: fresh.id } }),
    // Every caller marks their own notifications read; only Ada's must stay as they were.
    global: false,
    cases: [
      {
        name: "Ada's unread notification",
        allow: ["author"],
        setup: async (world) =>
          prisma().notification.create({
            data: {
              userId: world.users.author.id,
              kind: "reply",
              annotationId: world.notes.group,
              replyId: world.replies.group,
              actorId: world.users.groupMember.id,
            },
          }),
        run: (cell) => action(cell, () => threadActions.markNotificationsReadAction()),
      },
    ],
  }),
  entry({
    surface: "action",
    file: "app/actions/threads.ts",
    export: "voteAction",
    state: () => prisma().vote.count(),
    cases: [
      ...perNote(
        (key) =>
          key === "deleted"
            ? []
            : without(noteReaders[key], key === "otherCourse" ? "outsider" : "author"),
        (cell, id) => action(cell, () => threadActions.voteAction(SLUG, { annotationId: id })),
      ),
      ...(Object.keys(REPLY_NAMES) as ReplyKey[]).map((key) => {
        const author: Role = {
          private: "author",
          group: "groupMember",
          course: "student",
          hidden: "author",
          otherCourse: "otherInstructor",
          deleted: "student",
        }[key] as Role;
        return {
          name: REPLY_NAMES[key],
          allow: key === "deleted" ? [] : without(replyReaders[key], author),
          visibleTo: replyReaders[key],
          sameAs: "reply",
          run: (cell: Cell<unknown>) =>
            action(cell, () =>
              threadActions.voteAction(SLUG, { replyId: cell.world.replies[key] }),
            ),
        };
      }),
      {
        name: "a reply id that names nothing",
        allow: [],
        probe: "reply",
        run: (cell) => action(cell, () => threadActions.voteAction(SLUG, { replyId: randomId() })),
      },
    ],
  }),
  entry<Fresh & { reply?: boolean }>({
    surface: "action",
    file: "app/actions/threads.ts",
    export: "endorseAction",
    state: ({ fresh }) =>
      fresh.reply
        ? prisma().reply.findUnique({ where: { id: fresh.id } })
        : prisma().annotation.findUnique({ where: { id: fresh.id } }),
    cases: [
      ...perFreshNote(
        {
          course: ["instructor", "admin"],
          group: ["instructor", "admin"],
          hidden: ["instructor", "admin"],
          private: [],
          public: [],
          otherCourse: ["otherInstructor", "admin"],
        },
        (cell, id) =>
          action(cell, () => threadActions.endorseAction(SLUG, { annotationId: id }, true)),
      ),
      {
        name: "Chen's new reply in the course A thread",
        allow: ["instructor", "admin"],
        visibleTo: READERS.course,
        sameAs: "reply",
        setup: async (world: World) => ({
          ...(await freshReply(world, "course", "student")),
          reply: true,
        }),
        run: (cell) =>
          action(cell, () => threadActions.endorseAction(SLUG, { replyId: cell.fresh.id }, true)),
      },
      {
        name: "a new reply in Ada's private thread",
        allow: [],
        visibleTo: READERS.private,
        sameAs: "reply",
        setup: async (world: World) => ({
          ...(await freshReply(world, "private", "author")),
          reply: true,
        }),
        run: (cell) =>
          action(cell, () => threadActions.endorseAction(SLUG, { replyId: cell.fresh.id }, true)),
      },
      {
        name: "a reply id that names nothing",
        allow: [],
        probe: "reply",
        setup: async () => ({ id: randomId(), reply: true }),
        run: (cell) =>
          action(cell, () => threadActions.endorseAction(SLUG, { replyId: cell.fresh.id }, true)),
      },
    ],
  }),
  entry<Fresh>({
    surface: "action",
    file: "app/actions/threads.ts",
    export: "lockAction",
    state: noteState,
    cases: perFreshNote(
      {
        course: ["instructor", "admin"],
        group: ["instructor", "admin"],
        hidden: ["instructor", "admin"],
        private: [],
        public: [],
        otherCourse: ["otherInstructor", "admin"],
      },
      (cell, id) => action(cell, () => threadActions.lockAction(SLUG, id, true)),
    ),
  }),
  entry<Fresh>({
    surface: "action",
    file: "app/actions/threads.ts",
    export: "resolveAction",
    state: noteState,
    cases: perFreshNote(
      {
        course: ["author", "instructor", "admin"],
        group: ["author", "instructor", "admin"],
        hidden: ["author", "instructor", "admin"],
        private: ["author"],
        public: ["author"],
        otherCourse: ["outsider", "otherInstructor", "admin"],
      },
      (cell, id) => action(cell, () => threadActions.resolveAction(SLUG, id, true)),
    ),
  }),

  // ───────────────────────────── server actions: courses ─────────────────────────────
  entry({
    surface: "action",
    file: "app/actions/courses.ts",
    export: "createCourseAction",
    state: () => prisma().course.count(),
    cases: [
      {
        name: "a new course",
        allow: ["otherInstructor", "instructor", "admin"],
        run: (cell) =>
          action(cell, () =>
            courseActions.createCourseAction(
              {},
              formData({ title: "Reading Yoshida", term: "Fall 2027" }),
            ),
          ),
      },
    ],
  }),
  entry<{ id: string; code: string }>({
    surface: "action",
    file: "app/actions/courses.ts",
    export: "joinCourseAction",
    state: ({ fresh }) => prisma().membership.count({ where: { courseId: fresh.id } }),
    cases: [
      ...(
        [
          ["the open code of a course with no members yet", SIGNED_IN, null],
          ["an expired code", [], new Date(Date.now() - 60_000)],
        ] as const
      ).map(([name, allow, expires]) => ({
        name,
        allow,
        setup: async (world: World) => {
          const code = `J${randomId().slice(1, 8).toUpperCase()}`;
          const course = await prisma().course.create({
            data: {
              title: `Open course ${marker("open")}`,
              term: "Fall 2027",
              joinCode: code,
              joinCodeExpiresAt: expires,
              createdById: world.users.admin.id,
            },
          });
          return { id: course.id, code };
        },
        run: (cell: Cell<{ id: string; code: string }>) =>
          action(cell, () =>
            courseActions.joinCourseAction({}, formData({ code: cell.fresh.code })),
          ),
      })),
      {
        name: "a code that names no course",
        allow: [],
        setup: async () => ({ id: randomId(), code: "ZZZZ9999" }),
        run: (cell) =>
          action(cell, () =>
            courseActions.joinCourseAction({}, formData({ code: cell.fresh.code })),
          ),
      },
    ],
  }),
  entry<{ courseId: string; userId: string }>({
    surface: "action",
    file: "app/actions/courses.ts",
    export: "removeMemberAction",
    state: ({ fresh }) =>
      Promise.all([
        prisma().membership.findMany({ where: { userId: fresh.userId } }),
        prisma().groupMember.findMany({ where: { userId: fresh.userId } }),
      ]),
    cases: [
      {
        name: "a student of course A",
        allow: ["instructor", "admin"],
        visibleTo: READERS.course,
        setup: async (w) => ({
          courseId: w.courseA.id,
          userId: (await freshStudent(w, "A", w.groupA)).id,
        }),
        run: (cell) =>
          action(cell, () => courseActions.removeMemberAction({}, formData(cell.fresh))),
      },
      {
        name: "a student of course B",
        allow: ["otherInstructor", "admin"],
        visibleTo: READERS.courseB,
        setup: async (w) => ({ courseId: w.courseB.id, userId: (await freshStudent(w, "B")).id }),
        run: (cell) =>
          action(cell, () => courseActions.removeMemberAction({}, formData(cell.fresh))),
      },
      {
        name: "course B's id with a student of course A",
        allow: [],
        visibleTo: READERS.courseB,
        setup: async (w) => ({
          courseId: w.courseB.id,
          userId: (await freshStudent(w, "A", w.groupA)).id,
        }),
        run: (cell) =>
          action(cell, () => courseActions.removeMemberAction({}, formData(cell.fresh))),
      },
      {
        name: "a course id that names nothing",
        allow: [],
        probe: true,
        setup: async (w) => ({ courseId: randomId(), userId: (await freshStudent(w, "A")).id }),
        run: (cell) =>
          action(cell, () => courseActions.removeMemberAction({}, formData(cell.fresh))),
      },
    ],
  }),
  entry<{ id: string }>({
    surface: "action",
    file: "app/actions/courses.ts",
    export: "regenerateCodeAction",
    state: ({ fresh }) => prisma().course.findUnique({ where: { id: fresh.id } }),
    cases: [
      ...(
        [
          ["a course of the instructor's (like A)", "A", ["instructor", "admin"], READERS.course],
          [
            "a course of the other instructor's (like B)",
            "B",
            ["otherInstructor", "admin"],
            READERS.courseB,
          ],
        ] as const
      ).map(([name, like, allow, visibleTo]) => ({
        name,
        allow,
        visibleTo,
        setup: (world: World) => freshCourse(world, like),
        run: (cell: Cell<{ id: string }>) =>
          action(cell, () =>
            courseActions.regenerateCodeAction(
              {},
              formData({ courseId: cell.fresh.id, expiresInDays: "7" }),
            ),
          ),
      })),
      {
        name: "a course id that names nothing",
        allow: [],
        probe: true,
        setup: async () => ({ id: randomId() }),
        run: (cell) =>
          action(cell, () =>
            courseActions.regenerateCodeAction({}, formData({ courseId: cell.fresh.id })),
          ),
      },
    ],
  }),
  entry<{ id: string }>({
    surface: "action",
    file: "app/actions/courses.ts",
    export: "createGroupAction",
    state: ({ fresh }) => prisma().group.count({ where: { courseId: fresh.id } }),
    cases: [
      ...(
        [
          ["a group in course A", "A", ["instructor", "admin"], READERS.course],
          ["a group in course B", "B", ["otherInstructor", "admin"], READERS.courseB],
        ] as const
      ).map(([name, course, allow, visibleTo]) => ({
        name,
        allow,
        visibleTo,
        setup: async (world: World) => ({
          id: course === "A" ? world.courseA.id : world.courseB.id,
        }),
        run: (cell: Cell<{ id: string }>) =>
          action(cell, () =>
            courseActions.createGroupAction(
              {},
              formData({ courseId: cell.fresh.id, name: marker("group") }),
            ),
          ),
      })),
      {
        name: "a course id that names nothing",
        allow: [],
        probe: true,
        setup: async () => ({ id: randomId() }),
        run: (cell) =>
          action(cell, () =>
            courseActions.createGroupAction(
              {},
              formData({ courseId: cell.fresh.id, name: marker("group") }),
            ),
          ),
      },
    ],
  }),
  entry<{ groupId: string; userId: string; courseId: string }>({
    surface: "action",
    file: "app/actions/courses.ts",
    export: "addGroupMemberAction",
    state: ({ fresh }) => prisma().groupMember.findMany({ where: { userId: fresh.userId } }),
    cases: [
      ...(
        [
          [
            "a student of course A into a new group of A",
            "A",
            "A",
            ["instructor", "admin"],
            READERS.course,
          ],
          [
            "a student of course B into a new group of B",
            "B",
            "B",
            ["otherInstructor", "admin"],
            READERS.courseB,
          ],
          ["a student of course B into a new group of A", "A", "B", [], READERS.course],
          ["a student of course A into a new group of B", "B", "A", [], READERS.courseB],
        ] as const
      ).map(([name, groupIn, studentIn, allow, visibleTo]) => ({
        name,
        allow,
        visibleTo,
        setup: async (world: World) => {
          const courseId = groupIn === "A" ? world.courseA.id : world.courseB.id;
          const group = await prisma().group.create({ data: { courseId, name: marker("g") } });
          const student = await freshStudent(world, studentIn);
          return { groupId: group.id, userId: student.id, courseId };
        },
        run: (cell: Cell<{ groupId: string; userId: string; courseId: string }>) =>
          action(cell, () => courseActions.addGroupMemberAction({}, formData(cell.fresh))),
      })),
      {
        name: "a group id that names nothing",
        allow: [],
        probe: true,
        setup: async (world: World) => ({
          groupId: randomId(),
          userId: (await freshStudent(world, "A")).id,
          courseId: world.courseA.id,
        }),
        run: (cell) =>
          action(cell, () => courseActions.addGroupMemberAction({}, formData(cell.fresh))),
      },
    ],
  }),
  entry<{ groupId: string; userId: string; courseId: string }>({
    surface: "action",
    file: "app/actions/courses.ts",
    export: "removeGroupMemberAction",
    state: ({ fresh }) => prisma().groupMember.findMany({ where: { userId: fresh.userId } }),
    cases: [
      ...(
        [
          ["a student from a group of course A", "A", ["instructor", "admin"], READERS.course],
          [
            "a student from a group of course B",
            "B",
            ["otherInstructor", "admin"],
            READERS.courseB,
          ],
        ] as const
      ).map(([name, course, allow, visibleTo]) => ({
        name,
        allow,
        visibleTo,
        setup: async (world: World) => {
          const courseId = course === "A" ? world.courseA.id : world.courseB.id;
          const group = await prisma().group.create({ data: { courseId, name: marker("g") } });
          const student = await freshStudent(world, course, group.id);
          return { groupId: group.id, userId: student.id, courseId };
        },
        run: (cell: Cell<{ groupId: string; userId: string; courseId: string }>) =>
          action(cell, () => courseActions.removeGroupMemberAction({}, formData(cell.fresh))),
      })),
      {
        name: "a group id that names nothing",
        allow: [],
        probe: true,
        setup: async (world: World) => ({
          groupId: randomId(),
          userId: (await freshStudent(world, "A", world.groupA)).id,
          courseId: world.courseA.id,
        }),
        run: (cell) =>
          action(cell, () => courseActions.removeGroupMemberAction({}, formData(cell.fresh))),
      },
    ],
  }),
  entry<{ id: string }>({
    surface: "action",
    file: "app/actions/courses.ts",
    export: "setSiteRoleAction",
    state: ({ fresh, world }) =>
      prisma().user.findMany({
        where: { id: { in: [fresh.id, ...Object.values(world.users).map((u) => u.id)] } },
        select: { id: true, siteRole: true },
        orderBy: { id: "asc" },
      }),
    cases: [
      {
        name: "making someone an instructor",
        allow: ["admin"],
        setup: async (world) => freshStudent(world, "A"),
        run: (cell) =>
          action(cell, () =>
            courseActions.setSiteRoleAction(
              {},
              formData({ userId: cell.fresh.id, role: "instructor" }),
            ),
          ),
      },
      {
        name: "making themselves an admin",
        allow: [],
        setup: async (world, caller) => ({
          id: caller.role === "anonymous" ? randomId() : world.users[caller.role].id,
        }),
        run: (cell) =>
          action(cell, () =>
            courseActions.setSiteRoleAction({}, formData({ userId: cell.fresh.id, role: "admin" })),
          ),
      },
      {
        name: "a user id that names nothing",
        allow: [],
        setup: async () => ({ id: randomId() }),
        run: (cell) =>
          action(cell, () =>
            courseActions.setSiteRoleAction({}, formData({ userId: cell.fresh.id, role: "admin" })),
          ),
      },
    ],
  }),

  // ───────────────────────────── server actions: tokens and accounts ─────────────────────────────
  entry({
    surface: "action",
    file: "app/actions/tokens.ts",
    export: "createTokenAction",
    state: () => prisma().apiToken.count(),
    cases: [
      {
        name: "a token of one's own",
        allow: SIGNED_IN,
        run: (cell) =>
          action(cell, () =>
            tokenActions.createTokenAction({}, formData({ name: "notes export" })),
          ),
      },
    ],
  }),
  entry<{ id: string }>({
    surface: "action",
    file: "app/actions/tokens.ts",
    export: "revokeTokenAction",
    state: ({ fresh }) => prisma().apiToken.findUnique({ where: { id: fresh.id } }),
    cases: [
      {
        name: "Ada's token",
        allow: ["author"],
        setup: async (world) =>
          createApiToken(prisma(), world.users.author.id, "Ada's backup script"),
        run: (cell) =>
          action(cell, () => tokenActions.revokeTokenAction({}, formData({ id: cell.fresh.id }))),
      },
      {
        name: "a token id that names nothing",
        allow: [],
        setup: async () => ({ id: randomId() }),
        run: (cell) =>
          action(cell, () => tokenActions.revokeTokenAction({}, formData({ id: cell.fresh.id }))),
      },
    ],
  }),
  entry<{ id: string; email: string }>({
    surface: "action",
    file: "app/actions/auth.ts",
    export: "signInAction",
    state: ({ fresh }) => prisma().session.count({ where: { userId: fresh.id } }),
    cases: (
      [
        [
          "an account's right password (anyone who knows it may sign in)",
          ROLES,
          "matrix pass phrase 1959",
        ],
        ["an account's wrong password", [], "not the pass phrase 1959"],
      ] as const
    ).map(([name, allow, password]) => ({
      name,
      allow,
      setup: async (world: World) => {
        const email = `${marker("signin")}@matrix.test`;
        const user = await prisma().user.create({
          data: { email, name: "Sign In", passwordHash: world.passwordHash },
        });
        return { id: user.id, email };
      },
      run: (cell: Cell<{ id: string; email: string }>) =>
        action(cell, () =>
          authActions.signInAction({}, formData({ email: cell.fresh.email, password })),
        ),
    })),
  }),
  entry({
    surface: "action",
    file: "app/actions/auth.ts",
    export: "signUpAction",
    state: () => prisma().user.count(),
    cases: [
      {
        name: "a new account (anyone may sign up)",
        allow: ROLES,
        run: (cell) =>
          action(cell, () =>
            authActions.signUpAction(
              {},
              formData({
                name: "New Reader",
                email: `${marker("new")}@matrix.test`,
                password: "a long pass phrase 1972",
              }),
            ),
          ),
      },
      {
        name: "Ada's email (taken: says so, changes nothing)",
        allow: [],
        echoes: (world) => [world.users.author.email],
        run: (cell) =>
          action(cell, () =>
            authActions.signUpAction(
              {},
              formData({
                name: "Not Ada",
                email: cell.world.users.author.email,
                password: "a long pass phrase 1972",
              }),
            ),
          ),
      },
    ],
  }),
  entry({
    surface: "action",
    file: "app/actions/auth.ts",
    export: "changePasswordAction",
    // The next case starts from the same password, and the matrix's tokens work again.
    after: async (world, role) => {
      await prisma().user.update({
        where: { id: world.users[role].id },
        data: { passwordHash: world.passwordHash },
      });
      await restoreToken(world, role);
    },
    state: (cell) =>
      prisma()
        .user.findMany({ select: { id: true, passwordHash: true }, orderBy: { id: "asc" } })
        .then((users) => users.filter((user) => !cell.user || user.id === cell.user.id)),
    cases: (
      [
        ["one's own password, knowing the current one", SIGNED_IN, "matrix pass phrase 1959"],
        ["one's own password, with a wrong current one", [], "not the pass phrase 1959"],
      ] as const
    ).map(([name, allow, currentPassword]) => ({
      name,
      allow,
      run: (cell: Cell<unknown>) =>
        action(cell, () =>
          authActions.changePasswordAction(
            {},
            formData({
              currentPassword,
              newPassword: "new matrix phrase 1972",
              confirmPassword: "new matrix phrase 1972",
            }),
          ),
        ),
    })),
  }),
  entry({
    surface: "action",
    file: "app/actions/auth.ts",
    export: "signOutAction",
    state: sessionsOf,
    after: restoreSession,
    cases: [
      {
        name: "one's own session",
        allow: SIGNED_IN,
        run: (cell) => action(cell, () => authActions.signOutAction()),
      },
    ],
  }),
  entry({
    surface: "action",
    file: "app/actions/auth.ts",
    export: "signOutEverywhereAction",
    state: (cell) =>
      Promise.all([
        sessionsOf(cell),
        prisma().apiToken.count({
          where: { revokedAt: null, ...(cell.user ? { userId: cell.user.id } : {}) },
        }),
      ]),
    after: async (world, role) => {
      await restoreSession(world, role);
      await restoreToken(world, role);
    },
    cases: [
      {
        name: "one's own sessions and tokens",
        allow: SIGNED_IN,
        run: (cell) => action(cell, () => authActions.signOutEverywhereAction()),
      },
    ],
  }),
  entry({
    surface: "action",
    file: "app/actions/auth.ts",
    export: "providerSignInAction",
    state: () => Promise.all([prisma().session.count(), prisma().user.count()]),
    cases: [
      {
        name: "a sign-in provider that is not configured",
        allow: [],
        run: (cell) =>
          action(cell, () =>
            authActions.providerSignInAction(
              formData({ provider: "github", callbackUrl: "/courses" }),
            ),
          ),
      },
    ],
  }),

  // ───────────────────────────── pages ─────────────────────────────
  // A page is called as a function: it answers with its element tree (rendered), or throws
  // Next's notFound() / redirect(). The tree holds every prop the page hands to its components,
  // so what a role could see is searched there.
  pageEntry("app/page.tsx", ROLES, () => LibraryPage({ searchParams: Promise.resolve({}) }), {
    // Course A's own document is in its members' library (title, speakers), nobody else's.
    shows: (s) =>
      s.label !== "course A's own document's words" && s.tags.includes("courseDocument"),
  }),
  entry({
    surface: "page",
    file: "app/page.tsx",
    export: "default",
    cases: [
      {
        name: "searching for words of course A's own document",
        allow: ROLES,
        shows: (s) => s.tags.includes("courseDocument"),
        // The search box repeats what was asked; the results must not.
        echoes: (world) => [
          world.secrets.find((s) => s.label === "course A's own document's words")!.text,
        ],
        run: (cell) =>
          callPage(cell.world, cell.caller, () =>
            LibraryPage({
              searchParams: Promise.resolve({
                q: cell.world.secrets.find((s) => s.label === "course A's own document's words")!
                  .text,
              }),
            }),
          ),
      },
    ],
  }),
  pageEntry("app/(auth)/signin/page.tsx", ["anonymous"], () =>
    SignInPage({ searchParams: Promise.resolve({}) }),
  ),
  pageEntry("app/(auth)/signin/check-email/page.tsx", ROLES, async () => CheckEmailPage()),
  pageEntry("app/(auth)/signup/page.tsx", ["anonymous"], () =>
    SignUpPage({ searchParams: Promise.resolve({}) }),
  ),
  pageEntry("app/account/page.tsx", SIGNED_IN, () => AccountPage()),
  pageEntry("app/admin/page.tsx", ["admin"], () =>
    AdminPage({ searchParams: Promise.resolve({}) }),
  ),
  pageEntry("app/courses/page.tsx", SIGNED_IN, () => CoursesPage()),
  // An invite link repeats its code, and nothing else about the course.
  pageEntry("app/join/[code]/page.tsx", SIGNED_IN, () => JoinPage(params({ code: "QKZ7ARDA" })), {
    echoes: (world) => [world.courseA.joinCode],
  }),
  pageEntry("app/notifications/page.tsx", SIGNED_IN, () => NotificationsPage(), {
    shows: (s) => s.tags.includes("notification"),
  }),
  entry({
    surface: "page",
    file: "app/documents/[slug]/editions/[other]/page.tsx",
    export: "default",
    cases: [
      {
        // Library documents are public; the matrix's world holds one, compared with itself.
        name: "two editions side by side",
        allow: ROLES,
        run: (cell) =>
          callPage(cell.world, cell.caller, () =>
            EditionsPage({ params: Promise.resolve({ slug: SLUG, other: SLUG }) }),
          ),
      },
      {
        name: "an edition that does not exist",
        allow: [],
        run: (cell) =>
          callPage(cell.world, cell.caller, () =>
            EditionsPage({ params: Promise.resolve({ slug: SLUG, other: "no-such-document" }) }),
          ),
      },
    ],
  }),
  entry({
    surface: "page",
    file: "app/collections/[slug]/page.tsx",
    export: "default",
    cases: [
      {
        name: "a collection",
        allow: ROLES,
        run: (cell) =>
          callPage(cell.world, cell.caller, () => CollectionPage(params({ slug: COLLECTION }))),
      },
      {
        name: "a collection that does not exist",
        allow: [],
        run: (cell) =>
          callPage(cell.world, cell.caller, () =>
            CollectionPage(params({ slug: "no-such-collection" })),
          ),
      },
    ],
  }),
  entry({
    surface: "page",
    file: "app/documents/[slug]/page.tsx",
    export: "default",
    cases: [
      {
        // The page carries every readable note's id and place; the cards (text, replies) come
        // from the cards route above.
        name: "the document with the index of its notes",
        allow: ROLES,
        shows: (s) => s.label.endsWith("note id"),
        run: (cell) => callPage(cell.world, cell.caller, () => DocumentPage(page({ slug: SLUG }))),
      },
      {
        name: "course A's own document",
        allow: READERS.course,
        visibleTo: READERS.course,
        shows: (s) => s.tags.includes("courseDocument"),
        run: (cell) =>
          callPage(cell.world, cell.caller, () =>
            DocumentPage(page({ slug: cell.world.courseDocument.slug })),
          ),
      },
      {
        name: "a document that does not exist",
        allow: [],
        probe: true,
        run: (cell) =>
          callPage(cell.world, cell.caller, () => DocumentPage(page({ slug: "no-such-document" }))),
      },
    ],
  }),
  entry({
    surface: "page",
    file: "app/courses/[id]/page.tsx",
    export: "default",
    cases: [
      ...(
        [
          ["course A", (w: World) => w.courseA.id, READERS.course],
          ["course B", (w: World) => w.courseB.id, READERS.courseB],
          ["group A's id used as a course id", (w: World) => w.groupA, []],
          ["Ada's note id used as a course id", (w: World) => w.notes.course, []],
        ] as const
      ).map(([name, id, allow]) => ({
        name,
        allow,
        visibleTo: allow,
        // Signed out, the sign-in link names the page asked for.
        echoes: (world: World) => [id(world)],
        run: (cell: Cell<unknown>) =>
          callPage(cell.world, cell.caller, () => CoursePage(page({ id: id(cell.world) }))),
      })),
      {
        name: "a course id that names nothing",
        allow: [],
        probe: true,
        run: (cell) =>
          callPage(cell.world, cell.caller, () => CoursePage(page({ id: randomId() }))),
      },
    ],
  }),
  ...ASSIGNMENT_ROWS,
  ...LTI_ROWS,
  ...DOCUMENT_ROWS,
  ...PEOPLE_ROWS,
  ...PASSAGE_LINK_ROWS,
  ...EDITION_DECISION_ROWS,
];

function pageEntry(
  file: string,
  allow: readonly Role[],
  render: () => Promise<unknown>,
  more: Pick<Case<unknown>, "shows" | "echoes"> = {},
) {
  return entry({
    surface: "page",
    file,
    export: "default",
    cases: [
      {
        name: "the page",
        allow,
        ...more,
        run: (cell) => callPage(cell.world, cell.caller, render),
      },
    ],
  });
}
