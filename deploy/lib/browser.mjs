// A headless Debian Chromium for the cluster test, driven as a reader would (sign-in form, panel).
import fs from "node:fs";
import { chromium } from "@playwright/test";

export async function openClusterBrowser() {
  const executablePath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"]
    .filter(Boolean)
    .find((candidate) => fs.existsSync(candidate));
  const browser = await chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  return {
    /** Sign in through the form at `origin`; returns the page. */
    async signIn(origin, { email, password }) {
      const page = await context.newPage();
      await page.goto(`${origin}/signin`);
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(/\/courses/, { timeout: 20_000 });
      return page;
    },
    /** The panel's Filter: untick "Only the turns in view" (tests/e2e/support.ts showAllNotes). */
    async showAllNotes(page) {
      const filter = page.locator(".panel-filter-box");
      if (!(await filter.evaluate((element) => element.open)))
        await filter.locator("summary").click();
      await page.getByLabel("Only the turns in view").uncheck();
    },
    close: () => browser.close(),
  };
}
