import { expect, test, type Page } from "@playwright/test";
import {
  DEVICES,
  expectInViewport,
  press,
  selectionBox,
  selectWords,
  snap,
  useDevice,
  type Device,
} from "./devices";
import { DEMO, expectNoAxeViolations, selectWithMouse } from "./support";

// The first minute of a newcomer, on a laptop, a tablet and a phone: sign in from the header,
// open a conversation from the library, select words, find Annotate beside them, write a note
// with links, save, and see it. Highlights and an instructor's passage-to-assignment too.

const TITLE = "Record of the Third Conversation between Comrade Liao Chengzhi and Ishibashi Tanzan";
const BEN = { email: "ben@memcon.test", password: "close-reading", name: "Ben" };
const LINK_SCHEME =
  "Links must start with http://, https:// or mailto: (and contain no spaces or user:password@ part).";

// Each device annotates its own words, so parallel journeys never read each other's notes.
const WORDS: Record<Device["name"], { note: string; highlight: string; passage: string }> = {
  desktop: {
    note: "China and Japan can live at peace with each other forever",
    highlight: "relying on the United States will bring Japan great disasters",
    passage: "We can't help that.",
  },
  tablet: {
    note: "people always treat each other with suspicion in their hearts",
    highlight: "it is also a matter of life and death",
    passage: "The majority of them.",
  },
  phone: {
    note: "We have penetrating insights into the United States",
    highlight: "Let's call it a day",
    passage: "Does it appear to you that it is hard to reach an agreement?",
  },
};

/** Sign in from the header, as a person does (on a phone the links are behind "Menu"). */
async function signInFromHeader(
  page: Page,
  device: Device,
  user: { email: string; password: string },
) {
  await page.goto("/");
  await openMenuIfFolded(page, device);
  await press(device, page.getByRole("link", { name: "Sign in" }));
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await press(device, page.getByRole("button", { name: "Sign in" }));
  await expect(page).toHaveURL(/\/courses/);
}

async function openMenuIfFolded(page: Page, device: Device) {
  const menu = page.getByRole("button", { name: /^Menu/ });
  if (device.name === "phone") await press(device, menu);
  else await expect(menu).toBeHidden();
}

async function openTheConversation(page: Page, device: Device) {
  await openMenuIfFolded(page, device);
  await press(
    device,
    page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Library" }),
  );
  await press(device, page.getByRole("link", { name: TITLE }));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
}

/** The adder is beside the selection: within 80 px of it, above or below, never on it. */
async function expectBesideSelection(page: Page, control: ReturnType<Page["getByRole"]>) {
  const selected = await selectionBox(page);
  const adder = (await page.locator(".selection-adder").boundingBox())!;
  const below = adder.y >= selected.y + selected.height - 1;
  const above = adder.y + adder.height <= selected.y + 1;
  expect(below || above, "the adder does not cover the selected words").toBe(true);
  const gap = below
    ? adder.y - (selected.y + selected.height)
    : selected.y - (adder.y + adder.height);
  expect(gap).toBeLessThan(80);
  await expectInViewport(control);
}

