import {
  expect,
  test,
  type Browser,
  type BrowserContextOptions,
  type Page,
} from "@playwright/test";
import { PlatformSimulator, ROLE, type SimUser } from "../support/lti-platform";
import { DEMO, expectNoAxeViolations, signIn } from "./support";

// LTI 1.3 from a simulated learning platform (tests/support/lti-platform.ts, node:http in this
// process) against the production build: an administrator registers the platform in the
// browser; the instructor adds a graded Memcon assignment through deep linking inside the
// platform's iframe; a learner's launch lands in the assignment inside the iframe; the
// instructor grades and releases, and the score reaches the platform's AGS endpoint. A second
// platform on another site (localhost vs 127.0.0.1) shows the "open in a new window" fallback.

const BASE = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000";
const DESKTOP: BrowserContextOptions = { viewport: { width: 1366, height: 900 } };
const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
};
const tool = {
  login: `${BASE}/api/lti/login`,
  launch: `${BASE}/api/lti/launch`,
  jwks: async () => (await fetch(`${BASE}/api/lti/jwks`)).json(),
};

const stamp = Date.now().toString(36);
const teacher: SimUser = {
  sub: `teacher-${stamp}`,
  name: "Hana Mori",
  email: `hana.${stamp}@school.example`,
  roles: [ROLE.instructor],
};
const learner: SimUser = {
  sub: `learner-${stamp}`,
  name: "Ada Brooks",
  email: `ada.${stamp}@school.example`,
  roles: [ROLE.learner],
};
const TITLE = `Liao and Ishibashi in the LMS ${stamp}`;

test.describe.configure({ mode: "serial" });

let sim: PlatformSimulator;
let crossSite: PlatformSimulator;

test.beforeAll(async () => {
  sim = await new PlatformSimulator(tool, "127.0.0.1").start();
  crossSite = await new PlatformSimulator(tool, "localhost").start();
});
test.afterAll(async () => {
  await sim.stop();
  await crossSite.stop();
});

async function registerInBrowser(page: Page, platform: PlatformSimulator, name: string) {
  await page.goto("/admin");
  await page.getByRole("link", { name: "Learning platforms (LTI)" }).click();
  await expect(page.getByRole("heading", { name: "Learning platforms (LTI 1.3)" })).toBeVisible();
  const form = page.locator("form", {
    has: page.getByRole("button", { name: "Register platform" }),
  });
  const values = { ...platform.registration, name };
  await form.getByLabel("Name").fill(values.name);
  await form.getByLabel("Issuer (iss)").fill(values.issuer);
  await form.getByLabel("Client id").fill(values.clientId);
  await form.getByLabel("Deployment ids").fill(values.deploymentIds);
  await form.getByLabel("Authentication request URL").fill(values.authLoginUrl);
  await form.getByLabel("Access token URL").fill(values.authTokenUrl);
  await form.getByLabel("Public key set URL").fill(values.jwksUrl);
  const button = form.getByRole("button", { name: "Register platform" });
  await expect(button)
    .toBeInViewport({ ratio: 0 })
    .catch(() => button.scrollIntoViewIfNeeded());
  await button.click();
  await expect(page.getByRole("status").filter({ hasText: "Platform registered." })).toBeVisible();
  await expect(page.getByRole("heading", { name: new RegExp(name) })).toBeVisible();
}

async function newPage(browser: Browser, options: BrowserContextOptions) {
  const context = await browser.newContext(options);
  return { context, page: await context.newPage() };
}

const memconFrame = (page: Page) => page.frameLocator('iframe[title="Memcon"]');

test("an administrator registers the platform in the browser", async ({ browser }) => {
  const { context, page } = await newPage(browser, DESKTOP);
  await signIn(page, DEMO.admin);
  await registerInBrowser(page, sim, "Simulated LMS");
  await registerInBrowser(page, crossSite, "Simulated LMS on another site");
  // The form refuses nonsense with a sentence, not an error page.
  const form = page.locator("form", {
    has: page.getByRole("button", { name: "Register platform" }),
  });
  await form.getByLabel("Name").fill("Broken");
  await form.getByLabel("Issuer (iss)").fill("not a url");
  await form.getByRole("button", { name: "Register platform" }).click();
  await expect(
    form.getByText("The issuer must be a web address starting with https://."),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "test-results/lti-admin.png", fullPage: true });
  await context.close();
});

