import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { EXPORT_SEED } from "./export-texts";
import { DEMO, signIn } from "./support";

// Exports a person can reach: a student opens the reader's Export menu and downloads each
// format; an instructor downloads the whole course's notes from the course page. Each file is
// named for what it holds and never carries a classmate's private note. On a desktop and on a
// phone (touch).

const SLUG = EXPORT_SEED.slug;
const INSTRUCTOR = DEMO.instructor;
const today = () => new Date().toISOString().slice(0, 10);
let courseId = "";

test.beforeAll(() => {
  const run = spawnSync(
    process.execPath,
    [path.resolve("node_modules/tsx/dist/cli.mjs"), "tests/e2e/export-seed.ts"],
    { env: process.env, encoding: "utf8" },
  );
  if (run.status !== 0) throw new Error(`export-seed failed: ${run.stderr}`);
  courseId = (JSON.parse(run.stdout.trim().split("\n").pop()!) as { courseId: string }).courseId;
});

const FORMATS = [
  { link: "Notes as Markdown", file: (subject: string) => `memcon-notes_${subject}_${today()}.md` },
  {
    link: "Spreadsheet (CSV)",
    file: (subject: string) => `memcon-notes_${subject}_${today()}.csv`,
  },
  {
    link: "W3C Web Annotation (JSON-LD)",
    file: (subject: string) => `memcon-annotations_${subject}_${today()}.jsonld`,
  },
] as const;

const SIZES = [
  { name: "desktop", use: { viewport: { width: 1366, height: 900 } } },
  {
    name: "phone",
    use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  },
] as const;

/** Press a control as this device's person would: a tap on a touch screen, else a click. */
async function press(page: Page, name: string, role: "button" | "link", touch: boolean) {
  const control = page.getByRole(role, { name, exact: true });
  await control.scrollIntoViewIfNeeded();
  await expect(control).toBeInViewport();
  const box = (await control.boundingBox())!;
  expect(box.height, `${name} is a comfortable target`).toBeGreaterThanOrEqual(44);
  if (touch) await control.tap();
  else await control.click();
  return control;
}

/** Open the menu, pick a format, and read the file the browser downloads. */
async function downloadFrom(page: Page, menu: string, link: string, touch: boolean) {
  const button = await press(page, menu, "button", touch);
  await expect(button).toHaveAttribute("aria-expanded", "true");
  const downloading = page.waitForEvent("download");
  await press(page, link, "link", touch);
  const download = await downloading;
  const text = fs.readFileSync((await download.path())!, "utf8");
  // Choosing closes the menu.
  await expect(button).toHaveAttribute("aria-expanded", "false");
  return { name: download.suggestedFilename(), text };
}

for (const size of SIZES) {
  test.describe(size.name, () => {
    test.use(size.use);
    const touch = size.name === "phone";

    test("a student downloads the document's notes in each format from the reader's Export menu", async ({
      page,
    }) => {
      await signIn(page, DEMO.ada);
      await page.goto(`/documents/${SLUG}`);
      for (const format of FORMATS) {
        const file = await downloadFrom(page, "Export notes", format.link, touch);
        expect(file.name).toBe(format.file(SLUG));
        expect(file.text, format.link).toContain(EXPORT_SEED.benCourse);
        expect(file.text, format.link).toContain(EXPORT_SEED.chenReply);
        expect(file.text, `${format.link}: Ben's private note`).not.toContain(
          EXPORT_SEED.benPrivate,
        );
      }
      // The menu open, for the record; then Escape closes it.
      const button = await press(page, "Export notes", "button", touch);
      for (const format of FORMATS)
        await expect(page.getByRole("link", { name: format.link, exact: true })).toBeInViewport();
      await page.screenshot({ path: `test-results/export-menu-${size.name}.png` });
      // The open menu passes axe (WCAG 2.2 AA).
      const axe = await new AxeBuilder({ page })
        .include(".export-menu")
        .withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"])
        .analyze();
      expect(axe.violations.map((violation) => violation.id)).toEqual([]);
      await page.keyboard.press("Escape");
      await expect(button).toHaveAttribute("aria-expanded", "false");
      await expect(button).toBeFocused();
    });

    test("an instructor downloads every note of the course from the course page", async ({
      page,
    }) => {
      await signIn(page, INSTRUCTOR);
      await page.goto(`/courses/${courseId}`);
      const file = await downloadFrom(
        page,
        "Export the course's notes",
        "Spreadsheet (CSV)",
        touch,
      );
      expect(file.name).toBe(`memcon-notes_course-cold-war-sino-japanese-relations_${today()}.csv`);
      expect(file.text).toContain(EXPORT_SEED.benCourse);
      expect(file.text).toContain(EXPORT_SEED.chenReply);
      expect(file.text).not.toContain(EXPORT_SEED.benPrivate);
    });
  });
}

test("a student has no course export on the course page", async ({ page }) => {
  await signIn(page, DEMO.ada);
  await page.goto(`/courses/${courseId}`);
  await expect(page.getByRole("heading", { name: DEMO.course })).toBeVisible();
  await expect(page.getByRole("button", { name: "Export the course's notes" })).toHaveCount(0);
});