for (const device of DEVICES) {
  test.describe(`on a ${device.name} (${device.viewport.width}x${device.viewport.height})`, () => {
    test.use(useDevice(device));

    test("a student selects words, annotates them beside the selection with links, and sees the note", async ({
      page,
    }) => {
      const words = WORDS[device.name];
      await signInFromHeader(page, device, DEMO.ada);
      await openTheConversation(page, device);
      await selectWords(page, device, words.note, selectWithMouse);

      const annotate = page.getByRole("button", { name: "Annotate" });
      await expect(annotate).toBeVisible();
      await expectBesideSelection(page, annotate);
      await snap(page, `${device.name}-1-adder`);
      const scrolledBefore = await page.evaluate(() => window.scrollY);
      await press(device, annotate);

      const editor = page.getByRole("textbox", { name: "Your note" });
      await expect(editor).toBeFocused();
      await expectInViewport(editor);
      await expect(page.getByRole("form", { name: "New annotation" }).locator(".quote")).toHaveText(
        words.note,
      );
      // The page stays where the reader was.
      expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrolledBefore)).toBeLessThan(
        3,
      );

      await page.keyboard.type(`From the ${device.name}: compare the FRUS edition`);
      // Select "FRUS edition" in the note and link it with the editor's own Link control.
      for (let i = 0; i < "FRUS edition".length; i++) await page.keyboard.press("Shift+ArrowLeft");
      await press(device, page.getByRole("button", { name: "Link", exact: true }));
      const address = page.getByLabel("Link address");
      await expect(address).toBeFocused();
      await address.fill("javascript:alert(1)");
      await press(device, page.getByRole("button", { name: "Add link" }));
      await expect(page.getByRole("alert").filter({ hasText: LINK_SCHEME })).toBeVisible();
      await address.fill("history.state.gov/historicaldocuments/frus1958-60v18/d143");
      await snap(page, `${device.name}-2-link-popover`);
      await press(device, page.getByRole("button", { name: "Add link" }));
      await expect(address).toBeHidden();
      // A typed address becomes a link by itself.
      await editor.press("Control+End");
      await page.keyboard.type(" and https://digitalarchive.wilsoncenter.org/ for the record. ");
      await expect(
        editor.locator('a[href="https://digitalarchive.wilsoncenter.org/"]'),
      ).toBeVisible();
      await snap(page, `${device.name}-3-editor`);
      await expectNoAxeViolations(page); // with the editor open

      await press(device, page.getByRole("button", { name: "Save" }));
      const card = page.locator(".annotation-card", { hasText: `From the ${device.name}` });
      await expect(card).toBeFocused();
      await expect(page.getByRole("status").filter({ hasText: "Annotation saved." })).toBeVisible();
      await expect(card.getByRole("link", { name: "FRUS edition" })).toHaveAttribute(
        "href",
        "https://history.state.gov/historicaldocuments/frus1958-60v18/d143",
      );
      await expect(
        card.getByRole("link", { name: "https://digitalarchive.wilsoncenter.org/" }),
      ).toBeVisible();
      const time = card.locator("time");
      await expect(time).toHaveText("just now");
      await expect(time).toHaveAttribute("title", /\d{4}/);
      await expect(page.locator("mark.hl", { hasText: words.note })).toHaveCount(1);
      await snap(page, `${device.name}-4-saved`);
      await expectNoAxeViolations(page);
    });

    test("a student highlights words for themselves without writing a note", async ({ page }) => {
      const words = WORDS[device.name];
      await signInFromHeader(page, device, BEN);
      await openTheConversation(page, device);
      await selectWords(page, device, words.highlight, selectWithMouse);
      await press(device, page.getByRole("button", { name: "Highlight", exact: true }));
      await expect(page.locator("mark.hl", { hasText: words.highlight })).toBeVisible();
      if (device.name !== "desktop") {
        // On a narrow screen the notes are a sheet, opened from its button or the highlight.
        await press(device, page.locator("mark.hl", { hasText: words.highlight }));
      }
      const card = page.locator(".annotation-card", { hasText: "Highlight (no note)" }).filter({
        hasText: words.highlight,
      });
      await expect(card).toBeVisible();
      const addNote = card.getByRole("button", { name: "Add a note" });
      await addNote.scrollIntoViewIfNeeded(); // the sheet scrolls, as a finger would
      await expectInViewport(addNote);
      await snap(page, `${device.name}-5-highlight`);
    });

    test("an instructor makes an assignment on a passage picked in the reader", async ({
      page,
    }) => {
      const words = WORDS[device.name];
      await signInFromHeader(page, device, DEMO.instructor);
      await openTheConversation(page, device);
      await selectWords(page, device, words.passage, selectWithMouse);
      const turn = await page
        .locator(".transcript > .turn", { hasText: words.passage })
        .first()
        .getAttribute("id");
      // One course: a link straight to the form; several: the adder asks which course.
      const adder = page.getByRole("toolbar", { name: "Selected words" });
      const make = adder
        .getByRole("link", { name: "Make an assignment on this passage" })
        .or(adder.getByRole("button", { name: "Make an assignment on this passage" }));
      await expectBesideSelection(page, make);
      await snap(page, `${device.name}-6-passage-adder`);
      await press(device, make);
      const course = adder.getByRole("link", { name: DEMO.course });
      if (await course.isVisible()) await press(device, course);
      await expect(page.getByRole("heading", { name: "New assignment" })).toBeVisible();
      const number = turn!.replace("t-", "");
      await expect(page.getByLabel("From turn")).toHaveValue(number);
      await expect(page.getByLabel("To turn")).toHaveValue(number);
      await expect(page.getByLabel("Document", { exact: true })).toHaveValue(/liao-ishibashi/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        device.viewport.width,
      );
      await snap(page, `${device.name}-7-assignment-form`);
    });
  });
}

