import { expect, test } from "@playwright/test";
import { DEVICES, press, snap, useDevice } from "./devices";
import { expectNoAxeViolations } from "./support";

const SLUG = "1959-09-14-liao-ishibashi-third-conversation";
const LIAO = `/documents/${SLUG}`;

for (const device of DEVICES.filter((d) => d.name !== "tablet")) {
  test.describe(`citing a turn on a ${device.name}`, () => {
    test.use({ ...useDevice(device), permissions: ["clipboard-read", "clipboard-write"] });

    test("copies a Chicago note of a turn with its permalink", async ({ page }) => {
      await page.goto(LIAO);
      const turn = page.locator(".turn--speech").nth(3);
      const id = (await turn.getAttribute("id"))!;
      const anchor = id.slice(2);
      const words = turn.locator(".utterance");
      await words.scrollIntoViewIfNeeded();
      // The pointer over a turn (or a tap on it) brings its Cite button into its margin.
      if (device.hasTouch) await words.tap();
      else await words.hover();
      const cite = page.getByRole("button", { name: `Cite turn ${anchor}` });
      await press(device, cite);

      const dialog = page.getByRole("dialog", { name: `Cite turn ${anchor}` });
      await expect(dialog).toBeVisible();
      const note = dialog.getByRole("textbox", { name: "Chicago note" });
      // The first citation after the server starts may wait for the style to load.
      await expect(note).toHaveValue(
        new RegExp(
          "^Liu Meihan, trans\\., “Record of the Third Conversation between Comrade Liao " +
            `Chengzhi and Ishibashi Tanzan,” Transcript, September 14, 1959, PRC FMA ` +
            `105-00669-02, pp\\. 32–37, Wilson Center Digital Archive, http.+/documents/${SLUG}#${id}\\.$`,
        ),
        { timeout: 20_000 },
      );
      await expect(dialog.getByRole("textbox", { name: "BibTeX" })).toHaveValue(
        new RegExp(`^@misc\\{${SLUG}-t${anchor},`),
      );
      await press(device, dialog.getByRole("button", { name: "Copy Chicago note" }));
      await expect(dialog.getByText("Copied", { exact: true })).toBeVisible();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(await note.inputValue());
      await snap(page, `historian-cite-${device.name}`);
      await expectNoAxeViolations(page);

      await press(device, dialog.getByRole("button", { name: "Close" }));
      await expect(dialog).toBeHidden();
      await expectNoAxeViolations(page);
    });
  });
}

test("the keyboard cites the focused turn with c", async ({ page }) => {
  await page.goto(LIAO);
  await page.locator("body").press("j");
  await page.keyboard.press("j");
  const focused = page.locator(".transcript > .turn:focus");
  const anchor = (await focused.getAttribute("id"))!.slice(2);
  await page.keyboard.press("c");
  const dialog = page.getByRole("dialog", { name: `Cite turn ${anchor}` });
  await expect(dialog.getByRole("textbox", { name: "RIS" })).toHaveValue(/^TY {2}- MANSCPT/);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(focused).toBeFocused();
});

/**
 * What Zotero's connector saves from a document page, read as its "Embedded Metadata" translator
 * reads it: `<meta>` elements of the page's <head> whose name ends in a Highwire key, authors
 * split at semicolons, pages from first and last page, the URL from citation_public_url or else
 * citation_abstract_html_url; plus the schema.org JSON-LD.
 */
async function embeddedMetadata(page: import("@playwright/test").Page) {
  return page.evaluate(() => {
    const metas = [...document.head.querySelectorAll("meta")];
    const contents = (key: string) =>
      metas
        .filter((meta) => (meta.getAttribute("name") ?? "").endsWith(key))
        .map((meta) => meta.getAttribute("content")?.trim().replace(/\s+/g, " ") ?? "")
        .filter(Boolean);
    const first = (key: string) => contents(key)[0];
    const HIGHWIRE: Record<string, string> = {
      citation_title: "title",
      citation_publication_date: "date",
      citation_date: "date",
      citation_publisher: "publisher",
      citation_abstract: "abstractNote",
      citation_public_url: "url",
      citation_language: "language",
    };
    const item: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(HIGHWIRE)) if (first(key)) item[field] = first(key);
    item.creators = contents("citation_author").flatMap((value) => value.split(/\s*;\s*/));
    const [firstPage, lastPage] = [first("citation_firstpage"), first("citation_lastpage")];
    if (firstPage) item.pages = firstPage + (lastPage ? `-${lastPage}` : "");
    item.url ??= first("citation_abstract_html_url") ?? first("citation_fulltext_html_url");
    const jsonLd = [...document.querySelectorAll('script[type="application/ld+json"]')].map(
      (script) => JSON.parse(script.textContent ?? "null"),
    );
    return { item, jsonLd };
  });
}

test("a document page tells Zotero what it is", async ({ page, baseURL }) => {
  await page.goto(LIAO);
  const { item, jsonLd } = await embeddedMetadata(page);
  expect(item).toEqual({
    title: "Record of the Third Conversation between Comrade Liao Chengzhi and Ishibashi Tanzan",
    date: "1959/09/14",
    publisher: "Wilson Center Digital Archive",
    abstractNote: expect.stringContaining("During a conversation with Liao Chengzhi"),
    url: `${baseURL}${LIAO}`,
    language: "en",
    creators: [],
    pages: "32-37",
  });
  expect(jsonLd).toEqual([
    expect.objectContaining({
      "@type": "ArchiveComponent",
      holdingArchive: { "@type": "ArchiveOrganization", name: "Wilson Center Digital Archive" },
      translator: { "@type": "Person", name: "Liu Meihan" },
    }),
  ]);

  // The cable names its sender as author; and the tags are in the <head> of the HTML as served,
  // for tools that read the page without running it.
  const cable = await page.request.get("/documents/1978-07-22-sato-cable-1384");
  const html = await cable.text();
  const head = html.slice(0, html.indexOf("</head>"));
  expect(head).toContain('<meta name="citation_author" content="Ambassador Sato"/>');
  expect(head).toContain('<meta name="citation_date" content="1978/07/22"/>');
});

