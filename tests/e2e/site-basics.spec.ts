import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "./support";

// Small things a person meets in the first minute (issue #14): the site's icon, and the New
// assignment form staying inside the window once a document is chosen.

test("/favicon.ico is an icon, and pages name their SVG icon", async ({ page, request }) => {
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
  const bytes = await icon.body();
  // An ICO file: reserved 0, type 1 (icon), at least one image.
  expect([...bytes.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
  expect(bytes.readUInt16LE(4)).toBeGreaterThan(0);

  await page.goto("/");
  const svg = page.locator('head link[rel="icon"][type="image/svg+xml"]').first();
  const href = (await svg.getAttribute("href"))!;
  const answer = await request.get(href);
  expect(answer.status()).toBe(200);
  expect(answer.headers()["content-type"]).toMatch(/^image\/svg\+xml/);
});

/**
 * How far the page reaches past the window's right edge, in CSS pixels (0 when it fits): the
 * page's scroll width, and the right edge of every element in <main>.
 */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const edges = [...document.querySelectorAll("main *")].map(
      (element) => element.getBoundingClientRect().right - width,
    );
    return Math.max(0, document.documentElement.scrollWidth - width, ...edges.map(Math.ceil));
  });

for (const size of [
  { name: "desktop", use: { viewport: { width: 1366, height: 900 } } },
  { name: "phone", use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
] as const) {
  test.describe(size.name, () => {
    test.use(size.use);

    test("the New assignment form stays inside the window once a document is chosen", async ({
      page,
    }) => {
      await signIn(page, DEMO.instructor);
      await page.goto("/courses");
      await page.getByRole("link", { name: DEMO.course }).click();
      await page.getByRole("link", { name: "New assignment" }).click();
      const select = page.getByLabel("Document", { exact: true });
      await expect(select).toBeVisible();
      expect(await overflow(page)).toBe(0);
      // The longest title in the library.
      await select.selectOption({
        label:
          "1959-09-14 · Record of the Third Conversation between Comrade Liao Chengzhi and Ishibashi Tanzan",
      });
      await expect(page.getByText("(this document: ")).toBeVisible();
      expect(await overflow(page)).toBe(0);
      // Nothing of the form is cut off at the right either.
      for (const control of [select, page.getByLabel("From turn"), page.getByLabel("To turn")]) {
        const box = (await control.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(size.use.viewport.width);
      }
      await page.screenshot({
        path: `test-results/new-assignment-${size.name}.png`,
        fullPage: true,
      });
    });
  });
}
