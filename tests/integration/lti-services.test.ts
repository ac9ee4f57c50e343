import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as deepLinkRoute from "@/app/api/lti/deep-link/route";
import { setGrade } from "@/lib/assignments/students";
import { loadViewer } from "@/lib/auth/load-viewer";
import { getPrisma } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { listContentFiles, loadContentFiles } from "@/lib/library/load-content";
import { gradeSyncStatus, releaseGrades, retryScores } from "@/lib/lti/grades";
import { syncCourseRoster } from "@/lib/lti/roster";
import { registerDynamically } from "@/lib/lti/dynamic-registration";
import { PlatformSimulator, ROLE, type SimUser } from "@/tests/support/lti-platform";
import { formField, fullLaunch, launch, MEMCON, register, tool } from "@/tests/support/lti-flow";
import { inRequest } from "@/tests/support/next-request";

// LTI Advantage services against the simulated platform: Deep Linking (the instructor's choice
// comes back signed, with a line item when graded), Names and Role Provisioning (roster sync),
// Assignment and Grade Services (released grades reach the platform, with retries and a status
// per student), and Dynamic Registration.

vi.mock("next/headers", () => import("@/tests/support/next-request"));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
process.env.AUTH_SECRET ??= "lti-test-secret-0123456789abcdef0123";

const prisma = getPrisma();
const SLUG = "1959-09-14-liao-ishibashi-third-conversation";
let sim: PlatformSimulator;

const teacher: SimUser = {
  sub: "t-1",
  name: "Hana Mori",
  email: "hana@school.example",
  roles: [ROLE.instructor],
};
const ada: SimUser = {
  sub: "s-ada",
  name: "Ada Brooks",
  email: "ada@school.example",
  roles: [ROLE.learner],
};
const ben: SimUser = {
  sub: "s-ben",
  name: "Ben Okafor",
  email: "ben@school.example",
  roles: [ROLE.learner],
};
const cleo: SimUser = { sub: "s-cleo", name: "Cleo Park", roles: [ROLE.learner] };

async function viewerFor(sub: string) {
  const link = await prisma.ltiUserLink.findUniqueOrThrow({
    where: { issuer_subject: { issuer: sim.issuer, subject: sub } },
  });
  return (await loadViewer(prisma, link.userId))!;
}

/** The instructor's choice in the picker, posted as the browser does, with their session. */
async function choose(cookie: string, fields: Record<string, string>, to = sim.origin) {
  const headers = { cookie, "content-type": "application/x-www-form-urlencoded" };
  const { value } = await inRequest(headers, () =>
    deepLinkRoute.POST(
      new Request(`${MEMCON}/api/lti/deep-link?to=${encodeURIComponent(to)}`, {
        method: "POST",
        headers,
        body: new URLSearchParams(fields),
      }),
    ),
  );
  return value;
}

async function deepLink() {
  const result = await fullLaunch(sim, { user: teacher, messageType: "LtiDeepLinkingRequest" });
  const id = new URL(result.target!).pathname.split("/").pop()!;
  expect(result.target).toBe(`${MEMCON}/lti/deep-link/${id}`);
  return { id, cookie: result.cookie };
}

/** The browser posts the signed answer to the platform; the platform checks Memcon's signature. */
async function returnToPlatform(answer: Response) {
  expect(answer.status, await answer.clone().text()).toBe(200);
  const page = await answer.text();
  expect(page).toContain(`action="${sim.origin}/deep-link-return"`);
  const returned = await fetch(`${sim.origin}/deep-link-return`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ JWT: formField(page, "JWT") }),
  });
  expect(returned.status).toBe(200);
  return sim.received.deepLinks.at(-1)!;
}

beforeAll(async () => {
  await loadContentFiles(
    prisma,
    listContentFiles("content").filter((file) => file.includes(SLUG)),
  );
  sim = await new PlatformSimulator(tool).start();
  await register(sim);
});
afterAll(() => sim.stop());