test("the instructor adds a graded assignment through deep linking, inside the platform's frame", async ({
  browser,
}) => {
  const { context, page } = await newPage(browser, DESKTOP);
  const hint = sim.plan({ user: teacher, messageType: "LtiDeepLinkingRequest" });
  await page.goto(`${sim.origin}/course?launch=${hint}&title=Add%20content`);
  const frame = memconFrame(page);
  await expect(
    frame.getByRole("heading", { name: `Add Memcon to ${sim.contextTitle}` }),
  ).toBeVisible();
  const form = frame.locator("form", {
    has: frame.getByRole("heading", { name: "A new assignment" }),
  });
  await form.getByLabel("Title").fill(TITLE);
  await form.getByLabel("Reading").selectOption({ index: 0 });
  await form.getByLabel("From turn").fill("1");
  await form.getByLabel("to turn").fill("5");
  await form.getByLabel(/^Due/).fill("2027-12-20T17:00");
  await page.screenshot({ path: "test-results/lti-deep-link-picker.png" });
  const add = form.getByRole("button", { name: "Create and add the assignment" });
  await add.scrollIntoViewIfNeeded();
  await expect(add).toBeInViewport();
  await add.click();
  // Memcon's signed answer goes back to the platform, which lists the new graded link.
  await expect(frame.getByRole("heading", { name: "Content added" })).toBeVisible();
  await expect(frame.getByText(`${TITLE} (graded)`)).toBeVisible();
  expect(sim.received.links).toEqual([
    expect.objectContaining({ title: TITLE, custom: { memcon_assignment: expect.any(String) } }),
  ]);
  expect(sim.received.links[0]!.lineItem).toBeTruthy();
  await page.screenshot({ path: "test-results/lti-deep-link-returned.png" });
  await context.close();
});

for (const [device, options] of [
  ["1366x900", DESKTOP],
  ["390x844 touch", PHONE],
] as const) {
  test(`a learner's launch lands in the assignment inside the platform's iframe (${device})`, async ({
    browser,
  }) => {
    const { context, page } = await newPage(browser, options);
    const link = sim.received.links[0]!;
    const hint = sim.plan({ user: learner, custom: link.custom, lineItem: link.lineItem });
    await page.goto(`${sim.origin}/course?launch=${hint}&title=${encodeURIComponent(link.title)}`);
    const frame = memconFrame(page);
    await expect(frame.getByRole("heading", { name: TITLE, level: 1 })).toBeVisible();
    const open = frame.getByRole("link", { name: "Open the reading" });
    await expect(open).toBeVisible();
    await open.scrollIntoViewIfNeeded();
    await expect(open).toBeInViewport();
    await page.screenshot({ path: `test-results/lti-learner-iframe-${device.split(" ")[0]}.png` });
    // Inside the frame the learner reads on: the reader opens in the same frame.
    await open.click();
    await expect(frame.locator(".reader-assignment")).toContainText(TITLE);
    await context.close();
  });
}

test("the instructor grades and releases; the score reaches the platform's gradebook", async ({
  browser,
}) => {
  const { context, page } = await newPage(browser, DESKTOP);
  const link = sim.received.links[0]!;
  // The instructor opens the assignment from the course (a resource-link launch).
  const hint = sim.plan({ user: teacher, custom: link.custom, lineItem: link.lineItem });
  await page.goto(`${sim.origin}/course?launch=${hint}`);
  const frame = memconFrame(page);
  await expect(frame.getByRole("heading", { name: TITLE, level: 1 })).toBeVisible();
  // Same site, so the session also works at the top level: grade there, as on a wide screen.
  await page.goto(`/assignments/${link.custom.memcon_assignment}`);
  await page.getByRole("link", { name: "Ada Brooks" }).first().click();
  await page.getByLabel("Quality").selectOption("2");
  await page.getByLabel("Comment to the student").fill("Close reading of Liao's opening.");
  await page.getByRole("button", { name: "Save grade" }).click();
  await expect(page.getByRole("status").filter({ hasText: /saved/i })).toBeVisible();
  await page.goto(`/assignments/${link.custom.memcon_assignment}`);
  await page.getByRole("link", { name: "Grades in Simulated LMS" }).click();
  const release = page.getByRole("button", { name: "Release grades to Simulated LMS" });
  await expect(release).toBeInViewport();
  await release.click();
  await expect(
    page.getByRole("status").filter({ hasText: "1 grade sent to the platform." }),
  ).toBeVisible();
  const row = page.getByRole("row", { name: /Ada Brooks/ });
  await expect(row).toContainText("sent");
  await expect(row).toContainText("2 / 4");
  expect(sim.received.scores).toEqual([
    {
      lineItem: link.lineItem,
      body: expect.objectContaining({
        userId: learner.sub,
        scoreGiven: 2,
        scoreMaximum: 4,
        gradingProgress: "FullyGraded",
        comment: "Close reading of Liao's opening.",
      }),
    },
  ]);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "test-results/lti-grades-released.png", fullPage: true });
  await context.close();
});

