import { expect, test, type Page } from "@playwright/test";
import { DEVICES, expectInViewport, press, snap, useDevice } from "./devices";
import { DEMO, expectNoAxeViolations, selectWithMouse, signIn } from "./support";

// Annotations across editions (issue 19): a note Ada makes on FRUS 1955–57 XXIII-1 doc. 102 is
// shown, marked as coming from that edition, on the aligned turn of seed 003 ("The World and
// Japan" database), and on its row when the two editions are read side by side.

const SEED_003 = "/documents/1956-09-07-japanese-soviet-negotiations";
const D102 = "/documents/1956-09-07-dulles-memorandum-conversation";
const BEN = { email: "ben@memcon.test", password: "close-reading" };
const FRUS = "Foreign Relations of the United States";

async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    window: window.innerWidth,
  }));
  expect(widths.page).toBeLessThanOrEqual(widths.window);
}

for (const device of DEVICES.filter((d) => d.name !== "tablet")) {
  test.describe(`notes across editions on a ${device.name}`, () => {
    // Two people's sessions, a save and three pages on a machine shared by two browsers.
    test.setTimeout(150_000);
    test("a note made on one edition is shown on the other and side by side", async ({
      browser,
    }) => {
      const words =
        device.name === "desktop"
          ? "Ambassador Tani concurred."
          : "The Secretary proceeded to make a number of other observations";
      const body = `On the ${device.name}: compare the two editions here.`;
      // Ada writes the note on FRUS at her desk, for the course.
      const desk = await browser.newContext(useDevice(DEVICES[0]!));
      const ada = await desk.newPage();
      await signIn(ada, DEMO.ada);
      await ada.goto(D102);
      await selectWithMouse(ada, words);
      await ada.getByRole("button", { name: "Annotate" }).click();
      await ada.getByRole("textbox", { name: "Your note" }).fill(body);
      await ada.getByLabel("Who can see it").selectOption({ label: `Course: ${DEMO.course}` });
      await ada.getByRole("button", { name: "Save" }).click();
      await expect(ada.getByRole("status")).toHaveText("Annotation saved.", { timeout: 20_000 });
      await desk.close();

      // Ben, in the course, reads seed 003 on his device.
      const own = await browser.newContext(useDevice(device));
      const page = await own.newPage();
      await signIn(page, BEN);
      await page.goto(SEED_003);
      const turn = page.locator(".transcript > .turn", { hasText: words });
      const from = turn.locator("details.edition-note", { hasText: body.slice(0, 12) });
      const summary = from.locator("summary", { hasText: `From the ${FRUS} edition` });
      await expect(summary).toBeAttached();
      await summary.scrollIntoViewIfNeeded();
      await press(device, summary);
      await expect(from.getByText(body)).toBeVisible();
      await expect(from.getByText(`On the words “${words}”`)).toBeVisible();
      await expectInViewport(from.getByRole("link", { name: "open it in that edition" }));
      await expectNoSidewaysScroll(page);
      await snap(page, `edition-notes-reader-${device.name}`);
      await expectNoAxeViolations(page);

      // Side by side: the note is listed on its row, with the edition it was made on.
      await page.goto(`${SEED_003}/editions/1956-09-07-dulles-memorandum-conversation`);
      const row = page.locator(".edition-row", { hasText: body });
      await expect(row.getByText(`From the ${FRUS} edition`)).toBeVisible();
      await row.getByText(body).scrollIntoViewIfNeeded();
      await expectInViewport(row.getByText(body));
      await expectNoSidewaysScroll(page);
      await snap(page, `edition-notes-side-by-side-${device.name}`);
      await expectNoAxeViolations(page);

      // A visitor who may not read the note sees nothing of it.
      await own.clearCookies();
      await page.goto(SEED_003);
      await expect(page.getByText(body)).toHaveCount(0);
      await own.close();
    });
  });
}