describe("Deep Linking", () => {
  let assignmentId: string;

  it("an instructor makes a new graded assignment; the platform receives it signed, with a line item", async () => {
    const { id, cookie } = await deepLink();
    const received = await returnToPlatform(
      await choose(cookie, {
        request: id,
        kind: "new",
        title: "Liao and Ishibashi, third conversation",
        documentSlug: SLUG,
        passageFrom: "1",
        passageTo: "5",
        dueAt: "2027-12-20T17:00",
        timeZone: "UTC",
      }),
    );
    expect(received.data).toBe("sim-opaque-data");
    expect(received.items).toHaveLength(1);
    const item = received.items[0]!;
    assignmentId = (item.custom as Record<string, string>).memcon_assignment!;
    const assignment = await prisma.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    expect(assignment).toMatchObject({
      title: "Liao and Ishibashi, third conversation",
      firstAnchor: 1,
      lastAnchor: 5,
    });
    expect(item).toMatchObject({
      type: "ltiResourceLink",
      title: "Liao and Ishibashi, third conversation",
      url: `${MEMCON}/api/lti/launch`,
      lineItem: {
        scoreMaximum: 4,
        label: "Liao and Ishibashi, third conversation",
        resourceId: assignmentId,
      },
    });
    // The request is answered once.
    const again = await choose(cookie, { request: id, kind: "assignment", assignmentId });
    expect(again.status).toBe(410);
  });

  it("an existing assignment, and a passage without a grade", async () => {
    const first = await deepLink();
    const existing = await returnToPlatform(
      await choose(first.cookie, { request: first.id, kind: "assignment", assignmentId }),
    );
    expect(existing.items[0]).toMatchObject({
      custom: { memcon_assignment: assignmentId },
      lineItem: { scoreMaximum: 4 },
    });
    const second = await deepLink();
    const reading = await returnToPlatform(
      await choose(second.cookie, {
        request: second.id,
        kind: "reading",
        documentSlug: SLUG,
        passageFrom: "3",
        passageTo: "7",
      }),
    );
    expect(reading.items[0]).toMatchObject({
      custom: { memcon_document: SLUG, memcon_passage: "3-7" },
    });
    expect(reading.items[0]!.lineItem).toBeUndefined();
  });

  it("a bad choice goes back to the picker with the reason; nothing is signed", async () => {
    const { id, cookie } = await deepLink();
    const answer = await choose(cookie, {
      request: id,
      kind: "new",
      title: "x",
      documentSlug: SLUG,
      passageFrom: "",
      passageTo: "",
      dueAt: "",
      timeZone: "UTC",
    });
    expect(answer.status).toBe(303);
    const back = new URL(answer.headers.get("location")!);
    expect(back.pathname).toBe(`/lti/deep-link/${id}`);
    expect(back.searchParams.get("error")).toMatch(/title|due/i);
    expect(await prisma.ltiDeepLink.findUniqueOrThrow({ where: { id } })).toMatchObject({
      usedAt: null,
    });
  });

  it("an answer aimed at another origin than the platform's return URL is refused before anything is made", async () => {
    const { id, cookie } = await deepLink();
    const assignments = await prisma.assignment.count();
    const answer = await choose(
      cookie,
      {
        request: id,
        kind: "new",
        title: "Should not exist",
        documentSlug: SLUG,
        passageFrom: "",
        passageTo: "",
        dueAt: "2027-12-20T17:00",
        timeZone: "UTC",
      },
      "https://evil.example",
    );
    expect(answer.status).toBe(404);
    expect(await prisma.assignment.count()).toBe(assignments);
    expect(await prisma.ltiDeepLink.findUniqueOrThrow({ where: { id } })).toMatchObject({
      usedAt: null,
    });
  });

  it("a learner cannot add content, and nobody answers another instructor's request", async () => {
    const before = await prisma.ltiDeepLink.count();
    const { response } = await launch(sim, { user: ada, messageType: "LtiDeepLinkingRequest" });
    expect(response.status).toBe(403);
    expect(await prisma.ltiDeepLink.count()).toBe(before);

    const { id } = await deepLink();
    const other = await fullLaunch(sim, {
      user: { sub: "t-2", name: "Other", roles: [ROLE.instructor] },
    });
    const answer = await choose(other.cookie, { request: id, kind: "assignment", assignmentId });
    expect(answer.status).toBe(404);
    expect(await prisma.ltiDeepLink.findUniqueOrThrow({ where: { id } })).toMatchObject({
      usedAt: null,
    });
  });

  it("a learner launching the returned link lands in the assignment; the platform's line item is kept", async () => {
    const lineItem = `${sim.origin}/contexts/${sim.contextId}/lineitems/from-deep-link`;
    const result = await fullLaunch(sim, {
      user: ada,
      custom: { memcon_assignment: assignmentId },
      lineItem,
    });
    expect(result.target).toBe(`${MEMCON}/assignments/${assignmentId}`);
    expect(await prisma.ltiLineItem.findUniqueOrThrow({ where: { assignmentId } })).toMatchObject({
      url: lineItem,
    });
  });
});

