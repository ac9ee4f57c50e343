import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, expectNoAxeViolations, selectWithMouse, signIn, showAllNotes } from "./support";

// The teaching loop: an instructor sets an assignment on a passage, two students complete it in
// the reader, and the dashboard and the CSV gradebook show the right numbers.
const ADA = DEMO.ada;
const BEN = { email: "ben@memcon.test", password: "close-reading" };
const DOCUMENT_TITLE = "Memorandum of Conversation";
const TITLE = `Kishi and Herter on China trade ${Date.now().toString(36)}`;

async function asStudent(browser: Browser, user: { email: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user);
  return { page, close: () => context.close() };
}

/** From "My assignments" into the reader, then annotate `words` with `note` (course audience). */
async function annotateForAssignment(page: Page, words: string, note: string) {
  await page.goto("/assignments");
  const card = page.locator(".assignment-card", { hasText: TITLE });
  await expect(card).toContainText("Not started");
  await card.getByRole("link", { name: "Open the reading" }).click();
  await expect(page.locator(".reader-assignment")).toContainText(TITLE);
  await expect(page.locator(".reader-assignment")).toContainText("where Japan draws the line");
  await selectWithMouse(page, words);
  await page.getByRole("button", { name: "Annotate" }).click();
  // Notes written for an assignment default to its course.
  await expect(page.getByLabel("Who can see it")).toHaveValue(/^course:/);
  await page.getByRole("textbox", { name: "Your note" }).fill(note);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Annotation saved.");
}

async function replyTo(page: Page, noteText: string, reply: string) {
  await showAllNotes(page);
  const card = page.locator(".annotation-card", { hasText: noteText });
  await card.getByRole("button", { name: "Reply to this annotation" }).click();
  await card.getByRole("textbox", { name: "Your reply" }).fill(reply);
  await card.getByRole("button", { name: "Send reply" }).click();
  await expect(card.locator(".reply", { hasText: reply })).toBeVisible();
}

test("an instructor sets an assignment, two students complete it, the dashboard and CSV agree", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  // The instructor creates the assignment from the course page.
  await signIn(page, DEMO.instructor);
  await page.getByRole("link", { name: DEMO.course }).click();
  await page.getByRole("link", { name: "New assignment" }).click();
  await expectNoAxeViolations(page);
  await page.getByLabel("Title", { exact: true }).fill(TITLE);
  await page.getByLabel("Document", { exact: true }).selectOption({ label: DOCUMENT_TITLE });
  await page.getByLabel("From turn").fill("1");
  await page.getByLabel("To turn").fill("5");
  await page
    .getByRole("textbox", { name: "Instructions for students" })
    .fill("Find where Japan draws the line on trade, and answer a classmate.");
  await page.getByLabel("Time zone of these dates").selectOption("Asia/Tokyo");
  await page.getByLabel("Opens", { exact: true }).fill("2026-01-05T09:00");
  await page.getByLabel("Due", { exact: true }).fill("2030-06-01T17:00");
  await page.getByLabel("Minimum annotations").fill("1");
  await page.getByLabel("Minimum replies").fill("1");
  await page.getByLabel("Minimum words each").fill("4");
  // A refused submit keeps what was typed and says what is wrong.
  await page.getByLabel("To turn").fill("");
  await page.getByRole("button", { name: "Create assignment" }).click();
  await expect(page.locator("#field-passageTo-error")).toContainText("both");
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(TITLE);
  await page.getByLabel("To turn").fill("5");
  await page.getByRole("button", { name: "Create assignment" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Assignment created.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  const dashboardUrl = page.url().replace(/\?.*$/, "");

  // Ada and Ben each annotate the passage and answer each other.
  const ada = await asStudent(browser, ADA);
  await annotateForAssignment(
    ada.page,
    "completely ruptured",
    "Kishi blames China for the rupture: a careful framing.",
  );
  const ben = await asStudent(browser, BEN);
  await annotateForAssignment(
    ben.page,
    "high level Japanese Government official",
    "Herter offers talks at a high level, but on whose terms?",
  );
  await replyTo(ben.page, "a careful framing", "Yes, and it shifts the blame to Beijing.");
  await ada.page.reload();
  await replyTo(ada.page, "on whose terms", "On Washington's: the talks come to him.");
  await ada.page.reload();
  await expect(ada.page.locator(".reader-assignment")).toContainText("Complete");
  await ada.page.screenshot({ path: "test-results/assignment-reader.png" });
  await ada.page.goto("/assignments");
  await expect(ada.page.locator(".assignment-card", { hasText: TITLE })).toContainText(
    "1 of 1 annotations · 1 of 1 replies",
  );
  await expectNoAxeViolations(ada.page);
  await ada.close();
  await ben.close();

  // The dashboard counts both students complete and shows where they wrote.
  await page.goto(dashboardUrl);
  await expect(page.locator(".dashboard-figures")).toContainText("2 complete");
  const rows = page.locator(".student-results tbody tr");
  const adaRow = rows.filter({ hasText: "Ada Brooks" });
  await expect(adaRow.locator("td").nth(0)).toHaveText("1/1");
  await expect(adaRow.locator("td").nth(1)).toHaveText("1/1");
  await expect(adaRow).toContainText("Complete");
  await expect(rows.filter({ hasText: "Chen" })).toContainText("Not started");
  await expect(page.locator(".heat-strip svg")).toHaveAttribute("aria-label", /Most discussed/);
  await page.getByText("Activity per turn (table)").click();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "test-results/assignment-dashboard.png", fullPage: true });

  // Grade Ben, then the CSV carries the numbers and the score.
  await rows.filter({ hasText: "Ben" }).getByRole("link", { name: /Ben/ }).click();
  await page.getByLabel("Quality").selectOption("3");
  await page.getByLabel("Comment to the student").fill("Reads Herter's offer closely.");
  await page.getByRole("button", { name: "Save grade" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Grade saved.");
  await expectNoAxeViolations(page);

  const csv = await page.request.get(`${dashboardUrl}/gradebook`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text())
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
  expect(lines[0]).toContain(`${TITLE} (Points: 4)`);
  // Header + one row per student (other specs may enrol more people in the demo course).
  expect(lines.length).toBeGreaterThanOrEqual(5);
  const cells = (name: string) => lines.find((line) => line.startsWith(name))!.split(",");
  // Annotations, replies, ..., status, late items, completion, quality, score.
  expect(cells("Ada Brooks").slice(4, 6)).toEqual(["1", "1"]);
  expect(cells("Ada Brooks")[11]).toBe("Complete");
  expect(cells("Ben").slice(13, 16)).toEqual(["1", "3", "4"]);
  expect(cells("Chen")[11]).toBe("Not started");

  // Students cannot open the dashboard's data.
  const student = await asStudent(browser, ADA);
  expect((await student.page.request.get(`${dashboardUrl}/gradebook`)).status()).toBe(404);
  await student.page.goto(dashboardUrl);
  await expect(student.page.locator(".dashboard")).toHaveCount(0);
  await expect(student.page.getByRole("heading", { name: "Your progress" })).toBeVisible();
  await student.close();
});