test("a platform on another site, whose frame drops Memcon's cookie, gets a new window that keeps the session", async ({
  browser,
}) => {
  const { context, page } = await newPage(browser, PHONE);
  const hint = crossSite.plan({ user: { ...teacher, sub: `x-${teacher.sub}` } });
  await page.goto(`${crossSite.origin}/course?launch=${hint}`);
  const frame = memconFrame(page);
  const open = frame.getByRole("link", { name: "Open in a new window" });
  await expect(open).toBeVisible();
  await expect(open).toBeInViewport();
  await page.screenshot({ path: "test-results/lti-new-window-offer.png" });
  // A click, not a tap: Debian's Chromium 150 opens no window for a tap emulated through the
  // DevTools protocol inside a cross-site frame (the same test on the previous release's code
  // fails the same way), while a click on the same visible link does. A real finger is a
  // trusted tap; what is tested is that the link is offered in view and opens the window.
  const [popup] = await Promise.all([context.waitForEvent("page"), open.click()]);
  await expect(
    popup.getByRole("heading", { name: crossSite.contextTitle, level: 1 }),
  ).toBeVisible();
  await popup.screenshot({ path: "test-results/lti-new-window-course.png" });
  await context.close();
});

test("a hostile launch inside the frame is refused with a clear page", async ({ browser }) => {
  const { context, page } = await newPage(browser, DESKTOP);
  const hint = sim.plan({
    user: teacher,
    tamper: (claims) => ({ ...claims, aud: "another-tool", azp: "another-tool" }),
  });
  await page.goto(`${sim.origin}/course?launch=${hint}`);
  const frame = memconFrame(page);
  await expect(frame.getByRole("heading", { name: "Memcon could not open" })).toBeVisible();
  await expect(frame.getByRole("alert")).toContainText("meant for another tool");
  await page.screenshot({ path: "test-results/lti-refused.png" });
  await context.close();
});

test("Moodle-style Dynamic Registration runs inside the platform's frame and waits for an administrator", async ({
  browser,
}) => {
  const moodle = await new PlatformSimulator(tool, "127.0.0.1").start();
  try {
    const { context, page } = await newPage(browser, DESKTOP);
    await page.goto(
      `${moodle.origin}/register-tool?tool=${encodeURIComponent(`${BASE}/api/lti/register`)}`,
    );
    const frame = page.frameLocator('iframe[title="Tool registration"]');
    await expect(
      frame.getByRole("heading", { name: /Register Memcon with 127\.0\.0\.1/ }),
    ).toBeVisible();
    await frame.getByRole("button", { name: "Register Memcon" }).click();
    // Memcon's page tells the platform to close it (its script runs under the page's CSP nonce).
    await expect(page.getByRole("status")).toHaveText("The tool closed its registration window.");
    expect(moodle.received.registrations).toHaveLength(1);
    await page.screenshot({ path: "test-results/lti-dynamic-registration.png" });

    // An administrator sees it switched off, and enables it.
    await signIn(page, DEMO.admin);
    await page.goto("/admin/lti");
    const card = page.getByRole("listitem").filter({ hasText: moodle.issuer });
    await expect(card).toContainText("launches switched off");
    await card.getByRole("button", { name: /^Enable / }).click();
    await expect(card).toContainText("launches enabled");
    await context.close();
  } finally {
    await moodle.stop();
  }
});