test.describe("on a phone", () => {
  test.use(useDevice(DEVICES[2]!));

  test("the notes open as a sheet from their button and close again", async ({ page }) => {
    const phone = DEVICES[2]!;
    await signInFromHeader(page, phone, DEMO.ada);
    await openTheConversation(page, phone);
    const open = page.getByRole("button", { name: /^Annotations \(\d+\)$/ });
    await press(phone, open);
    const panel = page.getByRole("complementary", { name: "Annotations" });
    await expect(panel).toBeVisible();
    await expectInViewport(panel.getByRole("button", { name: "Close" }));
    await snap(page, "phone-8-sheet");
    await expectNoAxeViolations(page);
    await press(phone, panel.getByRole("button", { name: "Close" }));
    await expect(panel).toBeHidden();
  });
});

test.describe("on a desktop, while a classmate writes", () => {
  test.use(useDevice(DEVICES[0]!));

  test("a classmate's note on the same turn does not take the reader's selection away", async ({
    page,
    browser,
  }) => {
    const desktop = DEVICES[0]!;
    const mine = "don't pay too much attention";
    const theirs = "one or two individual politicians";
    await signInFromHeader(page, desktop, DEMO.ada);
    await openTheConversation(page, desktop);
    await expect(page.getByText("Live: new notes appear as they are posted.")).toBeVisible();
    await selectWords(page, desktop, mine, selectWithMouse);
    await expect(page.getByRole("button", { name: "Annotate" })).toBeVisible();

    // Chen, in another browser, shares a note on other words of the same turn with the course.
    const other = await browser.newContext({ viewport: desktop.viewport });
    const chen = await other.newPage();
    await signInFromHeader(chen, desktop, { email: "chen@memcon.test", password: "close-reading" });
    await openTheConversation(chen, desktop);
    await selectWords(chen, desktop, theirs, selectWithMouse);
    await press(desktop, chen.getByRole("button", { name: "Annotate" }));
    // Chen types once the caret is in the note, as a person does: the editor takes the focus a
    // moment after it opens, and keys sent before then go to the page (a CI run lost them so).
    await expect(chen.getByRole("textbox", { name: "Your note" })).toBeFocused();
    await chen.keyboard.type("Who are the one or two? Ishii and Sato, named just before.");
    await chen.getByLabel("Who can see it").selectOption({ label: `Course: ${DEMO.course}` });
    await press(desktop, chen.getByRole("button", { name: "Save" }));
    await expect(chen.getByRole("status").filter({ hasText: "Annotation saved." })).toBeVisible();
    await other.close();

    // Ada's page paints Chen's highlight live, and her own selection is still there.
    await expect(page.locator("mark.hl", { hasText: theirs })).toBeVisible();
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(mine);
    await press(desktop, page.getByRole("button", { name: "Annotate" }));
    await expect(page.getByRole("form", { name: "New annotation" }).locator(".quote")).toHaveText(
      mine,
    );
  });
});
