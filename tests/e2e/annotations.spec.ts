import { expect, test } from "@playwright/test";
import { DEMO, expectNoAxeViolations, selectWithMouse, signIn, showAllNotes } from "./support";

const LIAO = "/documents/1959-09-14-liao-ishibashi-third-conversation";
const BEN = { email: "ben@memcon.test", password: "close-reading" };
const CHEN = { email: "chen@memcon.test", password: "close-reading" };

test("students annotate with the mouse and see each other's course notes but not private ones", async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO.ada);
  await page.goto(LIAO);
  await selectWithMouse(page, "numerous American military bases in Japan");
  await page.getByRole("button", { name: "Annotate" }).click();
  const editor = page.getByRole("textbox", { name: "Your note" });
  await expect(editor).toBeFocused();
  await expect(page.locator(".editor-form .quote")).toHaveText(
    "numerous American military bases in Japan",
  );
  await page.keyboard.type("Liao treats the ");
  await page.keyboard.press("Control+b");
  await page.keyboard.type("bases");
  await page.keyboard.press("Control+b");
  await page.keyboard.type(" as the real obstacle.");
  await page.getByLabel("Tags").fill("bases, security treaty");
  await expect(page.getByLabel("Who can see it")).toHaveValue("private"); // the safe default
  await page.getByLabel("Who can see it").selectOption({ label: `Course: ${DEMO.course}` });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Annotation saved.");
  const card = page.locator(".annotation-card", { hasText: "as the real obstacle" });
  await expect(card).toBeVisible();
  await expect(card.locator(".note-body strong")).toHaveText("bases");
  await expect(card.locator(".tag")).toHaveText(["#bases", "#security-treaty"]);
  await expect(
    page.locator("mark.hl", { hasText: "numerous American military bases in Japan" }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // A private note too.
  await selectWithMouse(page, "Japan cannot remove all the military bases at once");
  await page.keyboard.press("a");
  await page
    .getByRole("textbox", { name: "Your note" })
    .fill("Only for me: check the Japanese record.");
  await page.getByLabel("Who can see it").selectOption("private");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator(".annotation-card", { hasText: "Only for me" })).toBeVisible();

  const classmateContext = await browser.newContext();
  const classmate = await classmateContext.newPage();
  await signIn(classmate, BEN);
  await classmate.goto(LIAO);
  await showAllNotes(classmate);
  await expect(
    classmate.locator(".annotation-card", { hasText: "as the real obstacle" }),
  ).toBeVisible();
  await expect(classmate.locator(".annotation-card", { hasText: "Only for me" })).toHaveCount(0);
  await expect(
    classmate
      .locator(".annotation-card", { hasText: "as the real obstacle" })
      .getByRole("button", { name: "Edit" }),
  ).toHaveCount(0);
  await classmateContext.close();

  const strangerContext = await browser.newContext();
  const stranger = await strangerContext.newPage();
  await stranger.goto("/signup");
  await stranger.getByLabel("Name").fill("Sam Stranger");
  await stranger.getByLabel("Email").fill(`sam.${Date.now()}@example.edu`);
  await stranger.getByLabel("Password").fill("outside the seminar");
  await stranger.getByRole("button", { name: "Create account" }).click();
  await expect(stranger).toHaveURL(/\/courses$/);
  await stranger.goto(LIAO);
  await showAllNotes(stranger);
  await expect(stranger.locator(".annotation-card")).toHaveCount(0);
  await expect(stranger.locator("mark.hl")).toHaveCount(0);
  await strangerContext.close();
});

test("a student selects and annotates with the keyboard only", async ({ page }) => {
  await signIn(page, CHEN);
  await page.goto(LIAO);
  // Focus the first spoken turn with j, start a caret with v, extend three words, annotate.
  const firstSpeech = page.locator(".turn--speech").first();
  await page.locator("body").press("j");
  while (!(await firstSpeech.evaluate((element) => element === document.activeElement)))
    await page.keyboard.press("j");
  await page.keyboard.press("v");
  await expect(page.getByRole("status")).toContainText("Keyboard selection");
  for (let i = 0; i < 2; i++) await page.keyboard.press("Control+Shift+ArrowRight");
  await page.keyboard.press("Enter");
  const quote = page.locator(".editor-form .quote");
  await expect(quote).toHaveText(/^Premier Zhou/);
  await page
    .getByRole("textbox", { name: "Your note" })
    .fill("Zhou frames the talk as a personal message.");
  await page.keyboard.press("Control+Enter");
  await expect(page.locator(".annotation-card", { hasText: "personal message" })).toBeVisible();
  await expect(
    page.locator(".annotation-card", { hasText: "personal message" }).locator(".quote"),
  ).toHaveText(/^Premier Zhou/);
});

test("bad input in the editor gets a clear message and keeps the text", async ({ page }) => {
  await signIn(page, DEMO.ada);
  await page.goto(LIAO);
  await selectWithMouse(page, "We paid for our lessons in blood");
  await page.getByRole("button", { name: "Annotate" }).click();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator(".editor-form .form-error")).toHaveText(
    "Write something before saving.",
  );
  await page.getByRole("textbox", { name: "Your note" }).fill("A note");
  await page.getByLabel("Tags").fill("a-tag-that-is-much-longer-than-forty-characters-in-all");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator(".editor-form .form-error")).toContainText("Tags are single words");
  await expect(page.getByRole("textbox", { name: "Your note" })).toHaveText("A note");
});

test("the panel loads the notes it shows, says when it cannot, and tries again", async ({
  page,
}) => {
  await signIn(page, DEMO.ada);
  await page.goto(LIAO);
  await selectWithMouse(page, "sever all our links with the United States");
  await page.getByRole("button", { name: "Annotate" }).click();
  await page.getByRole("textbox", { name: "Your note" }).fill("Panel check: Taiwan again.");
  await page.getByRole("button", { name: "Save" }).click();
  const card = page.locator(".annotation-card", { hasText: "Panel check: Taiwan again." });
  await expect(card).toBeVisible();

  // The cards cannot be fetched: the panel says so, keeps each note's place, and offers a retry.
  const outage = {
    status: 503,
    contentType: "application/json",
    body: JSON.stringify({
      error: { status: 503, message: "The database is unavailable, try again in a moment." },
    }),
  };
  await page.route("**/api/documents/*/cards?*", (route) => route.fulfill(outage));
  await page.reload();
  await page
    .locator("mark.hl", { hasText: "sever all our links with the United States" })
    .first()
    .click();
  const problem = page.locator(".annotation-panel").getByRole("alert");
  await expect(problem).toContainText("The database is unavailable, try again in a moment.");
  await expect(page.locator(".annotation-card--loading").first()).toContainText("loading the note");
  await expect(card).toHaveCount(0);

  await page.unroute("**/api/documents/*/cards?*");
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(card).toBeVisible();
  await expect(problem).toHaveCount(0);
  await expectNoAxeViolations(page);
});