describe("Names and Role Provisioning Services", () => {
  it("adds new students, marks dropped ones, and refuses students", async () => {
    sim.roster = [teacher, ada, ben, cleo];
    const course = (
      await prisma.ltiContext.findFirstOrThrow({ where: { contextId: sim.contextId } })
    ).courseId;
    const hana = await viewerFor(teacher.sub);
    const first = await syncCourseRoster(prisma, hana, course);
    expect(first).toMatchObject({ active: 4, dropped: 1 }); // "Other" (t-2) is not on the roster
    expect(first.added).toBe(2); // Ben and Cleo; Hana and Ada launched before
    const benLink = await prisma.ltiUserLink.findUniqueOrThrow({
      where: { issuer_subject: { issuer: sim.issuer, subject: ben.sub } },
    });
    expect(
      await prisma.membership.findUnique({
        where: { courseId_userId: { courseId: course, userId: benLink.userId } },
      }),
    ).toMatchObject({ role: "student" });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: benLink.userId } })).toMatchObject({
      email: ben.email,
      name: ben.name,
    });

    sim.roster = [teacher, ada, { ...cleo, status: "Inactive" }];
    const second = await syncCourseRoster(prisma, hana, course);
    expect(second).toMatchObject({ active: 2, added: 0, dropped: 2 });
    const entries = await prisma.ltiRosterEntry.findMany({ where: { status: "dropped" } });
    expect(entries.map((entry) => entry.userId)).toContain(benLink.userId);
    // Dropped students keep their membership and work.
    expect(
      await prisma.membership.count({ where: { courseId: course, userId: benLink.userId } }),
    ).toBe(1);
    // The token request carried the roster scope, proven by Memcon's signed assertion.
    expect(sim.received.tokenRequests.map((r) => r.scope)).toContain(
      "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
    );

    // An empty answer (a platform misbehaving) drops nobody.
    const activeBefore = await prisma.ltiRosterEntry.count({ where: { status: "active" } });
    sim.roster = [];
    expect(await syncCourseRoster(prisma, hana, course)).toMatchObject({ active: 0, dropped: 0 });
    expect(await prisma.ltiRosterEntry.count({ where: { status: "active" } })).toBe(activeBefore);

    await expect(syncCourseRoster(prisma, await viewerFor(ada.sub), course)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});

