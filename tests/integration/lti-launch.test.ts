import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generateKeyPair, SignJWT } from "jose";
import * as launchRoute from "@/app/api/lti/launch/route";
import * as loginRoute from "@/app/api/lti/login/route";
import * as openRoute from "@/app/lti/open/route";
import * as jwksRoute from "@/app/api/lti/jwks/route";
import * as canvasRoute from "@/app/api/lti/canvas.json/route";
import { loadViewer } from "@/lib/auth/load-viewer";
import {
  adminViewer,
  fullLaunch as flowFullLaunch,
  login as flowLogin,
  MEMCON,
  postLaunch as flowPostLaunch,
  register,
  tool,
  unescapeHtml,
} from "@/tests/support/lti-flow";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { createAssignment } from "@/lib/assignments/service";
import { getPrisma } from "@/lib/db";
import { FRAME_COOKIE, frameAncestorsFor } from "@/lib/lti/frame";
import { rotateKey } from "@/lib/lti/keys";
import { listContentFiles, loadContentFiles } from "@/lib/library/load-content";
import { inRequest } from "@/tests/support/next-request";
import {
  PlatformSimulator,
  ROLE,
  type PlannedLaunch,
  type SimUser,
} from "@/tests/support/lti-platform";
import canvasFixture from "@/tests/fixtures/lti/canvas-launch.json";
import moodleFixture from "@/tests/fixtures/lti/moodle-launch.json";

// Full LTI 1.3 launches from a simulated platform (tests/support/lti-platform.ts) through
// Memcon's own route handlers: login, the platform's authorization endpoint over HTTP, the
// launch, the landing; then every hostile launch of issue #21, each refused with a clear page
// and nothing created.

vi.mock("next/headers", () => import("@/tests/support/next-request"));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
process.env.AUTH_SECRET ??= "lti-test-secret-0123456789abcdef0123";

const prisma = getPrisma();
const SLUG = "1959-09-14-liao-ishibashi-third-conversation";
let sim: PlatformSimulator;
let registrationId: string;

const instructor: SimUser = {
  sub: "inst-1",
  name: "Hana Mori",
  email: "hana.lti@school.example",
  roles: [ROLE.instructor],
};
const learner: SimUser = {
  sub: "learner-1",
  name: "Ada Brooks",
  email: "ada.lti@school.example",
  roles: [ROLE.learner],
};

const unescape = unescapeHtml;
const login = (hint: string) => flowLogin(sim, hint);
const postLaunch = (fields: Record<string, string>) => flowPostLaunch(sim, fields);
const fullLaunch = (planned: PlannedLaunch, options?: { dest?: string }) =>
  flowFullLaunch(sim, planned, options);

async function counts() {
  const [users, courses, memberships, sessions, links, contexts, launches, roster] =
    await Promise.all([
      prisma.user.count(),
      prisma.course.count(),
      prisma.membership.count(),
      prisma.session.count(),
      prisma.ltiUserLink.count(),
      prisma.ltiContext.count(),
      prisma.ltiLaunch.count(),
      prisma.ltiRosterEntry.count(),
    ]);
  return { users, courses, memberships, sessions, links, contexts, launches, roster };
}

/**
 * The counts once nothing is still landing: an instructor's launch synchronises the roster in the
 * background (app/api/lti/launch/route.ts), and an earlier test's sync finishing mid-test changed
 * the roster between a "before" and an "after" (seen once in CI).
 */
async function settledCounts() {
  let last = JSON.stringify(await counts());
  for (let round = 0; round < 20; round++) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const now = JSON.stringify(await counts());
    if (now === last) break;
    last = now;
  }
  return counts();
}

beforeAll(async () => {
  await loadContentFiles(
    prisma,
    listContentFiles("content").filter((file) => file.includes(SLUG)),
  );
  sim = await new PlatformSimulator(tool).start();
  registrationId = await register(sim);
});
afterAll(() => sim.stop());

