import { expect, test } from "@playwright/test";
import { DEVICES, expectInViewport, press, snap, useDevice } from "./devices";
import { DEMO, expectNoAxeViolations, signIn } from "./support";

// People across the library (#19): from the header to Kishi, a search within what he said, and
// a jump to one of his turns in its document; an editor links him to Wikidata.

for (const device of DEVICES.filter((d) => d.name !== "tablet")) {
  test.describe(`people on a ${device.name}`, () => {
    test.use(useDevice(device));

    test("opens Kishi from the header, searches his turns and jumps to one", async ({ page }) => {
      await page.goto("/");
      const menu = page.getByRole("button", { name: /^Menu/ });
      if (await menu.isVisible()) await press(device, menu);
      await press(
        device,
        page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "People" }),
      );
      await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
      await snap(page, `people-index-${device.name}`);
      await expectNoAxeViolations(page);

      await press(device, page.getByRole("link", { name: "Nobusuke Kishi" }));
      await expect(page.getByRole("heading", { level: 1, name: "Nobusuke Kishi" })).toBeVisible();
      // His names, merged, each with where it came from.
      const names = page.getByRole("region", { name: "Names in the documents" });
      await expect(names.getByText("Kishi", { exact: true })).toBeVisible();
      await expect(names.getByText("Prime Minister Kishi", { exact: true })).toBeVisible();
      await expect(page.getByRole("region", { name: "Offices" })).toContainText("Prime Minister");
      await snap(page, `people-kishi-${device.name}`);
      await expectNoAxeViolations(page);

      const search = page.getByRole("searchbox", { name: "Search within Nobusuke Kishi’s turns" });
      await search.scrollIntoViewIfNeeded();
      await expectInViewport(search);
      await search.fill("Communist China");
      await press(device, page.getByRole("button", { name: "Search", exact: true }));
      await expect(page).toHaveURL(/\/people\/nobusuke-kishi\?q=Communist\+China/);
      await expect(page.getByRole("status")).toContainText(/turns? contains? “Communist China”/);
      const turns = page.locator(".person-turn");
      await expect(turns.first()).toBeVisible();
      for (const turn of await turns.all())
        await expect(turn.locator("mark").first()).toBeVisible();
      await turns.first().scrollIntoViewIfNeeded();
      await snap(page, `people-kishi-search-${device.name}`);
      await expectNoAxeViolations(page);

      const link = turns.first().getByRole("link", { name: /^Turn \d+ of / });
      const href = (await link.getAttribute("href"))!;
      const anchor = href.split("#")[1]!;
      await press(device, link);
      await expect(page).toHaveURL(new RegExp(`/documents/[^#]+#${anchor}$`));
      const target = page.locator(`[id="${anchor}"]`);
      await expect(target).toBeInViewport();
      await expect(page.locator(":target")).toHaveAttribute("id", anchor);
      await expect(target).toContainText(/Communist China/i);
      await snap(page, `people-kishi-turn-${device.name}`);
    });

    test("an editor links Kishi to Wikidata; a bad id is refused with a sentence", async ({
      page,
    }) => {
      await signIn(page, DEMO.instructor);
      await page.goto("/people/nobusuke-kishi");
      const field = page.getByRole("textbox", { name: "Wikidata id or authority URI" });
      await field.scrollIntoViewIfNeeded();
      await field.fill("Q-kishi");
      await press(device, page.getByRole("button", { name: "Save link" }));
      await expect(
        page.getByRole("alert").filter({ hasText: "“Q-kishi” is not a Wikidata id" }),
      ).toBeVisible();
      await expect(field).toHaveAttribute("aria-invalid", "true");
      await field.fill("Q310452");
      await press(device, page.getByRole("button", { name: "Save link" }));
      await expect(
        page.getByText("Linked to https://www.wikidata.org/entity/Q310452."),
      ).toBeVisible();
      const wikidata = page.getByRole("link", { name: "Wikidata Q310452" });
      await expect(wikidata).toHaveAttribute("href", "https://www.wikidata.org/entity/Q310452");
      await snap(page, `people-authority-${device.name}`);
      await expectNoAxeViolations(page);
      // The JSON export carries it.
      const exported = await page.request.get("/api/people/nobusuke-kishi");
      expect((await exported.json()).sameAs).toBe("https://www.wikidata.org/entity/Q310452");
    });
  });
}

test("the reader links each participant to their person page", async ({ page }) => {
  await page.goto("/documents/1960-01-19-memorandum-conversation-us-japanese-economic-problems");
  await page.getByRole("link", { name: "Nobusuke Kishi" }).first().click();
  await expect(page).toHaveURL(/\/people\/nobusuke-kishi$/);
});

test("the library tells the two copies of FRUS doc. 143 apart", async ({ page }) => {
  await page.goto("/");
  await expect(
    page.getByText("FRUS 1958–60, vol. XVIII, doc. 143 · TEI edition (history.state.gov)"),
  ).toBeVisible();
  await expect(
    page.getByText("FRUS doc. 143 · plain-text copy (no volume, date or address given)"),
  ).toBeVisible();
});
