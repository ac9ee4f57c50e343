import { expect, test } from "@playwright/test";
import { DEMO, expectNoAxeViolations, selectWithMouse, signIn } from "./support";

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
  await chen.getByLabel("Only the turns in view").uncheck();
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
  await page.getByLabel("Only the turns in view").uncheck();
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