describe("a launch from the simulated platform", () => {
  it("the first instructor launch creates the course, links the account and opens it in the frame", async () => {
    const result = await fullLaunch({ user: instructor });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: instructor.email } });
    expect(user.name).toBe("Hana Mori");
    const context = await prisma.ltiContext.findFirstOrThrow({
      where: { contextId: sim.contextId },
      include: { course: { include: { memberships: true } } },
    });
    expect(context.course.title).toBe(sim.contextTitle);
    expect(context.course.memberships).toEqual([
      expect.objectContaining({ userId: user.id, role: "instructor" }),
    ]);
    expect(context.membershipsUrl).toBe(`${sim.origin}/contexts/${sim.contextId}/memberships`);
    expect(context.lineItemsUrl).toBe(`${sim.origin}/contexts/${sim.contextId}/lineitems`);
    expect(result.target).toBe(`${MEMCON}/courses/${context.courseId}`);
    // The session cookie and the frame note; over HTTP they stay SameSite=Lax.
    expect(result.cookies.join("\n")).toContain(FRAME_COOKIE);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
    // The landing may be framed by the platform (its origin, from the signed note).
    const frame = await frameAncestorsFor({
      pathname: result.landing.pathname,
      searchParams: result.landing.searchParams,
      headers: new Headers({ "sec-fetch-dest": "iframe" }),
      cookie: () => undefined,
    });
    expect(frame).toEqual([sim.origin]);
    // Top-level, the same page keeps frame-ancestors 'none'.
    expect(
      await frameAncestorsFor({
        pathname: result.landing.pathname,
        searchParams: result.landing.searchParams,
        headers: new Headers({ "sec-fetch-dest": "document" }),
        cookie: () => undefined,
      }),
    ).toBeNull();
  });

  it("a learner's launch of an assignment link joins the course as a student and lands in the assignment", async () => {
    const context = await prisma.ltiContext.findFirstOrThrow({
      where: { contextId: sim.contextId },
    });
    const teacher = await prisma.user.findUniqueOrThrow({ where: { email: instructor.email } });
    const created = await createAssignment(
      prisma,
      (await loadViewer(prisma, teacher.id))!,
      context.courseId,
      {
        title: "Read the third conversation",
        documentSlug: SLUG,
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
      },
    );
    if (!created.ok) throw new Error(created.error);
    const result = await fullLaunch({
      user: learner,
      custom: { memcon_assignment: created.value.id },
      lineItem: `${sim.origin}/contexts/${sim.contextId}/lineitems/li-1`,
    });
    expect(result.target).toBe(`${MEMCON}/assignments/${created.value.id}`);
    const student = await prisma.user.findUniqueOrThrow({ where: { email: learner.email } });
    expect(
      await prisma.membership.findUnique({
        where: { courseId_userId: { courseId: context.courseId, userId: student.id } },
      }),
    ).toMatchObject({ role: "student" });
    // The line item the platform named for this link is kept for grade passback.
    expect(
      await prisma.ltiLineItem.findUnique({ where: { assignmentId: created.value.id } }),
    ).toMatchObject({
      url: `${sim.origin}/contexts/${sim.contextId}/lineitems/li-1`,
    });
  });

  it("a reading link opens the document at the passage's first turn", async () => {
    const result = await fullLaunch({
      user: learner,
      custom: { memcon_document: SLUG, memcon_passage: "3-7" },
    });
    expect(result.target).toBe(`${MEMCON}/documents/${SLUG}#t-3`);
  });

  it("refuses links to a reading that does not exist or an assignment of another course, creating nothing", async () => {
    const other = await prisma.course.create({
      data: {
        title: "Elsewhere",
        term: "",
        joinCode: `ELSE${Date.now()}`,
        createdById: (await adminViewer()).userId,
      },
    });
    const document = await prisma.document.findUniqueOrThrow({ where: { slug: SLUG } });
    const foreign = await prisma.assignment.create({
      data: {
        courseId: other.id,
        documentId: document.id,
        title: "Not this course's",
        instructions: {},
        instructionsHtml: "",
        opensAt: new Date("2026-01-01"),
        dueAt: new Date("2027-01-01"),
        timeZone: "UTC",
        createdById: (await adminViewer()).userId,
      },
    });
    for (const [custom, message] of [
      [{ memcon_document: "no-such-reading" }, /reading that does not exist/],
      [{ memcon_assignment: foreign.id }, /not part of this course/],
    ] as const) {
      const newcomer = { sub: `new-${Math.random()}`, name: "Newcomer", roles: [ROLE.learner] };
      const { location } = await login(sim.plan({ user: newcomer, custom: { ...custom } }));
      const page = await (await fetch(location)).text();
      const field = (name: string) =>
        unescape(page.match(new RegExp(`name="${name}" value="([^"]+)"`))![1]!);
      const before = await settledCounts();
      const response = await postLaunch({ id_token: field("id_token"), state: field("state") });
      expect(response.status).toBe(404);
      expect(await response.text()).toMatch(message);
      expect(await counts()).toEqual(before);
    }
  });

  it("a teaching assistant teaches; the same person launching again reuses the account", async () => {
    const ta: SimUser = { sub: "ta-1", name: "Tom Assistant", roles: [ROLE.ta] };
    await fullLaunch({ user: ta });
    await fullLaunch({ user: ta });
    const links = await prisma.ltiUserLink.findMany({ where: { subject: "ta-1" } });
    expect(links).toHaveLength(1);
    const context = await prisma.ltiContext.findFirstOrThrow({
      where: { contextId: sim.contextId },
    });
    expect(
      await prisma.membership.findUnique({
        where: { courseId_userId: { courseId: context.courseId, userId: links[0]!.userId } },
      }),
    ).toMatchObject({ role: "instructor" });
  });

  it("a browser that already holds the person's session keeps it instead of opening another", async () => {
    const first = await fullLaunch({ user: instructor });
    const user = await prisma.ltiUserLink.findFirstOrThrow({ where: { subject: instructor.sub } });
    const sessions = await prisma.session.count({ where: { userId: user.userId } });
    const { location } = await login(sim.plan({ user: instructor }));
    const page = await (await fetch(location)).text();
    const field = (name: string) =>
      unescape(page.match(new RegExp(`name="${name}" value="([^"]+)"`))![1]!);
    const again = await launchRoute.POST(
      new Request(`${MEMCON}/api/lti/launch`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          cookie: `${sessionCookieName()}=${first.token}`,
        },
        body: new URLSearchParams({ id_token: field("id_token"), state: field("state") }),
      }),
    );
    expect(again.status).toBe(303);
    expect(again.headers.getSetCookie().join()).not.toContain(`${sessionCookieName()}=`);
    expect(again.headers.getSetCookie().join()).toContain(FRAME_COOKIE);
    expect(await prisma.session.count({ where: { userId: user.userId } })).toBe(sessions);
  });

  it("under HTTPS the launch's cookies are SameSite=None; Secure; Partitioned (kept inside a third-party frame)", async () => {
    // The platform was given Memcon's http:// test addresses; the launch is served as HTTPS.
    const { location } = await login(sim.plan({ user: learner }));
    const page = await (await fetch(location)).text();
    const field = (name: string) =>
      unescape(page.match(new RegExp(`name="${name}" value="([^"]+)"`))![1]!);
    const previous = process.env.AUTH_URL;
    process.env.AUTH_URL = "https://memcon.test";
    try {
      const launched = await postLaunch({ id_token: field("id_token"), state: field("state") });
      expect(launched.status).toBe(303);
      expect(launched.headers.get("location")).toMatch(/^https:\/\/memcon\.test\/lti\/open\?/);
      const cookies = launched.headers.getSetCookie();
      const session = cookies.find((c) => c.startsWith("__Secure-memcon.session-token="))!;
      const frame = cookies.find((c) => c.startsWith(`${FRAME_COOKIE}=`))!;
      for (const cookie of [session, frame]) {
        expect(cookie).toMatch(/; Secure/i);
        expect(cookie).toMatch(/; SameSite=None/i);
        expect(cookie).toMatch(/; Partitioned/i);
        expect(cookie).toMatch(/; HttpOnly/i);
      }
    } finally {
      if (previous === undefined) delete process.env.AUTH_URL;
      else process.env.AUTH_URL = previous;
    }
  });

  it("links an existing Memcon account by the email the platform shares, but never an administrator's", async () => {
    const existing = await prisma.user.create({
      data: { email: "chen@school.example", name: "Chen" },
    });
    await fullLaunch({
      user: {
        sub: "chen-sub",
        name: "Chen Wei",
        email: "Chen@School.example",
        roles: [ROLE.learner],
      },
    });
    expect(
      (await prisma.ltiUserLink.findFirstOrThrow({ where: { subject: "chen-sub" } })).userId,
    ).toBe(existing.id);

    const admin = await adminViewer();
    await fullLaunch({
      user: {
        sub: "fake-admin",
        name: "Not Admin",
        email: "lti-admin@memcon.test",
        roles: [ROLE.learner],
      },
    });
    const link = await prisma.ltiUserLink.findFirstOrThrow({ where: { subject: "fake-admin" } });
    expect(link.userId).not.toBe(admin.userId);
  });

  it("without the session cookie in the frame, offers a new window whose one-time ticket opens a session there", async () => {
    const hint = sim.plan({ user: learner });
    const { location } = await login(hint);
    const page = await (await fetch(location)).text();
    const field = (name: string) =>
      unescape(page.match(new RegExp(`name="${name}" value="([^"]+)"`))![1]!);
    const launched = await postLaunch({ id_token: field("id_token"), state: field("state") });
    const landing = new URL(launched.headers.get("location")!);
    // The frame dropped the cookie: no session, inside an iframe.
    const framed = { "sec-fetch-dest": "iframe" };
    const { value: inFrame } = await inRequest(framed, () =>
      openRoute.GET(new Request(landing, { headers: framed })),
    );
    expect(inFrame.status).toBe(200);
    const html = await inFrame.text();
    expect(html).toContain("Open in a new window");
    expect(html).toContain('target="_blank"');
    // Top level (the new window): a session for the learner, then the page.
    const top = { "sec-fetch-dest": "document" };
    const { value: opened } = await inRequest(top, () =>
      openRoute.GET(new Request(landing, { headers: top })),
    );
    expect(opened.status).toBe(303);
    expect(opened.headers.getSetCookie().join()).toContain(sessionCookieName());
    // The ticket works once.
    const { value: again } = await inRequest(top, () =>
      openRoute.GET(new Request(landing, { headers: top })),
    );
    expect(again.status).toBe(410);
  });

  it("picks up a rotated platform key by fetching the key set again", async () => {
    await sim.rotateKey();
    // The cache was filled moments ago; let the refetch interval pass.
    await prisma.ltiRegistration.update({
      where: { id: registrationId },
      data: { jwksFetchedAt: new Date(Date.now() - 60_000) },
    });
    const before = sim.received.jwksFetches;
    const result = await fullLaunch({ user: instructor });
    expect(result.target).toMatch(/\/courses\//);
    expect(sim.received.jwksFetches).toBe(before + 1);
  });
});