describe("the roster after an instructor's launch", () => {
  it("is synchronised in the background, without making the launch wait", async () => {
    const platform = await new PlatformSimulator(tool).start();
    try {
      await register(platform);
      const zed: SimUser = {
        sub: "zed",
        name: "Zed Quinn",
        email: "zed@school.example",
        roles: [ROLE.learner],
      };
      platform.roster = [{ ...teacher, sub: "t-bg" }, zed];
      await fullLaunch(platform, {
        user: { ...teacher, sub: "t-bg", email: "hana.bg@school.example" },
      });
      const context = await prisma.ltiContext.findFirstOrThrow({
        where: { contextId: platform.contextId },
      });
      const deadline = Date.now() + 10_000;
      let synced = null;
      while (!synced && Date.now() < deadline) {
        synced = (await prisma.ltiContext.findUniqueOrThrow({ where: { id: context.id } }))
          .lastRosterSyncAt;
        if (!synced) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(synced).not.toBeNull();
      const link = await prisma.ltiUserLink.findUniqueOrThrow({
        where: { issuer_subject: { issuer: platform.issuer, subject: "zed" } },
      });
      expect(
        await prisma.membership.findUnique({
          where: { courseId_userId: { courseId: context.courseId, userId: link.userId } },
        }),
      ).toMatchObject({ role: "student" });
    } finally {
      await platform.stop();
    }
  });
});

describe("Assignment and Grade Services", () => {
  it("released grades reach the platform with progress; failures are retried and shown per student", async () => {
    const link = await prisma.ltiLineItem.findFirstOrThrow();
    const hana = await viewerFor(teacher.sub);
    const adaUser = (await viewerFor(ada.sub)).userId;
    const graded = await setGrade(prisma, hana, link.assignmentId, adaUser, {
      quality: "2",
      completion: "complete",
      comment: "Good reading.",
    });
    expect(graded.ok).toBe(true);

    sim.failScores = 3; // every quick retry fails once more than allowed
    const failing = await releaseGrades(prisma, hana, link.assignmentId);
    expect(failing).toMatchObject({ queued: 1, sent: 0, failed: 1 });
    const status = await gradeSyncStatus(prisma, hana, link.assignmentId);
    const adaRow = status.students.find((student) => student.id === adaUser)!;
    expect(adaRow.sync).toMatchObject({
      status: "failed",
      attempts: 3,
      lastError: "The platform answered HTTP 503.",
    });
    expect(sim.received.scores).toHaveLength(0);

    const retried = await retryScores(prisma, hana, link.assignmentId);
    expect(retried).toEqual({ sent: 1, failed: 0 });
    expect(sim.received.scores).toEqual([
      {
        lineItem: link.url,
        body: expect.objectContaining({
          userId: ada.sub,
          scoreGiven: 3,
          scoreMaximum: 4,
          activityProgress: "Initialized",
          gradingProgress: "FullyGraded",
          comment: "Good reading.",
        }),
      },
    ]);
    const after = await gradeSyncStatus(prisma, hana, link.assignmentId);
    expect(after.students.find((student) => student.id === adaUser)!.sync).toMatchObject({
      status: "sent",
    });
    // Students cannot release grades.
    await expect(
      releaseGrades(prisma, await viewerFor(ada.sub), link.assignmentId),
    ).rejects.toThrow();
  });

  it("creates the line item when the platform named none", async () => {
    const hana = await viewerFor(teacher.sub);
    const assignment = await prisma.assignment.create({
      data: {
        courseId: (
          await prisma.ltiContext.findFirstOrThrow({ where: { contextId: sim.contextId } })
        ).courseId,
        documentId: (await prisma.document.findUniqueOrThrow({ where: { slug: SLUG } })).id,
        title: "Made in Memcon",
        instructions: {},
        instructionsHtml: "",
        opensAt: new Date("2026-01-01"),
        dueAt: new Date("2027-01-01"),
        timeZone: "UTC",
        createdById: hana.userId,
      },
    });
    const result = await releaseGrades(prisma, hana, assignment.id);
    expect(result.queued).toBe(0);
    expect(sim.received.lineItems.at(-1)).toMatchObject({
      label: "Made in Memcon",
      scoreMaximum: 4,
      resourceId: assignment.id,
    });
    expect(
      await prisma.ltiLineItem.findUniqueOrThrow({ where: { assignmentId: assignment.id } }),
    ).toMatchObject({
      url: sim.received.lineItems.at(-1)!.id,
    });
  });
});

describe("Dynamic Registration", () => {
  it("registers with the platform's configuration and starts switched off", async () => {
    const platform = await new PlatformSimulator(tool).start();
    try {
      const row = await registerDynamically(
        prisma,
        {
          openid_configuration: `${platform.origin}/.well-known/openid-configuration`,
          registration_token: "registration-token-1",
        },
        MEMCON,
      );
      const saved = await prisma.ltiRegistration.findUniqueOrThrow({ where: { id: row.id } });
      expect(saved).toMatchObject({
        issuer: platform.issuer,
        clientId: platform.clientId,
        deploymentIds: [platform.deploymentId],
        authLoginUrl: `${platform.origin}/auth`,
        jwksUrl: `${platform.origin}/jwks`,
        enabled: false,
      });
      const sent = platform.received.registrations[0]!;
      expect(sent).toMatchObject({
        initiate_login_uri: `${MEMCON}/api/lti/login`,
        redirect_uris: [`${MEMCON}/api/lti/launch`],
        jwks_uri: `${MEMCON}/api/lti/jwks`,
      });
      await expect(
        registerDynamically(
          prisma,
          {
            openid_configuration: `${platform.origin}/.well-known/openid-configuration`,
            registration_token: "wrong",
          },
          MEMCON,
        ),
      ).rejects.toThrow(/refused/);
    } finally {
      await platform.stop();
    }
  });
});
