import { expect, test, type Page } from "@playwright/test";
import { DEVICES, expectInViewport, press, snap, useDevice } from "./devices";
import { DEMO, expectNoAxeViolations, signIn } from "./support";

// Rival records (issue 19): two memoranda of one meeting (Kishi and Herter, January 19, 1960,
// 3:30–5:30 p.m.; FRUS 1958–1960 vol. XVIII, documents 139 and 143). The instructor links a
// passage of one to a passage of the other, for the course; a student of the course reads the
// first, opens the counterpart beside the text and follows it into its own document.

const ECONOMIC = "/documents/1960-01-19-memorandum-conversation-us-japanese-economic-problems";
const CHINA_TITLE = "Memorandum of Conversation: Relations With Communist China";
const CHINA = "/documents/1960-01-19-memorandum-conversation-relations-communist-china";

/** Nothing on the page is wider than the window (no sideways scrolling). */
async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    window: window.innerWidth,
  }));
  expect(widths.page).toBeLessThanOrEqual(widths.window);
}

for (const device of DEVICES.filter((d) => d.name !== "tablet")) {
  test.describe(`rival records on a ${device.name}`, () => {
    test.use(useDevice(device));
    // Two people's sessions, a save and several pages on a machine shared by two browsers.
    test.setTimeout(150_000);

    test("an instructor links two passages and a student follows the link", async ({
      page,
      browser,
    }) => {
      // Each device links its own turn, so the two runs do not meet.
      const nth = device.name === "desktop" ? 4 : 6;
      await signIn(page, DEMO.instructor);
      await page.goto(ECONOMIC);
      const turn = page.locator(".transcript > .turn:has(.utterance)").nth(nth);
      const anchor = (await turn.getAttribute("id"))!.slice(2);
      const words = turn.locator(".utterance");
      await words.scrollIntoViewIfNeeded();
      if (device.hasTouch) await words.tap();
      else await words.hover();
      await press(
        device,
        page.getByRole("button", { name: `Link turn ${anchor} to another record` }),
      );

      const dialog = page.getByRole("dialog", { name: "Link to another record" });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByLabel("First turn")).toHaveValue(anchor);
      await dialog.getByLabel("Search the library").fill("communist china 1960");
      await press(device, dialog.getByRole("radio", { name: `${CHINA_TITLE} (1960-01-19)` }));
      const from = dialog.getByLabel("From turn");
      await expect(from).toBeVisible();
      await from.selectOption({ index: device.name === "desktop" ? 3 : 5 });
      const other = await from.inputValue();
      await dialog.getByLabel("To turn").selectOption(other);
      await dialog
        .getByLabel("Note")
        .fill("The same afternoon's talks: Kishi on trade, as the other memorandum records it.");
      await dialog.getByLabel("Shared with").selectOption({ label: DEMO.course });
      await expectNoSidewaysScroll(page);
      await snap(page, `rival-records-form-${device.name}`);
      await expectNoAxeViolations(page);
      await press(device, dialog.getByRole("button", { name: "Save link" }));
      await expect(dialog.getByRole("status")).toHaveText("Passages linked.", { timeout: 20_000 });
      await expect(dialog).toBeHidden();

      // The student of the course sees the link on the turn and opens its counterpart.
      const student = await browser.newContext(useDevice(device));
      const reader = await student.newPage();
      await signIn(reader, DEMO.ada);
      await reader.goto(`${ECONOMIC}#t-${anchor}`);
      const also = reader
        .locator(`#t-${anchor}`)
        .getByRole("button", { name: `Also recorded in: ${CHINA_TITLE}` });
      await press(device, also);
      const panel = reader.getByRole("dialog", { name: `Also recorded in: ${CHINA_TITLE}` });
      await expect(panel).toBeVisible();
      await expect(panel.getByText("Kishi on trade, as the other memorandum")).toBeVisible();
      await expect(panel.locator(".passage-link-turns li")).toHaveCount(1);
      await expectInViewport(panel.getByRole("button", { name: "Close" }));
      await expectNoSidewaysScroll(reader);
      await snap(reader, `rival-records-panel-${device.name}`);
      await expectNoAxeViolations(reader);
      // The document lists its links too.
      await expect(
        reader.getByRole("region", { name: "Linked records" }).getByText(CHINA_TITLE).first(),
      ).toBeAttached();
      await press(device, panel.getByRole("link", { name: "Open in its document" }));
      await expect(reader).toHaveURL(new RegExp(`${CHINA}#t-${other}$`));
      await expect(reader.locator(`#t-${other}`)).toBeInViewport();
      // And the counterpart's document links back.
      await expect(
        reader
          .locator(`#t-${other}`)
          .getByRole("button", { name: /^Also recorded in: Memorandum of Conversation: U\.S\./ }),
      ).toBeVisible();
      await snap(reader, `rival-records-counterpart-${device.name}`);
      await student.close();

      // Someone outside the course sees nothing of it.
      await page.context().clearCookies();
      await page.goto("/");
      await page.goto(`${ECONOMIC}#t-${anchor}`);
      await expect(page.locator(`#t-${anchor} .passage-link-ref`)).toHaveCount(0);
    });
  });
}
