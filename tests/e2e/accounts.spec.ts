import { expect, test } from "@playwright/test";
import { DEMO, expectNoAxeViolations, signIn } from "./support";

test("a newcomer signs up, joins the demo course with its code, and the instructor sees them", async ({
  page,
  browser,
}) => {
  const email = `nia.${Date.now()}@example.edu`;
  await page.goto("/");
  await page.getByRole("link", { name: "Create account" }).click();
  await expectNoAxeViolations(page);
  await page.getByLabel("Name").fill("Nia Okoro");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("reading in the archive");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/courses$/);
  await expect(page.getByRole("link", { name: "Nia Okoro" })).toBeVisible();

  await page.getByLabel("Join code").fill("read 1959"); // typed loosely
  await page.getByRole("button", { name: "Join course" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO.course);
  await expect(page.getByRole("status")).toHaveText("Welcome: you have joined this course.");
  // Students see neither the roster nor the join code.
  await expect(page.getByRole("heading", { name: /Roster/ })).toHaveCount(0);
  await expect(page.locator(".join-code")).toHaveCount(0);
  await expectNoAxeViolations(page);

  const instructorContext = await browser.newContext();
  const instructor = await instructorContext.newPage();
  await signIn(instructor, DEMO.instructor);
  await instructor.getByRole("link", { name: DEMO.course }).click();
  const row = instructor.getByRole("row", {
    name: new RegExp(`Nia Okoro ${email.replace(".", "\\.")} student`),
  });
  await expect(row).toBeVisible();
  await expect(instructor.locator(".join-code")).toHaveText(DEMO.joinCode);
  await expectNoAxeViolations(instructor);
  await instructorContext.close();

  // Sign out ends the session.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/courses");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=(%2F|\/)courses/);
});

test("bad input gets a clear message in the form and keeps what was typed", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Omar");
  await page.getByLabel("Email").fill("omar@example");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(
    page.getByText("Enter a valid email address, like name@university.edu."),
  ).toBeVisible();
  await expect(page.getByText("Use at least 10 characters for your password.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("omar@example");
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Email").fill(DEMO.ada.email);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(
    page.getByText("An account with this email already exists. Sign in instead."),
  ).toBeVisible();

  await page.goto("/signin");
  await page.getByLabel("Email").fill(DEMO.ada.email);
  await page.getByLabel("Password").fill("not her password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(".form-error")).toHaveText(
    "That email and password do not match an account.",
  );
  await expectNoAxeViolations(page);

  await signIn(page, DEMO.ada);
  await page.getByLabel("Join code").fill("ZZZZ-ZZZZ");
  await page.getByRole("button", { name: "Join course" }).click();
  await expect(
    page.getByText("No course has that join code. Check it with your instructor."),
  ).toBeVisible();
});

test("an instructor creates a course with groups; a student of another course cannot open it", async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO.instructor);
  await page.getByLabel("Course title").fill("Okinawa Reversion Seminar");
  await page.getByLabel("Term").fill("Fall 2027");
  await page.getByRole("button", { name: "Create course" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Okinawa Reversion Seminar");
  const courseUrl = page.url();

  await page.getByLabel("New group").fill("Reading group 1");
  await page.getByRole("button", { name: "Add group" }).click();
  await expect(page.getByRole("heading", { level: 3, name: "Reading group 1" })).toBeVisible();
  await page.getByLabel("New group").fill("Reading group 1");
  await page.getByRole("button", { name: "Add group" }).click();
  await expect(page.getByText("This course already has a group with that name.")).toBeVisible();

  const studentContext = await browser.newContext();
  const student = await studentContext.newPage();
  await signIn(student, DEMO.ada);
  const response = await student.goto(courseUrl);
  expect(response?.status()).toBe(404);
  await expect(student.getByRole("heading", { level: 1 })).toHaveText("Not found");
  await expect(student.getByText("Okinawa Reversion Seminar")).toHaveCount(0);
  await studentContext.close();
});

test("only administrators reach the people page", async ({ page, browser }) => {
  const studentContext = await browser.newContext();
  const student = await studentContext.newPage();
  await signIn(student, DEMO.ada);
  expect((await student.goto("/admin"))?.status()).toBe(404);
  await studentContext.close();
  await signIn(page, DEMO.admin);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Hana Mori/ })).toBeVisible();
  await expectNoAxeViolations(page);
});