describe("hostile launches are refused with a clear page and nothing created", () => {
  const other = async () => (await generateKeyPair("RS256")).privateKey;
  type Attack = [
    string,
    (launch: PlannedLaunch) => Promise<PlannedLaunch> | PlannedLaunch,
    RegExp,
    number,
  ];
  const attacks: Attack[] = [
    [
      "wrong issuer",
      (l) => ({ ...l, tamper: (c) => ({ ...c, iss: "https://evil.example" }) }),
      /another issuer/,
      401,
    ],
    [
      "wrong audience",
      (l) => ({ ...l, tamper: (c) => ({ ...c, aud: "someone-else", azp: "someone-else" }) }),
      /audience|authorized party/,
      401,
    ],
    [
      "another deployment",
      (l) => ({
        ...l,
        tamper: (c) => ({
          ...c,
          "https://purl.imsglobal.org/spec/lti/claim/deployment_id": "deployment-9",
        }),
      }),
      /deployment/,
      403,
    ],
    [
      "an expired token",
      (l) => ({
        ...l,
        tamper: (c) => ({
          ...c,
          iat: Math.floor(Date.now() / 1000) - 7200,
          exp: Math.floor(Date.now() / 1000) - 3600,
        }),
      }),
      /expired/,
      401,
    ],
    [
      "a bad signature (another key under the platform's kid)",
      async (l) => ({ ...l, signing: { key: await other() } }),
      /signature/,
      401,
    ],
    [
      "an unknown key id",
      async (l) => ({ ...l, signing: { key: await other(), kid: "not-published" } }),
      /key the platform does not publish/,
      401,
    ],
    ["alg none", (l) => ({ ...l, signing: { none: true } }), /public-key signatures/, 401],
    [
      "HS256 with the client id as the secret",
      (l) => ({
        ...l,
        signing: { alg: "HS256", key: new TextEncoder().encode(sim.clientId.padEnd(32, "x")) },
      }),
      /public-key signatures/,
      401,
    ],
    [
      "a nonce that is not the login's",
      (l) => ({ ...l, tamper: (c) => ({ ...c, nonce: "forged-nonce" }) }),
      /nonce/,
      401,
    ],
    [
      "an LTI 1.1 version",
      (l) => ({
        ...l,
        tamper: (c) => ({ ...c, "https://purl.imsglobal.org/spec/lti/claim/version": "1.1" }),
      }),
      /not a valid LTI 1.3 message/,
      400,
    ],
  ];

  it.each(attacks)("%s", async (_name, make, message, status) => {
    const launch = await make({
      user: {
        sub: `attacker-${Math.random()}`,
        name: "Mallory",
        email: `m${Math.random()}@x.example`,
        roles: [ROLE.instructor],
      },
    });
    const hint = sim.plan(launch);
    const { state, nonce } = await login(hint);
    const before = await counts();
    const response = await postLaunch({ id_token: await sim.idToken(launch, nonce), state });
    expect(response.status).toBe(status);
    const html = await response.text();
    expect(html).toContain("Memcon could not open");
    expect(html).toMatch(message);
    expect(html).toContain("Nothing was created");
    expect(html).not.toContain("eyJ"); // never the token
    expect(await counts()).toEqual(before);
  });

  it("a state Memcon never issued", async () => {
    const launch = { user: instructor };
    const hint = sim.plan(launch);
    const { nonce } = await login(hint);
    const before = await counts();
    const response = await postLaunch({
      id_token: await sim.idToken(launch, nonce),
      state: "made-up-state",
    });
    expect(response.status).toBe(401);
    expect(await response.text()).toMatch(/does not match a login Memcon started/);
    expect(await counts()).toEqual(before);
  });

  it("a replayed launch (same id_token and state), and the same token with a fresh state", async () => {
    const first = await fullLaunch({ user: instructor });
    const before = await counts();
    const replay = await postLaunch({ id_token: first.idToken, state: first.state });
    expect(replay.status).toBe(401);
    expect(await replay.text()).toMatch(/already used/);
    const { state } = await login(sim.plan({ user: instructor }));
    const withFreshState = await postLaunch({ id_token: first.idToken, state });
    expect(withFreshState.status).toBe(401);
    expect(await withFreshState.text()).toMatch(/nonce/);
    expect(await counts()).toEqual(before);
  });

  it("a learner before any instructor opened Memcon in that course", async () => {
    const fresh = new PlatformSimulator(tool);
    await fresh.start();
    try {
      await register(fresh);
      const before = await counts();
      const hint = fresh.plan({
        user: { sub: "early", name: "Early Bird", email: "early@x.example", roles: [ROLE.learner] },
      });
      const loginResponse = await loginRoute.GET(new Request(fresh.loginUrl(hint)));
      const location = new URL(loginResponse.headers.get("location")!);
      const page = await (await fetch(location)).text();
      const field = (name: string) =>
        unescape(page.match(new RegExp(`name="${name}" value="([^"]+)"`))![1]!);
      const response = await postLaunch({ id_token: field("id_token"), state: field("state") });
      expect(response.status).toBe(409);
      expect(await response.text()).toMatch(/your instructor opens it once/);
      expect(await counts()).toEqual(before);
    } finally {
      await fresh.stop();
    }
  });

  it("a role Memcon has no place for (Mentor only)", async () => {
    const before = await counts();
    const hint = sim.plan({ user: { sub: "mentor", name: "Parent", roles: [ROLE.mentor] } });
    const { location } = await login(hint);
    const page = await (await fetch(location)).text();
    const field = (name: string) =>
      unescape(page.match(new RegExp(`name="${name}" value="([^"]+)"`))![1]!);
    const response = await postLaunch({ id_token: field("id_token"), state: field("state") });
    expect(response.status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it("logins from an unregistered or switched-off platform, and malformed requests", async () => {
    const unknown = await loginRoute.GET(
      new Request(`${MEMCON}/api/lti/login?iss=https://unknown.example&login_hint=1`),
    );
    expect(unknown.status).toBe(403);
    expect(await unknown.text()).toMatch(/not registered with Memcon/);
    const empty = await loginRoute.GET(new Request(`${MEMCON}/api/lti/login`));
    expect(empty.status).toBe(400);
    const notForm = await launchRoute.POST(
      new Request(`${MEMCON}/api/lti/launch`, {
        method: "POST",
        body: "{}",
        headers: { "content-type": "application/json" },
      }),
    );
    expect(notForm.status).toBe(415);
    const noToken = await postLaunch({ state: "x" });
    expect(noToken.status).toBe(400);
    const garbage = await postLaunch({ id_token: "not.a.jwt", state: "x" });
    expect(garbage.status).toBe(400);
    expect(await garbage.text()).toMatch(/well-formed/);

    await prisma.ltiRegistration.update({
      where: { id: registrationId },
      data: { enabled: false },
    });
    try {
      const off = await loginRoute.GET(new Request(sim.loginUrl(sim.plan({ user: instructor }))));
      expect(off.status).toBe(403);
      expect(await off.text()).toMatch(/switched off/);
    } finally {
      await prisma.ltiRegistration.update({
        where: { id: registrationId },
        data: { enabled: true },
      });
    }
  });
});

describe("login limits", () => {
  it("refuses a network that floods the login (each login stores a state)", async () => {
    await prisma.rateLimit.create({
      data: { key: "lti-login:ip:10.66.0.1", windowStart: new Date(), count: 600 },
    });
    const states = await prisma.ltiLoginState.count();
    const flooded = await loginRoute.GET(
      new Request(sim.loginUrl(sim.plan({ user: instructor })), {
        headers: { "x-forwarded-for": "10.66.0.1" },
      }),
    );
    expect(flooded.status).toBe(429);
    expect(await flooded.text()).toMatch(/Too many launches/);
    expect(await prisma.ltiLoginState.count()).toBe(states);
  });
});

describe("launch payloads of real platforms validate", () => {
  it.each([
    [
      "Canvas",
      canvasFixture as Record<string, unknown>,
      "instructor",
      "https://zach.instructure.com",
    ],
    ["Moodle", moodleFixture as Record<string, unknown>, "student", "https://moodle.example.edu"],
  ] as const)("%s", async (_name, fixture, role, returnOrigin) => {
    // The fixture's own issuer, client id and deployment, with the simulator's keys.
    const platform = new PlatformSimulator(tool);
    await platform.start();
    try {
      await register(platform, {
        name: _name,
        issuer: String(fixture.iss),
        clientId: String(fixture.aud),
        deploymentIds: String(fixture["https://purl.imsglobal.org/spec/lti/claim/deployment_id"]),
      });
      const claimsOf = (nonce: string) => ({
        ...fixture,
        iat: Math.floor(Date.now() / 1000),
        exp: Math.floor(Date.now() / 1000) + 300,
        nonce,
      });
      const key = platform.keys[0]!;
      const login = await loginRoute.GET(
        new Request(
          `${MEMCON}/api/lti/login?${new URLSearchParams({ iss: String(fixture.iss), login_hint: String(fixture.sub), client_id: String(fixture.aud) })}`,
        ),
      );
      const location = new URL(login.headers.get("location")!);
      expect(location.origin + location.pathname).toBe(`${platform.origin}/auth`);
      const sign = (nonce: string) =>
        new SignJWT(claimsOf(nonce))
          .setProtectedHeader({ alg: "RS256", kid: key.kid })
          .sign(key.privateKey);
      // Moodle's learner needs the course to exist: an instructor of that context launches first.
      if (role === "student") {
        const teacherLogin = await loginRoute.GET(
          new Request(
            `${MEMCON}/api/lti/login?${new URLSearchParams({ iss: String(fixture.iss), login_hint: "2", client_id: String(fixture.aud) })}`,
          ),
        );
        const teacherLocation = new URL(teacherLogin.headers.get("location")!);
        const teacherToken = await new SignJWT({
          ...claimsOf(teacherLocation.searchParams.get("nonce")!),
          sub: "2",
          email: "teacher@moodle.example.edu",
          "https://purl.imsglobal.org/spec/lti/claim/roles": [ROLE.instructor],
        })
          .setProtectedHeader({ alg: "RS256", kid: key.kid })
          .sign(key.privateKey);
        const teacher = await postLaunch({
          id_token: teacherToken,
          state: teacherLocation.searchParams.get("state")!,
        });
        expect(teacher.status, await teacher.clone().text()).toBe(303);
      }
      const response = await postLaunch({
        id_token: await sign(location.searchParams.get("nonce")!),
        state: location.searchParams.get("state")!,
      });
      expect(response.status, await response.clone().text()).toBe(303);
      const user = await prisma.user.findUniqueOrThrow({
        where: { email: String(fixture.email).toLowerCase() },
      });
      const membership = await prisma.membership.findFirstOrThrow({ where: { userId: user.id } });
      expect(membership.role).toBe(role);
      // The platform's own pages (its return URL's origin) may frame the launch.
      const landing = new URL(response.headers.get("location")!);
      const frame = await frameAncestorsFor({
        pathname: landing.pathname,
        searchParams: landing.searchParams,
        headers: new Headers({ "sec-fetch-dest": "iframe" }),
        cookie: () => undefined,
      });
      expect(frame).toContain(returnOrigin);
    } finally {
      await platform.stop();
    }
  });
});

describe("Memcon's keys and configuration", () => {
  it("publishes its key set, and a rotated key joins it while the old one stays", async () => {
    const first = (await (await jwksRoute.GET()).json()) as { keys: { kid: string; d?: string }[] };
    expect(first.keys.length).toBeGreaterThan(0);
    expect(first.keys.every((key) => key.d === undefined)).toBe(true);
    const kid = await rotateKey(prisma);
    const second = (await (await jwksRoute.GET()).json()) as { keys: { kid: string }[] };
    expect(second.keys[0]!.kid).toBe(kid);
    expect(second.keys.map((key) => key.kid)).toEqual(
      expect.arrayContaining(first.keys.map((key) => key.kid)),
    );
  });

  it("serves the JSON configuration Canvas imports", async () => {
    const config = (await (
      await canvasRoute.GET(new Request(`${MEMCON}/api/lti/canvas.json`))
    ).json()) as Record<string, unknown>;
    expect(config).toMatchObject({
      title: "Memcon",
      oidc_initiation_url: `${MEMCON}/api/lti/login`,
      target_link_uri: `${MEMCON}/api/lti/launch`,
      public_jwk_url: `${MEMCON}/api/lti/jwks`,
    });
    expect(JSON.stringify(config)).toContain("LtiDeepLinkingRequest");
  });
});
