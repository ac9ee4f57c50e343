import { expect, test, type Page } from "@playwright/test";
import { DEVICES, expectInViewport, useDevice } from "./devices";
import { DEMO, expectNoAxeViolations, signIn } from "./support";

// Every page, at a phone's, a tablet's and a laptop's width: nothing wider than the window (no
// sideways scrolling), the header's links reachable, and axe (WCAG 2.2 AA) clean on the phone and
// the laptop. Pages with ids are found by following the links a person would follow.

type Who = "anonymous" | "student" | "instructor" | "admin";
interface PageToCheck {
  name: string;
  who: Who;
  path: string;
}

const USERS = {
  student: DEMO.ada,
  instructor: DEMO.instructor,
  admin: DEMO.admin,
} as const;

const FIXED: PageToCheck[] = [
  { name: "library", who: "anonymous", path: "/" },
  { name: "library timeline", who: "anonymous", path: "/?view=timeline" },
  { name: "library search", who: "anonymous", path: "/?q=security+treaty" },
  { name: "sign in", who: "anonymous", path: "/signin" },
  { name: "sign up", who: "anonymous", path: "/signup" },
  { name: "check your email", who: "anonymous", path: "/signin/check-email" },
  { name: "not found", who: "anonymous", path: "/documents/no-such-document" },
  { name: "join a course", who: "student", path: `/join/${DEMO.joinCode}` },
  { name: "courses", who: "student", path: "/courses" },
  { name: "assignments", who: "student", path: "/assignments" },
  { name: "notifications", who: "student", path: "/notifications" },
  { name: "account", who: "student", path: "/account" },
  { name: "admin", who: "admin", path: "/admin" },
  { name: "people", who: "anonymous", path: "/people" },
  { name: "person", who: "anonymous", path: "/people/nobusuke-kishi" },
  { name: "person, searched", who: "anonymous", path: "/people/nobusuke-kishi?q=communist" },
  { name: "person (editor)", who: "admin", path: "/people/nobusuke-kishi" },
];

/** Links on `path` whose address matches `pattern`, as the instructor sees them. */
async function linksOn(page: Page, path: string, pattern: RegExp): Promise<string[]> {
  await page.goto(path);
  const hrefs = await page
    .locator("main a[href]")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  return [...new Set(hrefs.filter((href) => pattern.test(href)))];
}

/** The pages with ids: documents, a collection, the course and its assignment pages. */
async function discoverPages(page: Page): Promise<PageToCheck[]> {
  const found: PageToCheck[] = [];
  const documents = await linksOn(page, "/", /^\/documents\/[^/?#]+$/);
  for (const path of documents) found.push({ name: `reader ${path}`, who: "student", path });
  const [collection] = await linksOn(page, "/", /^\/collections\//);
  if (collection) found.push({ name: "collection", who: "anonymous", path: collection });
  await signIn(page, USERS.instructor);
  const [course] = await linksOn(page, "/courses", /^\/courses\/[^/]+$/);
  expect(course, "the instructor has a course").toBeTruthy();
  found.push({ name: "course", who: "instructor", path: course! });
  found.push({
    name: "new assignment",
    who: "instructor",
    path: `${course}/assignments/new?document=1959-09-14-liao-ishibashi-third-conversation`,
  });
  found.push({ name: "course audit log", who: "instructor", path: `${course}/audit` });
  const [assignment] = await linksOn(page, course!, /^\/assignments\/[^/]+$/);
  if (assignment) {
    found.push({ name: "assignment dashboard", who: "instructor", path: assignment });
    found.push({ name: "edit assignment", who: "instructor", path: `${assignment}/edit` });
    const [student] = await linksOn(page, assignment, /^\/assignments\/[^/]+\/students\//);
    if (student) found.push({ name: "a student's work", who: "instructor", path: student });
    found.push({ name: "assignment (student)", who: "student", path: assignment });
  }
  await page.context().clearCookies();
  return found;
}

let pages: PageToCheck[] = [];
test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  pages = [...FIXED, ...(await discoverPages(page))];
  await page.close();
});

/** Elements sticking out of the window on the right, for a readable failure. */
function overflowing(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > width + 1)
      .filter((element) => !element.closest(".selection-adder, [aria-hidden='true']"))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
  });
}

for (const device of DEVICES) {
  test.describe(`every page at ${device.viewport.width} px`, () => {
    test.use(useDevice(device));

    test("fits the window, has a usable header, and (phone, laptop) passes axe", async ({
      page,
    }) => {
      test.setTimeout(240_000);
      const checkAxe = device.name !== "tablet";
      for (const who of ["anonymous", "student", "instructor", "admin"] as const) {
        const mine = pages.filter((entry) => entry.who === who);
        if (mine.length === 0) continue;
        await page.context().clearCookies();
        if (who !== "anonymous") await signIn(page, USERS[who]);
        for (const entry of mine) {
          await test.step(`${entry.name} (${entry.path})`, async () => {
            await page.goto(entry.path);
            await page.waitForLoadState("load");
            const width = await page.evaluate(() => document.documentElement.scrollWidth);
            expect(
              width,
              `${entry.name} is no wider than the window; sticking out: ${(await overflowing(page)).join(", ")}`,
            ).toBeLessThanOrEqual(device.viewport.width);
            const menu = page.getByRole("button", { name: /^Menu/ });
            if (await menu.isVisible()) await expectInViewport(menu);
            else
              await expectInViewport(
                page
                  .getByRole("navigation", { name: "Site" })
                  .getByRole("link", { name: "Library" }),
              );
            if (checkAxe) await expectNoAxeViolations(page);
          });
        }
      }
    });
  });
}
