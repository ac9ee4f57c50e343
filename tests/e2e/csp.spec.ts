import { expect, test, type Page, type Response } from "@playwright/test";
import { DEMO, selectWithMouse, signIn } from "./support";

// The Content-Security-Policy in a real browser: every page carries a fresh nonce on all its
// scripts, and using the app (editor, highlights, live updates) triggers no violation.

// Not the document the XSS spec floods with notes (its live reloads would race with ours).
const MEMO = "/documents/1960-01-19-memorandum-conversation-us-japanese-economic-problems";
const WORDS = "the utmost seriousness the problem of trade";

/** Collect CSP violations (reported in the page) and console errors from the first script on. */
async function watch(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`),
    );
  });
  const errors: string[] = [];
  page.on("console", (message) => {
    // The browser asks for /favicon.ico on its own; Memcon has none (a 404, not a CSP matter).
    const url = message.location().url;
    if (message.type() === "error" && !url.endsWith("/favicon.ico"))
      errors.push(`${message.text()} (${url})`);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return {
    errors,
    violations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
  };
}

/** The nonce of a page response, checked against every <script> the server sent. */
async function expectNoncedScripts(response: Response | null) {
  expect(response, "the page answered").not.toBeNull();
  const policy = (await response!.headerValue("content-security-policy")) ?? "";
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
  expect(nonce, `a nonce in ${policy}`).toBeTruthy();
  expect(policy).toContain("'strict-dynamic'");
  expect(await response!.headerValue("x-content-type-options")).toBe("nosniff");
  const html = await response!.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((tag) => !tag.includes(` nonce="${nonce}"`))).toEqual([]);
  return nonce!;
}

async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  const nonce = await expectNoncedScripts(response);
  // Scripts the runtime added later are trusted through 'strict-dynamic'; those in the DOM now
  // that came from the server still have the nonce (browsers hide it from getAttribute).
  const inDom = await page.evaluate(() =>
    [...document.scripts].filter((s) => !s.src || s.nonce).map((s) => s.nonce),
  );
  expect(inDom.every((value) => value === nonce)).toBe(true);
  return nonce;
}

test("each page gets its own nonce on all of its scripts, and a page without one is blocked", async ({
  page,
}) => {
  const watcher = await watch(page);
  const first = await visit(page, "/");
  const second = await visit(page, "/");
  expect(second).not.toBe(first);
  await visit(page, "/signin");
  expect(await watcher.violations()).toEqual([]);

  // Control: a script the server did not stamp (as injected markup would be) does not run, and
  // the watcher sees the violation.
  await page.route("**/signin", async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(
      "</body>",
      "<script>window.__ran = true</script></body>",
    );
    await route.fulfill({ response, body });
  });
  await page.goto("/signin");
  await expect.poll(() => watcher.violations()).toContainEqual("script-src-elem blocked inline");
  expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBe(
    undefined,
  );
});

test("the library, reader (editor, highlights, live updates), courses and account pages run without a violation", async ({
  page,
}) => {
  const watcher = await watch(page);
  await visit(page, "/");
  await visit(page, "/signin");
  await signIn(page, DEMO.ada);

  await visit(page, MEMO);
  await expect(page.locator("[data-live=live]")).toBeVisible();
  await selectWithMouse(page, WORDS);
  await page.getByRole("button", { name: "Annotate" }).click();
  await page.getByRole("textbox", { name: "Your note" }).fill("Bases, again.");
  await page.getByRole("button", { name: "Bold (Ctrl+B)" }).click();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Annotation saved.");
  await expect(page.locator("mark.hl", { hasText: WORDS })).toBeVisible();
  await page.locator("mark.hl").first().hover();
  await page.screenshot({ path: "test-results/csp-reader.png" });
  expect(await watcher.violations()).toEqual([]);

  await visit(page, "/courses");
  await page.getByRole("link", { name: DEMO.course }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(DEMO.course);
  expect(await watcher.violations()).toEqual([]);
  await visit(page, "/account");
  expect(await watcher.violations()).toEqual([]);
  await visit(page, "/notifications");
  expect(await watcher.violations()).toEqual([]);
  expect(watcher.errors).toEqual([]);
});