for (const device of DEVICES.filter((d) => d.name !== "tablet")) {
  test.describe(`share of talk on a ${device.name}`, () => {
    test.use(useDevice(device));

    test("the header shows turns and words per speaker, and the filter their turns", async ({
      page,
    }) => {
      await page.goto(LIAO);
      const table = page.getByRole("table", { name: "Share of talk" });
      await expect(table).toBeVisible();
      await expect(table.getByRole("row")).toHaveText([
        "SpeakerTurnsWordsShare of words",
        "Liao311,11860%",
        "Ishibashi3074440%",
      ]);
      const chip = page.getByRole("link", { name: "Ishibashi 30 turns" });
      await chip.scrollIntoViewIfNeeded();
      await snap(page, `historian-share-${device.name}`);
      await press(device, chip);
      await expect(page).toHaveURL(/speaker=ishibashi/);
      await expectNoAxeViolations(page);
    });
  });
}

const EDITIONS =
  "/documents/1956-09-07-japanese-soviet-negotiations/editions/1956-09-07-dulles-memorandum-conversation";

for (const device of DEVICES.filter((d) => d.name !== "tablet")) {
  test.describe(`two editions on a ${device.name}`, () => {
    test.use(useDevice(device));

    test("reads “The World and Japan” beside the FRUS edition with the differences marked", async ({
      page,
    }) => {
      // The reader offers the library's other edition of the record.
      await page.goto("/documents/1956-09-07-japanese-soviet-negotiations");
      await press(
        device,
        page
          .getByRole("navigation", { name: "Other editions" })
          .getByRole("link", { name: "Compare with Foreign Relations of the United States" }),
      );
      await expect(page).toHaveURL(EDITIONS);
      await expect(page.getByRole("heading", { level: 1 })).toContainText(
        "Japanese-Soviet Negotiations",
      );
      // Aligned by source paragraph: 25 rows, the title line, FRUS's two attachment headings
      // and the paragraph whose dashes differ.
      await expect(page.getByText(/^25 paragraphs, 4 of them different\./)).toBeVisible();
      await snap(page, `historian-editions-top-${device.name}`);
      // "The World and Japan" spaces the dashes FRUS prints as em dashes.
      const dash = page.locator("mark.edition-only", { hasText: "mind—and" });
      await dash.scrollIntoViewIfNeeded();
      await expect(dash).toBeInViewport();
      await snap(page, `historian-editions-${device.name}`);
      // The database's title line is its own; FRUS's "[Attachment]" and "ORAL POINTS" are its own.
      await expect(
        page.getByText('Not in this edition: only in "The World and Japan" Database', {
          exact: false,
        }),
      ).toHaveCount(1);
      await expect(
        page.getByText("Not in this edition: only in Foreign Relations of the United States."),
      ).toHaveCount(2);
      // The turn numbers lead to the reader: a paragraph of two statements shows both.
      const link = page.getByRole("link", {
        name: "Foreign Relations of the United States, turn 6",
      });
      await expect(
        page
          .getByRole("listitem")
          .filter({ has: link })
          .getByRole("link", { name: "Foreign Relations of the United States, turn 7" }),
      ).toBeVisible();
      await press(device, link);
      await expect(page).toHaveURL(/1956-09-07-dulles-memorandum-conversation#t-6$/);
      await page.goBack();
      await expectNoAxeViolations(page);
    });
  });
}

test.describe("citing a selection", () => {
  test.use({ ...useDevice(DEVICES[0]!), permissions: ["clipboard-read", "clipboard-write"] });

  test("cites the turns a mouse selection runs over", async ({ page }) => {
    await page.goto(LIAO);
    const first = page.locator(".turn--speech").nth(4);
    const last = page.locator(".turn--speech").nth(5);
    const [from, to] = [
      (await first.getAttribute("id"))!.slice(2),
      (await last.getAttribute("id"))!.slice(2),
    ];
    await first.scrollIntoViewIfNeeded();
    const start = (await first.locator(".utterance").boundingBox())!;
    const end = (await last.locator(".utterance").boundingBox())!;
    // Drag from the first turn's words to the next one's, as a reader selects.
    await page.mouse.move(start.x + 40, start.y + 8);
    await page.mouse.down();
    await page.mouse.move(end.x + 60, end.y + 8, { steps: 12 });
    await page.mouse.up();
    const cite = page.getByRole("button", { name: `Cite turns ${from}–${to}` });
    await expect(cite).toBeInViewport();
    await cite.click();
    const dialog = page.getByRole("dialog", { name: `Cite turns ${from}–${to}` });
    await expect(dialog.getByRole("textbox", { name: "BibTeX" })).toHaveValue(
      new RegExp(`note = \\{Turns ${from}–${to}\\},[\\s\\S]*#t-${from}\\}`),
      { timeout: 20_000 },
    );
    await snap(page, "historian-cite-selection-desktop");
    await dialog.getByRole("button", { name: "Copy BibTeX" }).click();
    await expect(dialog.getByText("Copied", { exact: true })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
      `Turns ${from}–${to}`,
    );
  });
});
