import fs from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { DEMO, expectNoAxeViolations, selectWithMouse, signIn } from "./support";

// Issue 16: an instructor brings a FRUS TEI file and a PDF into the course in the browser, fixes
// a speaker in the review, and publishes; a student of the course opens (and, with a mouse,
// annotates) the document; a student of another course gets "not found" and finds it in no
// search. On a desktop screen and on a phone (touch).

const FIXTURES = path.resolve("tests/fixtures/uploads");
const SCREENSHOTS = path.resolve("test-results/uploads");
const stamp = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 6);

// One after the other: each signs in four people (a scrypt hash each) on a shared two-core machine.
test.describe.configure({ mode: "default" });

const DEVICES = [
  { name: "desktop", use: { viewport: { width: 1366, height: 900 } } },
  { name: "phone", use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
] as const;

for (const device of DEVICES) {
  test.describe(`on a ${device.name}`, () => {
    test.use(device.use);
    const touch = device.name === "phone";
    /** Press a control as this device's person would: a tap on the phone, a click otherwise. */
    const press = async (control: Locator) => {
      await control.scrollIntoViewIfNeeded();
      await expect(control).toBeInViewport();
      if (touch) await control.tap();
      else await control.click();
    };

    test("an instructor brings a TEI file and a PDF, fixes a speaker, publishes (and on a desk revises); only the course reads them", async ({
      page,
      browser,
    }) => {
      test.setTimeout(180_000);
      await signIn(page, DEMO.instructor);
      await press(page.getByRole("link", { name: DEMO.course }));
      await press(page.getByRole("link", { name: "Add or review documents" }));
      await expect(page).toHaveURL(/\/courses\/[a-z0-9]+\/documents$/);
      await expect(page.getByRole("heading", { name: "Course documents", level: 1 })).toBeVisible();
      const documentsUrl = page.url();

      // 1. TEI: a whole volume on the desktop (pick a document), one document on the phone.
      if (touch) {
        await upload(page).setInputFiles(path.join(FIXTURES, "frus1958-60v18_d143.xml"));
        await press(page.getByRole("button", { name: "Read it" }));
      } else {
        await upload(page).setInputFiles(path.join(FIXTURES, "frus1958-60v18-fragment.xml"));
        await press(page.getByRole("button", { name: "Read it" }));
        await expect(page.locator(".upload-form").getByRole("alert")).toHaveText(
          /holds 2 documents: choose the one/,
        );
        await page
          .getByLabel("Which document of this volume?")
          .selectOption({ label: "139. Memorandum of Conversation" });
        await press(page.getByRole("button", { name: "Read this document" }));
      }
      await expect(page).toHaveURL(/\/courses\/[a-z0-9]+\/documents\/[a-z0-9-]+$/);
      await expect(
        page.getByRole("heading", { name: /^Review: Memorandum of Conversation/ }),
      ).toBeVisible();
      await expect(page.locator(".draft-turn").first()).toBeVisible();
      await expectNoAxeViolations(page);
      await page.screenshot({
        path: `${SCREENSHOTS}/review-tei-${device.name}.png`,
        fullPage: false,
      });
      await press(page.getByRole("button", { name: `Publish to ${DEMO.course}` }));
      await expect(page).toHaveURL(readerUrl("1960-01-19-memorandum-conversation[a-z0-9-]*"));
      await expect(
        // The importer gives a generic "Memorandum of Conversation" its subject line.
        page.getByRole("heading", { name: /^Memorandum of Conversation/, level: 1 }),
      ).toBeVisible();

      // 2. PDF (printed from seed 000 by Chromium): fix a speaker, then publish.
      await page.goto(documentsUrl);
      await upload(page).setInputFiles(path.join(FIXTURES, "liao-ishibashi-seed000.pdf"));
      await press(page.getByRole("button", { name: "Read it" }));
      await expect(
        page.getByRole("heading", { name: /^Review: Record of the Third Conversation/ }),
      ).toBeVisible();
      const slug = page.url().split("/").pop()!;
      // "(Expressing consent)" is a stage direction, not Ishibashi's words: no speaker.
      const consent = page.locator(".draft-turn", { hasText: "(Expressing consent)" });
      await expect(consent).toContainText("Ishibashi Tanzan:");
      const speaker = consent.getByRole("combobox", { name: /^Speaker of turn \d+$/ });
      await speaker.scrollIntoViewIfNeeded();
      await expect(speaker).toBeInViewport();
      await speaker.selectOption({ label: "No speaker" });
      await expect(page.getByRole("status").filter({ hasText: "Saved." })).toHaveText(
        /no speaker\. Saved\./,
      );
      await expect(consent).not.toContainText("Ishibashi Tanzan:");
      await expect(consent.getByRole("combobox", { name: /^Kind of turn \d+$/ })).toHaveValue(
        "paragraph",
      );
      await page.screenshot({
        path: `${SCREENSHOTS}/review-pdf-${device.name}.png`,
        fullPage: false,
      });
      // The correction is kept: the draft comes back as left.
      await page.reload();
      await expect(
        page.locator(".draft-turn", { hasText: "(Expressing consent)" }),
      ).not.toContainText("Ishibashi Tanzan:");
      // The corrected reading as a content file, to keep (and, below, to correct further).
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        press(page.getByRole("link", { name: "Download as content file" })),
      ]);
      expect(download.suggestedFilename()).toBe(`${slug}.md`);
      const contentFile = fs.readFileSync((await download.path())!, "utf8");
      expect(contentFile).toContain("\n(Expressing consent)\n");
      await press(page.getByRole("button", { name: `Publish to ${DEMO.course}` }));
      await expect(page).toHaveURL(readerUrl(slug));
      const title =
        "Record of the Third Conversation between Comrade Liao Chengzhi and Ishibashi Tanzan";

      // 3. A student of the course finds it on the course page, opens it and annotates it.
      const ada = await newPerson(browser, device.use);
      await signIn(ada, DEMO.ada);
      await press(ada.getByRole("link", { name: DEMO.course }));
      const readings = ada.locator("section", {
        has: ada.getByRole("heading", { name: "Course documents" }),
      });
      await press(readings.locator(`a[href="/documents/${slug}"]`));
      await expect(ada.getByRole("heading", { name: title, level: 1, exact: true })).toBeVisible();
      if (!touch) {
        await selectWithMouse(ada, "rocket bases");
        await ada.getByRole("button", { name: "Annotate" }).click();
        await ada.getByRole("textbox", { name: "Your note" }).fill("Bombers then, rockets now.");
        await ada.getByRole("button", { name: "Save" }).click();
        await expect(ada.getByRole("status")).toHaveText("Annotation saved.");

        // 3b. A corrected version: one turn's words fixed, one turn dropped. The diff says so,
        // and publishing keeps Ada's note on its words.
        const corrected = contentFile
          .replace("Mr. Ishii [Mitsujiro]", "Mr. Ishii [Mitsujirō]")
          .replace(/\n\*\*Ishibashi:\*\* None\.\n/, "\n");
        const correctedPath = test.info().outputPath(`${slug}.md`);
        fs.writeFileSync(correctedPath, corrected);
        await page.goto(documentsUrl);
        const published = page
          .getByRole("region", { name: /^Published/ })
          .getByRole("listitem")
          .filter({
            has: page.locator(`a[href="/documents/${slug}"]`),
          });
        await press(published.getByText("Upload a corrected version"));
        await published.getByLabel("File", { exact: true }).setInputFiles(correctedPath);
        await press(published.getByRole("button", { name: "Upload the corrected version" }));
        await expect(page.getByRole("heading", { name: "What changes" })).toBeVisible();
        await expect(page.locator(".draft-diff")).toContainText(
          "1 turn(s) edited, 0 added, 1 removed",
        );
        await expect(page.locator(".draft-diff ins")).toHaveText(["Mitsujirō"]);
        await page.screenshot({ path: `${SCREENSHOTS}/review-revision-${device.name}.png` });
        await press(page.getByRole("button", { name: "Publish the corrected version" }));
        await expect(page).toHaveURL(readerUrl(slug));
        await ada.reload();
        await expect(ada.getByText("Mitsujirō")).toBeVisible();
        await expect(ada.getByRole("heading", { name: /^Could not be placed/ })).toHaveCount(0);
        await expect(
          ada.locator(".annotation-card", { hasText: "Bombers then, rockets now." }),
        ).toHaveCount(1);
      }

      // 4. A student of another course: the document does not exist for them.
      // (Another instructor's course, set up at a desk: only its student's side is under test.)
      const otherCourse = `Postwar Treaties ${stamp()}`;
      const desk = await newPerson(browser, DEVICES[0].use);
      await signIn(desk, DEMO.instructor);
      await desk.getByLabel("Course title").fill(otherCourse);
      await desk.getByLabel("Term").fill("Spring 2027");
      await desk.getByRole("button", { name: "Create course" }).click();
      await expect(desk.getByRole("heading", { name: otherCourse })).toBeVisible();
      const joinCode = (await desk.locator(".join-code").textContent())!.trim();
      const omar = await newPerson(browser, device.use);
      await omar.goto("/signup");
      await omar.getByLabel("Name").fill("Omar Said");
      await omar.getByLabel("Email").fill(`omar-${stamp()}@example.edu`);
      await omar.getByLabel("Password").fill("treaties and more treaties");
      await press(omar.getByRole("button", { name: "Create account" }));
      await expect(omar).toHaveURL(/\/courses/);
      await omar.getByLabel("Join code").fill(joinCode);
      await press(omar.getByRole("button", { name: "Join course" }));
      await expect(omar.getByRole("heading", { name: otherCourse })).toBeVisible();

      await omar.goto(`/documents/${slug}`);
      await expect(omar.getByRole("heading", { name: "Document not found" })).toBeVisible();
      await omar.goto("/?q=Superfortress");
      // The public library's copy is found; the course's is not.
      await expect(
        omar.locator('a[href^="/documents/1959-09-14-liao-ishibashi-third-conversation"]').first(),
      ).toBeVisible();
      await expect(omar.locator(`a[href^="/documents/${slug}"]`)).toHaveCount(0);
      await omar.screenshot({ path: `${SCREENSHOTS}/outsider-search-${device.name}.png` });
      // Ada, in the course, finds both.
      await ada.goto("/?q=Superfortress");
      await expect(ada.locator(`a[href^="/documents/${slug}"]`).first()).toBeVisible();
    });
  });
}

