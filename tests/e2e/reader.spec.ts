import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support";

const LIAO = "/documents/1959-09-14-liao-ishibashi-third-conversation";

test("search finds the Liao–Ishibashi conversation and links to the matching turns", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByLabel("Search the transcripts").fill("military bases");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/q=military\+bases/);
  const result = page.locator(".search-result").first();
  await expect(result.getByRole("heading")).toContainText("Liao Chengzhi and Ishibashi Tanzan");
  await expect(result.locator("mark").first()).toHaveText(/military|bases/i);
  const hit = result.locator(".hit-link").first();
  const href = await hit.getAttribute("href");
  expect(href).toMatch(/#t-\d+$/);
  await hit.click();
  const anchor = href!.split("#")[1]!;
  await expect(page.locator(`#${anchor}`)).toBeInViewport();
  await expect(page.locator(`#${anchor} .utterance`)).toContainText(/military bases/i);
  await expectNoAxeViolations(page);
});

test("the reader shows turns with speakers, a permalink per turn and the record", async ({
  page,
}) => {
  await page.goto(LIAO);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Third Conversation");
  // The citation's translator in the record; the header lines folded into "Document header".
  await expect(page.locator(".record")).toContainText("Liu Meihan");
  await expect(page.locator(".furniture-line").filter({ hasText: "Lin Liyun" })).toHaveCount(1);
  const first = page.locator(".turn--speech").first();
  await expect(first.locator(".speaker-label")).toHaveText("Liao");
  await expect(first.locator(".utterance")).toContainText(
    "Premier Zhou [Enlai] sends you his greetings",
  );
  // Full name on focus.
  await first.focus();
  await expect(first.locator(".speaker-full")).toBeVisible();
  await expect(first.locator(".speaker-full")).toContainText("Liao Chengzhi");
  await expectNoAxeViolations(page);
});

test("a permalink opens the document at its turn", async ({ page }) => {
  await page.goto(LIAO);
  const turn = page.locator(".turn--speech").nth(5);
  const id = await turn.getAttribute("id");
  await page.goto(`${LIAO}#${id}`);
  await expect(page.locator(`#${id}`)).toBeInViewport();
  await expect(page.locator(`#${id}`)).toHaveCSS("outline-style", "solid");
});

test("j and k move between turns and the address follows", async ({ page }) => {
  await page.goto(LIAO);
  const turns = page.locator(".transcript > .turn");
  await page.locator("body").press("j");
  await expect(turns.first()).toBeFocused();
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await expect(turns.nth(2)).toBeFocused();
  await page.keyboard.press("k");
  await expect(turns.nth(1)).toBeFocused();
  expect(page.url()).toContain(`#${await turns.nth(1).getAttribute("id")}`);
});

test("filtering by speaker shows that party's turns with the turn before as context", async ({
  page,
}) => {
  await page.goto(LIAO);
  // The chip names its turn count too ("Ishibashi 30 turns").
  await page.getByRole("link", { name: /^Ishibashi \d+ turns$/ }).click();
  await expect(page).toHaveURL(/speaker=/);
  const own = page.locator(".turn:not(.turn--context)");
  const count = await own.count();
  expect(count).toBeGreaterThan(3);
  for (let i = 0; i < count; i++)
    await expect(own.nth(i).locator(".speaker-label")).toHaveText("Ishibashi");
  await expect(page.locator(".turn--context").first().locator(".speaker-label")).toHaveText("Liao");
  await expectNoAxeViolations(page);
});

test("the timeline orders documents by date", async ({ page }) => {
  await page.goto("/?view=timeline");
  const dates = await page
    .locator(".timeline time")
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("datetime")!));
  expect(dates.length).toBeGreaterThanOrEqual(5);
  expect([...dates].sort()).toEqual(dates);
  await expectNoAxeViolations(page);
});

test("a collection lists its dated entries in order, as references when not in the library", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Sino-Japanese Relations" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sino-Japanese Relations");
  const dates = await page
    .locator(".entry time")
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("datetime")!));
  expect(dates).toHaveLength(20);
  expect([...dates].sort()).toEqual(dates);
  expect(dates[0]).toBe("1946-05-06");
  // None of this listing's twenty documents is in the seed library yet.
  await expect(page.locator(".badge--reference")).toHaveCount(20);
  await expectNoAxeViolations(page);
});
