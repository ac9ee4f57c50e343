import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO = {
  instructor: {
    email: "instructor@memcon.test",
    password: "seminar-instructor",
    name: "Hana Mori",
  },
  ada: { email: "ada@memcon.test", password: "close-reading", name: "Ada Brooks" },
  admin: { email: "admin@memcon.test", password: "archive-admin-2027", name: "Site Admin" },
  joinCode: "READ-1959",
  course: "Cold War Sino-Japanese Relations",
};

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(
    results.violations.map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`,
    ),
  ).toEqual([]);
}

export async function signIn(page: Page, user: { email: string; password: string }) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/courses/);
}

/** Drag the mouse across `words` inside the turn whose text contains them, as a reader would. */
export async function selectWithMouse(page: Page, words: string) {
  // Scroll first and let the turns around render: off-screen turns are laid out only when near
  // the viewport (content-visibility), so positions measured before would be estimates.
  await page.evaluate((target) => {
    const utterance = [...document.querySelectorAll(".transcript .utterance")].find((element) =>
      (element.textContent ?? "").includes(target),
    );
    utterance?.scrollIntoView({ block: "center" });
  }, words);
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  await page.evaluate((target) => {
    [...document.querySelectorAll(".transcript .utterance")]
      .find((element) => (element.textContent ?? "").includes(target))
      ?.scrollIntoView({ block: "center" });
  }, words);
  const box = await page.evaluate((target) => {
    for (const utterance of document.querySelectorAll(".transcript .utterance")) {
      const at = (utterance.textContent ?? "").indexOf(target);
      if (at < 0) continue;
      // Highlights split the text into several nodes: find the node and offset of each end.
      const range = document.createRange();
      const walker = document.createTreeWalker(utterance, NodeFilter.SHOW_TEXT);
      let seen = 0;
      let startSet = false;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent?.length ?? 0;
        if (!startSet && at < seen + length) {
          range.setStart(node, at - seen);
          startSet = true;
        }
        if (startSet && at + target.length <= seen + length) {
          range.setEnd(node, at + target.length - seen);
          break;
        }
        seen += length;
      }
      const rects = range.getClientRects();
      const first = rects[0]!;
      const last = rects[rects.length - 1]!;
      return {
        x1: first.left + 1,
        y1: first.top + first.height / 2,
        x2: last.right - 1,
        y2: last.top + last.height / 2,
      };
    }
    return null;
  }, words);
  expect(box, `"${words}" is on the page`).not.toBeNull();
  await page.mouse.move(box!.x1, box!.y1);
  await page.mouse.down();
  await page.mouse.move(box!.x2, box!.y2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(words);
}

/** Open the panel's Filter and untick "Only the turns in view": every note the reader may read. */
export async function showAllNotes(page: Page) {
  const filter = page.locator(".panel-filter-box");
  const onlyInView = page.getByLabel("Only the turns in view");
  // Right after a reload the box can be opened before React has taken the page over, and come
  // back closed (CI saw it once, waiting 90 s on a hidden checkbox): open it until it stays open.
  await expect(async () => {
    if (!(await filter.evaluate((element) => (element as HTMLDetailsElement).open)))
      await filter.locator("summary").click();
    await expect(onlyInView).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await onlyInView.uncheck();
}
