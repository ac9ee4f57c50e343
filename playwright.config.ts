import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Run through `npm test` (or `npm run test:e2e`), which builds the app, starts `next start` with a
// fresh database and sets E2E_BASE_URL.
const baseURL = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000";

/** Debian's Chromium unless CHROMIUM_PATH says otherwise; Playwright's own browser as a fallback. */
function chromiumExecutable(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((candidate) => candidate && fs.existsSync(candidate));
}

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  // No retries by default. CI (.ci/run) allows one: a journey that fails and then passes is
  // reported by name as flaky in the summary (scripts/test.mjs), to be fixed, rather than sinking
  // a whole run on a 2-core machine; one that fails twice fails the run.
  retries: Number(process.env.E2E_RETRIES ?? 0) || 0,
  // Two browsers and the server share two cores in CI: give multi-user stories room.
  timeout: 60_000,
  reporter: [
    ["list"],
    ["html", { open: "never", outputFolder: "playwright-report" }],
    ["json", { outputFile: "test-reports/playwright.json" }],
  ],
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromiumExecutable(),
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
          ],
        },
      },
    },
  ],
});
