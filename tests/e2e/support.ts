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
