import * as ltiActions from "@/app/actions/lti";
import * as ltiCourseActions from "@/app/actions/lti-course";
import AssignmentLtiPage from "@/app/assignments/[id]/lti/page";
import CourseLtiPage from "@/app/courses/[id]/lti/page";
import * as deepLinkRoute from "@/app/api/lti/deep-link/route";
import DeepLinkPage from "@/app/lti/deep-link/[id]/page";
import { publicKeySet } from "@/lib/lti/keys";
import { PlatformSimulator } from "@/tests/support/lti-platform";
import LtiAdminPage from "@/app/admin/lti/page";
import * as canvasRoute from "@/app/api/lti/canvas.json/route";
import * as jwksRoute from "@/app/api/lti/jwks/route";
import * as launchRoute from "@/app/api/lti/launch/route";
import * as loginRoute from "@/app/api/lti/login/route";
import * as registerRoute from "@/app/api/lti/register/route";
import * as openRoute from "@/app/lti/open/route";
import { getPrisma } from "@/lib/db";
import { callPage, callRoute, callServer, formData } from "./call";
import { entry, type Cell } from "./entry";
import { randomId, READERS, ROLES, type World } from "./world";

// The authorization matrix's rows for LTI 1.3 (issue #21): the public endpoints platforms call,
// the launch endpoints (nothing a caller's Memcon session or token can unlock), and the site
// administrators' page and actions for platform registrations and keys.

const prisma = () => getPrisma();
type Route = Parameters<typeof callRoute>[2];
const route = (handler: unknown) => handler as Route;
const action = (cell: Cell<unknown>, work: () => Promise<unknown>) =>
  callServer(cell.world, cell.caller, work);

const REGISTRATION = {
  name: "Matrix LMS",
  issuer: "https://lms.matrix.example",
  clientId: "matrix-client",
  deploymentIds: "1",
  authLoginUrl: "https://lms.matrix.example/auth",
  authTokenUrl: "https://lms.matrix.example/token",
  jwksUrl: "https://lms.matrix.example/jwks",
  frameOrigins: "",
};

async function freshRegistration(): Promise<{ id: string }> {
  return prisma().ltiRegistration.create({
    data: {
      ...REGISTRATION,
      clientId: `matrix-${randomId()}`,
      deploymentIds: ["1"],
      frameOrigins: [],
    },
    select: { id: true },
  });
}
const registrationState = ({ fresh }: Cell<{ id: string }>) =>
  prisma().ltiRegistration.findUnique({ where: { id: fresh.id } });
const ltiCounts = () =>
  Promise.all([
    prisma().ltiRegistration.count(),
    prisma().ltiUserLink.count(),
    prisma().ltiContext.count(),
    prisma().ltiLaunch.count(),
    prisma().session.count(),
    prisma().user.count(),
  ]);

// Course A linked to a simulated platform (node:http on 127.0.0.1), so that its instructors'
// roster and grade actions really reach a platform; course B is linked to nothing.
let platform: Promise<PlatformSimulator> | undefined;
async function linkCourseA(world: World) {
  platform ??= new PlatformSimulator({
    login: "http://memcon.test/api/lti/login",
    launch: "http://memcon.test/api/lti/launch",
    jwks: () => publicKeySet(prisma()),
  }).start();
  const sim = await platform;
  const registration = await prisma().ltiRegistration.upsert({
    where: { issuer_clientId: { issuer: sim.issuer, clientId: sim.clientId } },
    create: {
      ...sim.registration,
      deploymentIds: [sim.deploymentId],
      frameOrigins: [],
    },
    update: {},
  });
  const services = {
    membershipsUrl: `${sim.origin}/contexts/${sim.contextId}/memberships`,
    lineItemsUrl: `${sim.origin}/contexts/${sim.contextId}/lineitems`,
    agsScopes: ["https://purl.imsglobal.org/spec/lti-ags/scope/lineitem"],
  };
  return prisma().ltiContext.upsert({
    where: { courseId: world.courseA.id },
    create: {
      registrationId: registration.id,
      deploymentId: sim.deploymentId,
      contextId: sim.contextId,
      title: "Course A on the matrix platform",
      courseId: world.courseA.id,
      ...services,
    },
    update: {},
  });
}
const page = <T>(value: T) => ({
  params: Promise.resolve(value),
  searchParams: Promise.resolve({}),
});