test("a site admin pastes a transcript into the public library; everyone reads it once published", async ({
  page,
  browser,
}) => {
  const title = `Record of a Short Conversation ${stamp()}`;
  await signIn(page, DEMO.admin);
  await page.goto("/");
  await page.getByRole("link", { name: "Add a document to the public library" }).click();
  await page.getByRole("radio", { name: "Pasted text" }).check();
  await page
    .getByLabel("Text of the document")
    .fill(
      `**${title}**\n\nLiao: We meet again.\n\nIshibashi: Indeed we do.\n\nLiao: Shall we begin?\n\n` +
        "Ishibashi: Yes.\n\nLiao: Good.\n\nIshibashi: Go on.",
    );
  await page.getByRole("button", { name: "Read it" }).click();
  await expect(page.getByRole("heading", { name: `Review: ${title}` })).toBeVisible();
  // Not visible to anyone until published.
  const anonymous = await browser.newPage();
  await anonymous.goto(`/?q=${encodeURIComponent("Shall we begin")}`);
  await expect(anonymous.getByRole("link", { name: title })).toHaveCount(0);
  await page.getByRole("button", { name: "Publish to the public library" }).click();
  await expect(page).toHaveURL(/^https?:\/\/[^/]+\/documents\/[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { name: title, level: 1, exact: true })).toBeVisible();
  await anonymous.reload();
  await expect(anonymous.getByRole("link", { name: title }).first()).toBeVisible();
});

/** The reader's address (not the review screen's, which also ends in /documents/<slug>). */
const readerUrl = (slug: string) => new RegExp(`^https?://[^/]+/documents/${slug}$`);

/** The file field of "Add a document" (each published document has its own, for corrections). */
const upload = (page: Page) =>
  page.getByRole("region", { name: "Add a document" }).getByLabel("File", { exact: true });

async function newPerson(browser: Browser, use: (typeof DEVICES)[number]["use"]): Promise<Page> {
  const context = await browser.newContext(use);
  return context.newPage();
}
