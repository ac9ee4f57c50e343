import { expect, test } from "@playwright/test";
import { DEMO, expectNoAxeViolations, selectWithMouse, signIn, showAllNotes } from "./support";

const LIAO = "/documents/1959-09-14-liao-ishibashi-third-conversation";
const DANA = { email: "dana@memcon.test", password: "close-reading" };
const CHEN = { email: "chen@memcon.test", password: "close-reading" };

test("two students hold a threaded discussion on a passage, with notifications", async ({
  page,
  browser,
}) => {
  // Dana asks a question on a passage, shared with the course.
  await signIn(page, DANA);
  await page.goto(LIAO);
  await selectWithMouse(page, "We paid for our lessons in blood");
  await page.getByRole("button", { name: "Annotate" }).click();
  await page.getByRole("textbox", { name: "Your note" }).fill("Is Liao bluffing here?");
  await page.getByLabel("Who can see it").selectOption({ label: `Course: ${DEMO.course}` });
  await page.getByRole("button", { name: "Save" }).click();
  const card = page.locator(".annotation-card", { hasText: "Is Liao bluffing here?" });
  await expect(card).toBeVisible();

  // Chen answers it.
  const chenContext = await browser.newContext();
  const chen = await chenContext.newPage();
  await signIn(chen, CHEN);
  await chen.goto(LIAO);
  await showAllNotes(chen);
  const chenCard = chen.locator(".annotation-card", { hasText: "Is Liao bluffing here?" });
  await chenCard.getByRole("button", { name: "Reply to this annotation" }).click();
  await chenCard
    .getByRole("textbox", { name: "Your reply" })
    .fill("No: the casualty figure is the point.");
  await chenCard.getByRole("button", { name: "Send reply" }).click();
  await expect(
    chenCard.locator(".reply", { hasText: "the casualty figure is the point" }),
  ).toBeVisible();

  // Dana is told, follows the notification back to the passage, and answers Chen's reply.
  await page.goto("/notifications");
  await expect(page.getByRole("link", { name: "Notifications, 1 unread" })).toBeVisible();
  const notification = page.locator(".notification--unread").first();
  await expect(notification).toContainText(
    "Chen Yu replied in the discussion on “We paid for our lessons in blood”",
  );
  await expectNoAxeViolations(page);
  await notification.getByRole("link").click();
  await expect(page).toHaveURL(/#t-\d+$/);
  await showAllNotes(page);
  const danaCard = page.locator(".annotation-card", { hasText: "Is Liao bluffing here?" });
  const chenReply = danaCard.locator(".reply", { hasText: "the casualty figure is the point" });
  await chenReply.getByRole("button", { name: "Reply", exact: true }).click();
  await danaCard.getByRole("textbox", { name: "Your reply" }).fill("Then why raise it now?");
  await danaCard.getByRole("button", { name: "Send reply" }).click();
  // Nested under Chen's reply.
  await expect(
    chenReply.locator(".replies .reply", { hasText: "Then why raise it now?" }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await chen.goto("/notifications");
  await expect(chen.locator(".notification--unread").first()).toContainText("Dana Ruiz replied");
  await chenContext.close();
});

test("a classmate's new note and reply appear live, without reloading", async ({
  page,
  browser,
}) => {
  const BEN = { email: "ben@memcon.test", password: "close-reading" };
  await signIn(page, CHEN);
  await page.goto(LIAO);
  await expect(page.locator("[data-live=live]")).toBeVisible();
  await showAllNotes(page);
  // A full reload would lose this marker; an in-place update keeps it.
  await page.evaluate(() => ((window as unknown as { liveMarker: number }).liveMarker = 42));

  const benContext = await browser.newContext();
  const ben = await benContext.newPage();
  await signIn(ben, BEN);
  await ben.goto(LIAO);
  await selectWithMouse(ben, "Millions of Chinese people died");
  await ben.getByRole("button", { name: "Annotate" }).click();
  await ben
    .getByRole("textbox", { name: "Your note" })
    .fill("Live: a number meant to weigh on the talks.");
  await ben.getByLabel("Who can see it").selectOption({ label: `Course: ${DEMO.course}` });
  const posted = Date.now();
  await ben.getByRole("button", { name: "Save" }).click();
  const card = page.locator(".annotation-card", {
    hasText: "a number meant to weigh on the talks",
  });
  await expect(card).toBeVisible({ timeout: 5000 });
  const noteMs = Date.now() - posted;
  // Its highlight is painted in place too.
  const noteId = await card.getAttribute("data-annotation");
  await expect(page.locator(`mark.hl[data-ids~='${noteId}']`).first()).toBeVisible();

  const benCard = ben.locator(".annotation-card", {
    hasText: "a number meant to weigh on the talks",
  });
  await benCard.getByRole("button", { name: "Reply to this annotation" }).click();
  await benCard
    .getByRole("textbox", { name: "Your reply" })
    .fill("Live reply: compare the 1955 figures.");
  const replied = Date.now();
  await benCard.getByRole("button", { name: "Send reply" }).click();
  await expect(card.locator(".reply", { hasText: "compare the 1955 figures" })).toBeVisible({
    timeout: 5000,
  });
  const replyMs = Date.now() - replied;
  // The target is 2 s; on two shared cores with two browsers the suite allows 5 s and reports.
  console.log(
    `[live] note appeared in the other browser after ${noteMs} ms, reply after ${replyMs} ms`,
  );
  expect(await page.evaluate(() => (window as unknown as { liveMarker?: number }).liveMarker)).toBe(
    42,
  );
  await benContext.close();
});

test("discussions of a whole turn and of the whole document; the instructor endorses and locks", async ({
  page,
  browser,
}) => {
  await signIn(page, DANA);
  await page.goto(LIAO);
  // A whole turn: focus it with j, then start the discussion from the panel.
  const firstSpeech = page.locator(".turn--speech").first();
  await page.locator("body").press("j");
  while (!(await firstSpeech.evaluate((element) => element === document.activeElement)))
    await page.keyboard.press("j");
  await page.getByRole("button", { name: "Discuss a whole turn" }).click();
  await expect(page.locator(".editor-form .quote")).toHaveText(
    /^Premier Zhou \[Enlai\] sends you his greetings/,
  );
  await page.getByRole("textbox", { name: "Your note" }).fill("Why open with Zhou's greetings?");
  await page.getByLabel("Who can see it").selectOption({ label: `Course: ${DEMO.course}` });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(
    page.locator(".annotation-card", { hasText: "Why open with Zhou's greetings?" }),
  ).toBeVisible();

  await page.getByRole("button", { name: "Discuss the whole document" }).click();
  await expect(page.locator(".editor-form .quote")).toHaveText("The whole document");
  await page
    .getByRole("textbox", { name: "Your note" })
    .fill("Whose record is this, and for whom was it written?");
  await page.getByLabel("Who can see it").selectOption({ label: `Course: ${DEMO.course}` });
  await page.getByRole("button", { name: "Save" }).click();
  const documentSection = page.locator("section", {
    has: page.getByRole("heading", { name: /On the whole document/ }),
  });
  await expect(
    documentSection.locator(".annotation-card", { hasText: "Whose record is this" }),
  ).toBeVisible();

  const instructorContext = await browser.newContext();
  const instructor = await instructorContext.newPage();
  await signIn(instructor, DEMO.instructor);
  await instructor.goto(LIAO);
  const card = instructor.locator(".annotation-card", { hasText: "Whose record is this" });
  await card.getByRole("button", { name: "Endorse" }).click();
  await expect(card.getByText("Endorsed by instructor")).toBeVisible();
  await card.getByRole("button", { name: "Lock discussion" }).click();
  await expect(card.getByText("This discussion is locked by an instructor.")).toBeVisible();
  await expectNoAxeViolations(instructor);
  await instructorContext.close();

  // Dana sees it live: endorsed, locked, and told about the endorsement.
  const danaCard = documentSection.locator(".annotation-card", { hasText: "Whose record is this" });
  await expect(danaCard.getByText("Endorsed by instructor")).toBeVisible({ timeout: 5000 });
  await expect(danaCard.getByRole("button", { name: "Reply to this annotation" })).toHaveCount(0);
  await page.goto("/notifications");
  await expect(page.locator(".notification--unread").first()).toContainText(
    "Hana Mori endorsed a note on the whole document",
  );
});