export const LTI_ROWS = [
  entry({
    surface: "route",
    file: "app/api/lti/jwks/route.ts",
    export: "GET",
    cases: [
      {
        name: "Memcon's public keys (public by design, never a private part)",
        allow: ROLES,
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(jwksRoute.GET), { path: "/api/lti/jwks" }),
        judge: (result) =>
          result.kind === "response" && result.status === 200 && !result.body.includes('"d"')
            ? "allow"
            : "deny",
      },
    ],
  }),
  entry({
    surface: "route",
    file: "app/api/lti/canvas.json/route.ts",
    export: "GET",
    cases: [
      {
        name: "the Canvas configuration (public by design)",
        allow: ROLES,
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(canvasRoute.GET), {
            path: "/api/lti/canvas.json",
          }),
      },
    ],
  }),
  ...(["GET", "POST"] as const).map((method) =>
    entry({
      surface: "route",
      file: "app/api/lti/login/route.ts",
      export: method,
      state: ltiCounts,
      cases: [
        {
          name: "a login from a platform that is not registered",
          allow: [],
          run: (cell) =>
            callRoute(cell.world, cell.caller, route(loginRoute[method]), {
              method,
              path: "/api/lti/login?iss=https%3A%2F%2Fnot-registered.example&login_hint=1",
            }),
        },
      ],
    }),
  ),
  entry({
    surface: "route",
    file: "app/api/lti/launch/route.ts",
    export: "POST",
    state: ltiCounts,
    cases: [
      {
        // A Memcon session or API token does not stand in for the platform's signed id_token.
        name: "a launch without the platform's form",
        allow: [],
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(launchRoute.POST), {
            method: "POST",
            path: "/api/lti/launch",
            body: { id_token: "x", state: "y" },
          }),
      },
    ],
  }),
  entry({
    surface: "route",
    file: "app/api/lti/register/route.ts",
    export: "GET",
    cases: [
      {
        name: "dynamic registration without a platform configuration",
        allow: [],
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(registerRoute.GET), {
            path: "/api/lti/register",
          }),
      },
    ],
  }),
  entry({
    surface: "route",
    file: "app/api/lti/register/route.ts",
    export: "POST",
    state: ltiCounts,
    cases: [
      {
        name: "dynamic registration naming no platform",
        allow: [],
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(registerRoute.POST), {
            method: "POST",
            path: "/api/lti/register",
            body: {},
          }),
      },
    ],
  }),
  entry({
    surface: "route",
    file: "app/lti/open/route.ts",
    export: "GET",
    state: ltiCounts,
    cases: [
      {
        name: "a launch ticket that names nothing",
        allow: [],
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(openRoute.GET), {
            path: `/lti/open?ticket=${randomId()}${randomId()}`,
          }),
      },
    ],
  }),
  entry({
    surface: "action",
    file: "app/actions/lti.ts",
    export: "saveRegistrationAction",
    state: () => prisma().ltiRegistration.count(),
    cases: [
      {
        name: "registering a platform",
        allow: ["admin"],
        run: (cell) =>
          action(cell, () =>
            ltiActions.saveRegistrationAction(
              {},
              formData({ ...REGISTRATION, clientId: `new-${randomId()}` }),
            ),
          ),
      },
    ],
  }),
  entry<{ id: string }>({
    surface: "action",
    file: "app/actions/lti.ts",
    export: "setRegistrationEnabledAction",
    state: registrationState,
    cases: [
      {
        name: "switching a platform off",
        allow: ["admin"],
        setup: freshRegistration,
        run: (cell) =>
          action(cell, () =>
            ltiActions.setRegistrationEnabledAction(
              {},
              formData({ registrationId: cell.fresh.id, enabled: "false" }),
            ),
          ),
      },
      {
        name: "a registration id that names nothing",
        allow: [],
        setup: async () => ({ id: randomId() }),
        run: (cell) =>
          action(cell, () =>
            ltiActions.setRegistrationEnabledAction(
              {},
              formData({ registrationId: cell.fresh.id, enabled: "false" }),
            ),
          ),
      },
    ],
  }),
  entry<{ id: string }>({
    surface: "action",
    file: "app/actions/lti.ts",
    export: "deleteRegistrationAction",
    state: registrationState,
    cases: [
      {
        name: "removing a platform",
        allow: ["admin"],
        setup: freshRegistration,
        run: (cell) =>
          action(cell, () =>
            ltiActions.deleteRegistrationAction({}, formData({ registrationId: cell.fresh.id })),
          ),
      },
    ],
  }),
  entry({
    surface: "action",
    file: "app/actions/lti.ts",
    export: "rotateKeyAction",
    state: () => prisma().ltiKey.count(),
    cases: [
      {
        name: "rotating Memcon's signing key",
        allow: ["admin"],
        run: (cell) => action(cell, () => ltiActions.rotateKeyAction()),
      },
    ],
  }),
  entry({
    surface: "page",
    file: "app/admin/lti/page.tsx",
    export: "default",
    cases: [
      {
        name: "the page",
        allow: ["admin"],
        run: (cell) => callPage(cell.world, cell.caller, () => LtiAdminPage()),
      },
    ],
  }),

  entry({
    surface: "route",
    file: "app/api/lti/deep-link/route.ts",
    export: "POST",
    vias: ["session"],
    state: () => prisma().ltiDeepLink.count({ where: { usedAt: { not: null } } }),
    cases: [
      {
        name: "answering a content request that names nothing",
        allow: [],
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(deepLinkRoute.POST), {
            method: "POST",
            path: "/api/lti/deep-link?to=https%3A%2F%2Flms.example",
            body: { request: randomId(), kind: "reading" },
          }),
      },
    ],
  }),
  entry({
    surface: "page",
    file: "app/lti/deep-link/[id]/page.tsx",
    export: "default",
    cases: [
      {
        // Only the instructor whose launch asked for content may answer it (not even an admin).
        name: "the instructor's content request for course A",
        allow: ["instructor"],
        visibleTo: ["instructor"],
        run: async (cell) => {
          const context = await linkCourseA(cell.world);
          const request = await prisma().ltiDeepLink.create({
            data: {
              registrationId: context.registrationId,
              deploymentId: context.deploymentId,
              userId: cell.world.users.instructor.id,
              courseId: cell.world.courseA.id,
              returnUrl: "https://lms.matrix.example/deep-link-return",
              acceptTypes: ["ltiResourceLink"],
              expiresAt: new Date(Date.now() + 60 * 60 * 1000),
            },
          });
          return callPage(cell.world, cell.caller, () => DeepLinkPage(page({ id: request.id })));
        },
      },
      {
        name: "a content request that names nothing",
        allow: [],
        probe: true,
        run: (cell) =>
          callPage(cell.world, cell.caller, () => DeepLinkPage(page({ id: randomId() }))),
      },
    ],
  }),
  entry({
    surface: "page",
    file: "app/courses/[id]/lti/page.tsx",
    export: "default",
    cases: [
      {
        name: "course A, linked to a platform",
        allow: ["instructor", "admin"],
        visibleTo: READERS.course,
        run: async (cell) => {
          await linkCourseA(cell.world);
          return callPage(cell.world, cell.caller, () =>
            CourseLtiPage({ params: Promise.resolve({ id: cell.world.courseA.id }) }),
          );
        },
      },
      {
        name: "course B, linked to nothing",
        allow: [],
        run: (cell) =>
          callPage(cell.world, cell.caller, () =>
            CourseLtiPage({ params: Promise.resolve({ id: cell.world.courseB.id }) }),
          ),
      },
      {
        name: "a course id that names nothing",
        allow: [],
        probe: true,
        run: (cell) =>
          callPage(cell.world, cell.caller, () =>
            CourseLtiPage({ params: Promise.resolve({ id: randomId() }) }),
          ),
      },
    ],
  }),
  entry({
    surface: "page",
    file: "app/assignments/[id]/lti/page.tsx",
    export: "default",
    cases: [
      {
        name: "the assignment of course A (linked)",
        allow: ["instructor", "admin"],
        run: async (cell) => {
          await linkCourseA(cell.world);
          return callPage(cell.world, cell.caller, () =>
            AssignmentLtiPage({ params: Promise.resolve({ id: cell.world.assignments.A }) }),
          );
        },
      },
      {
        name: "the assignment of course B (not linked)",
        allow: [],
        run: (cell) =>
          callPage(cell.world, cell.caller, () =>
            AssignmentLtiPage({ params: Promise.resolve({ id: cell.world.assignments.B }) }),
          ),
      },
    ],
  }),
  entry<{ courseId: string }>({
    surface: "action",
    file: "app/actions/lti-course.ts",
    export: "syncRosterAction",
    state: ({ fresh }) =>
      prisma().ltiContext.findUnique({
        where: { courseId: fresh.courseId },
        select: { lastRosterSyncAt: true },
      }),
    cases: [
      {
        name: "course A's roster from its platform",
        allow: ["instructor", "admin"],
        setup: async (world) => {
          await linkCourseA(world);
          return { courseId: world.courseA.id };
        },
        run: (cell) =>
          action(cell, () =>
            ltiCourseActions.syncRosterAction({}, formData({ courseId: cell.fresh.courseId })),
          ),
      },
      {
        name: "course B (linked to nothing)",
        allow: [],
        setup: async (world) => ({ courseId: world.courseB.id }),
        run: (cell) =>
          action(cell, () =>
            ltiCourseActions.syncRosterAction({}, formData({ courseId: cell.fresh.courseId })),
          ),
      },
    ],
  }),
  entry<{ assignmentId: string }>({
    surface: "action",
    file: "app/actions/lti-course.ts",
    export: "releaseGradesAction",
    state: ({ fresh }) =>
      prisma().ltiLineItem.findUnique({ where: { assignmentId: fresh.assignmentId } }),
    after: async () => {
      await prisma().ltiLineItem.deleteMany();
    },
    cases: [
      {
        name: "the grades of course A's assignment (creates the platform's column)",
        allow: ["instructor", "admin"],
        setup: async (world) => {
          await linkCourseA(world);
          await prisma().ltiLineItem.deleteMany();
          return { assignmentId: world.assignments.A };
        },
        run: (cell) =>
          action(cell, () =>
            ltiCourseActions.releaseGradesAction(
              {},
              formData({ assignmentId: cell.fresh.assignmentId }),
            ),
          ),
      },
      {
        name: "the grades of course B's assignment (not linked)",
        allow: [],
        setup: async (world) => ({ assignmentId: world.assignments.B }),
        run: (cell) =>
          action(cell, () =>
            ltiCourseActions.releaseGradesAction(
              {},
              formData({ assignmentId: cell.fresh.assignmentId }),
            ),
          ),
      },
    ],
  }),
  entry({
    surface: "action",
    file: "app/actions/lti-course.ts",
    export: "retryScoresAction",
    cases: [
      {
        name: "retrying course A's failed grades",
        allow: ["instructor", "admin"],
        run: async (cell) => {
          await linkCourseA(cell.world);
          return action(cell, () =>
            ltiCourseActions.retryScoresAction(
              {},
              formData({ assignmentId: cell.world.assignments.A }),
            ),
          );
        },
      },
      {
        name: "course B's assignment (not linked)",
        allow: [],
        run: (cell) =>
          action(cell, () =>
            ltiCourseActions.retryScoresAction(
              {},
              formData({ assignmentId: cell.world.assignments.B }),
            ),
          ),
      },
    ],
  }),
];
