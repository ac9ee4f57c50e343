import { expect, test, type Page, type Request } from "@playwright/test";
import { selectWithMouse, signIn } from "./support";

// Offline drafts: a note or reply written while the connection or the server is down is kept
// on the device, survives a reload, and is sent exactly once when the server is back.
// (Next.js's route announcer is also role=alert, hence the .kept-draft locators.)

const SLUG = "1956-09-07-japanese-soviet-negotiations";
const DOC = `/documents/${SLUG}`;
const BEN = { email: "ben@memcon.test", password: "close-reading" };
const WORDS = "making a similar communication in Tokyo";
const KEPT = "Not saved yet — kept on this device; will send when the connection is back.";

/** Server actions are POSTs carrying a Next-Action header. */
const isAction = (request: Request) =>
  request.method() === "POST" && Boolean(request.headers()["next-action"]);

/** The server as the page sees it: down, answering once into the void, or up. */
async function controlServer(page: Page) {
  const server = { mode: "up" as "up" | "down" | "lose-next-answer", attempts: 0 };
  // Only the page's own address, where server actions post (RSC fetches carry ?_rsc=).
  await page.route(new RegExp(`${DOC}$`), async (route) => {
    if (!isAction(route.request())) return route.fallback();
    server.attempts += 1;
    if (server.mode === "down") return route.abort("connectionrefused");
    if (server.mode === "lose-next-answer") {
      server.mode = "up";
      await route.fetch(); // the server saves...
      return route.abort("connectionreset"); // ...and the answer never arrives
    }
    return route.fallback();
  });
  return server;
}

const keptDrafts = (page: Page) =>
  page.evaluate(() =>
    Object.entries(localStorage)
      .filter(([key]) => key.startsWith("memcon:draft:v1:"))
      .map(([, value]) => JSON.parse(value) as { pending?: boolean; tags?: string }),
  );

async function countMatching(page: Page, text: string) {
  const response = await page.request.get(
    `/api/annotations?document=${SLUG}&count=exact&text=${encodeURIComponent(text)}`,
  );
  expect(response.status()).toBe(200);
  return ((await response.json()) as { total: number }).total;
}

test("a note saved offline is kept, survives a reload, and is sent once when the server is back", async ({
  page,
  context,
}) => {
  await signIn(page, BEN);
  const server = await controlServer(page);
  await page.goto(DOC);
  await expect(page.locator("[data-live=live]")).toBeVisible();
  await selectWithMouse(page, WORDS);
  await page.getByRole("button", { name: "Annotate" }).click();
  await page.getByRole("textbox", { name: "Your note" }).fill("Allison says the same in Tokyo.");
  await page.getByLabel("Tags").fill("offline");

  // The browser goes offline: the save fails, the note stays, with a clear message, in the
  // same page (a marker set now would be lost by a reload).
  await page.evaluate(() => Object.assign(window, { samePage: true }));
  await context.setOffline(true);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator(".kept-draft")).toHaveText(`${KEPT}Send now`);
  expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(
    true,
  );
  expect(await keptDrafts(page)).toMatchObject([{ pending: true, tags: "offline" }]);

  // The connection comes back but the server is down: the retry that the "online" event
  // starts fails too, and the note stays pending.
  server.mode = "down";
  const before = server.attempts;
  await context.setOffline(false);
  await expect.poll(() => server.attempts).toBeGreaterThan(before);
  await expect(page.locator(".kept-draft")).toContainText(KEPT);
  expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(
    true,
  );

  // A reload brings the editor back with the note, its tags and its passage, still unsent.
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Your note" })).toHaveText(
    "Allison says the same in Tokyo.",
  );
  await expect(page.getByLabel("Tags")).toHaveValue("offline");
  await expect(page.locator(".editor-form .quote")).toHaveText(WORDS);
  await expect(page.locator(".kept-draft")).toContainText(KEPT);
  await page.screenshot({ path: "test-results/offline-kept-note.png" });

  // The server is back, but the answer to the first attempt is lost after it saved the note:
  // the note is still "not saved yet" for the page, and the next attempt must not add a copy.
  server.mode = "lose-next-answer";
  await page.getByRole("button", { name: "Send now" }).click();
  await expect.poll(() => server.mode).toBe("up");
  await expect(page.locator(".kept-draft")).toContainText(KEPT);
  // The automatic retry (5 s, then 10 s) sends it again, with the same client id.
  await expect(page.getByRole("status")).toHaveText("Annotation saved.", { timeout: 20_000 });
  await expect(page.locator(".annotation-card", { hasText: "Allison says the same" })).toHaveCount(
    1,
  );
  expect(await countMatching(page, "Allison says the same")).toBe(1);
  expect(await keptDrafts(page)).toEqual([]);

  // Nothing comes back after another reload: the draft went with the acknowledgement.
  await page.reload();
  await expect(page.locator(".annotation-card", { hasText: "Allison says the same" })).toHaveCount(
    1,
  );
  await expect(page.getByRole("textbox", { name: "Your note" })).toHaveCount(0);
});

test("a reply written during an outage is restored after a reload and sent when the browser is back online", async ({
  page,
  context,
}) => {
  await signIn(page, BEN);
  await page.goto(DOC);
  await page.getByRole("button", { name: "Discuss the whole document" }).click();
  await page.getByRole("textbox", { name: "Your note" }).fill("Where is the Oral Points text?");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Annotation saved.");
  const card = page.locator(".annotation-card", { hasText: "Where is the Oral Points text?" });

  const server = await controlServer(page);
  server.mode = "down";
  await card.getByRole("button", { name: /Reply to this annotation/ }).click();
  await card.getByRole("textbox", { name: "Your reply" }).fill("Attached to the memorandum.");
  await card.getByRole("button", { name: "Send reply" }).click();
  await expect(card.locator(".kept-draft")).toContainText(KEPT);

  // Still down after a reload: the reply form is open again with the text.
  await page.reload();
  await expect(card.getByRole("textbox", { name: "Your reply" })).toHaveText(
    "Attached to the memorandum.",
  );
  await expect(card.locator(".kept-draft")).toContainText(KEPT);

  // Back online: sent by itself, once.
  server.mode = "up";
  await context.setOffline(true);
  await context.setOffline(false);
  await expect(card.locator(".reply", { hasText: "Attached to the memorandum." })).toHaveCount(1);
  await expect(card.getByRole("textbox", { name: "Your reply" })).toHaveCount(0);
  expect(await keptDrafts(page)).toEqual([]);
  await page.reload();
  await expect(card.locator(".reply", { hasText: "Attached to the memorandum." })).toHaveCount(1);
});

test("a refused note is not retried: the message says why and the text stays", async ({ page }) => {
  await signIn(page, BEN);
  await page.goto(DOC);
  await page.getByRole("button", { name: "Discuss the whole document" }).click();
  await page.getByRole("textbox", { name: "Your note" }).fill("Tagged badly.");
  await page.getByLabel("Tags").fill("not a <tag>");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator(".editor-form .form-error")).toHaveText(
    "Tags are single words or hyphenated words, up to 40 characters.",
  );
  await expect(page.getByText(KEPT)).toHaveCount(0);
  expect(await keptDrafts(page)).toMatchObject([{ pending: false }]);
});
