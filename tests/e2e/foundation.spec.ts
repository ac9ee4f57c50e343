import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support";

test("the library lists the documents loaded from content/", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Library" })).toBeVisible();
  const items = page.locator(".document-card");
  await expect(items.first()).toBeVisible();
  expect(await items.count()).toBeGreaterThan(0);
});

test("the library page has no accessibility violations", async ({ page }) => {
  await page.goto("/");
  await expectNoAxeViolations(page);
});

test("/api/health reports the version and a healthy database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.status).toBe("ok");
  expect(body.database.status).toBe("up");
  expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
});
