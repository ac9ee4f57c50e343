import * as ltiActions from "@/app/actions/lti";
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
import { randomId, ROLES } from "./world";

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
];
