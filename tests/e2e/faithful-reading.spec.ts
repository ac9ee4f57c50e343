import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support";

// Issue #15, as a historian reads: the right speaker for every statement, the source's
// paragraphing kept, at a desktop and a phone size.

const DOCUMENTS = {
  dullesTani: "/documents/1956-09-07-japanese-soviet-negotiations",
  kishiEconomic: "/documents/1960-01-19-memorandum-conversation-us-japanese-economic-problems",
  masuhara: "/documents/1956-08-31-masuhara-robertson-memorandum-conversation-courtesy-call",
  liao: "/documents/1959-09-14-liao-ishibashi-third-conversation",
  sato: "/documents/1978-07-22-sato-cable-1384",
  kishiChina: "/documents/memorandum-conversation-relations-communist-china",
};

const VIEWPORTS = [
  { name: "desktop", use: { viewport: { width: 1366, height: 900 } } },
  {
    name: "phone",
    use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  },
] as const;

for (const { name, use } of VIEWPORTS) {
  test.describe(`${name}`, () => {
    test.use(use);

    test("a paragraph split where the speaker changes reads as one paragraph, each statement marked", async ({
      page,
    }) => {
      await page.goto(DOCUMENTS.dullesTani);
      const question = page
        .locator(".transcript > .turn")
        .filter({ hasText: "The Secretary then asked if Prime Minister Hatoyama" });
      const answer = page
        .locator(".transcript > .turn")
        .filter({ hasText: "Ambassador Tani said that there were news reports" });
      await question.scrollIntoViewIfNeeded();
      await expect(question.locator(".speaker-label")).toHaveText("John Foster Dulles");
      await expect(answer.locator(".speaker-label")).toHaveText("Masayuki Tani");
      await expect(answer).toHaveClass(/turn--continues/);
      await expect(answer).toBeInViewport();
      // One paragraph: the answer follows the question's last line with no paragraph gap, and
      // the statement's number stays on the line of its speaker.
      const questionBox = (await question.locator(".utterance").boundingBox())!;
      const answerBox = (await answer.locator(".speaker").boundingBox())!;
      const numberBox = (await answer.locator(".permalink").boundingBox())!;
      expect(answerBox.y).toBeLessThanOrEqual(questionBox.y + questionBox.height + 2);
      expect(
        Math.abs(numberBox.y + numberBox.height - (answerBox.y + answerBox.height)),
      ).toBeLessThan(12);
      await expectNoAxeViolations(page);
    });

    test("a footnote opens in place from its mark, by pointer and by keyboard, and is listed under the text", async ({
      page,
    }) => {
      await page.goto(DOCUMENTS.kishiEconomic);
      const turn = page
        .locator(".transcript > .turn")
        .filter({ hasText: "Ambassador MacArthur mentioned that Mr. Adachi plans" });
      // The mark is not in the words: the utterance reads "Mr. Adachi plans".
      await expect(turn.locator(".utterance")).toContainText("Mr. Adachi plans to discuss");
      const mark = turn.getByRole("button", { name: "Note 2" });
      await mark.scrollIntoViewIfNeeded();
      await expect(mark).toBeInViewport();
      if (name === "phone") await mark.tap();
      else await mark.click();
      const note = page.getByRole("note", { name: "Note 2" });
      await expect(note).toBeVisible();
      await expect(note).toContainText("Tadashi Adachi, Chairman of Japan Chamber of Commerce");
      await expect(note).toBeInViewport();
      await page.screenshot({ path: `test-results/faithful/${name}-footnote-open.png` });
      await page.keyboard.press("Escape");
      await expect(note).toBeHidden();

      // Keyboard: the first note's mark is reached with Tab and opened with Enter.
      const first = page.getByRole("button", { name: "Note 1" });
      await first.focus();
      await expect(first).toBeFocused();
      await page.keyboard.press("Enter");
      const noteOne = page.getByRole("note", { name: "Note 1" });
      await expect(noteOne).toBeVisible();
      await expect(noteOne).toContainText("See footnote 1, Document 138.");
      await page.keyboard.press("Escape");

      // Listed under the document, linked back to the statement that refers to it.
      const list = page.getByRole("region", { name: "Notes" });
      await expect(list.locator("#note-2")).toContainText("Tadashi Adachi");
      await expect(
        list.getByRole("link", { name: /Back to turn \d+, where note 2/ }),
      ).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test("the printed page is shown beside a turn, and no page marker is in the text", async ({
      page,
    }) => {
      await page.goto(DOCUMENTS.kishiEconomic);
      const turn = page
        .locator(".transcript > .turn")
        .filter({ hasText: "Prime Minister Kishi opened the discussion" });
      await expect(turn.locator(".turn-pages")).toHaveText("pp. 268–269");
      // A long turn on a phone: the reader scrolls to its start, where the page stands.
      await turn.locator(".turn-pages").scrollIntoViewIfNeeded();
      await expect(turn.locator(".turn-pages")).toBeInViewport();
      const pagesBox = (await turn.locator(".turn-pages").boundingBox())!;
      const textBox = (await turn.locator(".utterance").boundingBox())!;
      expect(pagesBox.x + pagesBox.width).toBeLessThanOrEqual(textBox.x);
      await expect(page.locator(".transcript")).not.toContainText("[Page");
      await expect(turn.getByRole("img", { name: "Page 269 begins" })).toHaveCount(1);
    });

    test("the header block is one collapsed Document header; lost characters are named", async ({
      page,
    }) => {
      await page.goto(DOCUMENTS.liao);
      const record = page.locator(".record");
      await expect(record).toContainText("Interpreter");
      await expect(record).toContainText("Lin Liyun");
      await expect(record).toContainText("Liu Meihan");
      await expect(record).not.toContainText("Note-taker");
      await expect(record).not.toContainText("□");
      const header = page.getByText("Document header", { exact: false }).first();
      await header.scrollIntoViewIfNeeded();
      await expect(header).toBeInViewport();
      await expect(page.locator(".furniture-line").first()).toBeHidden();
      // The conversation starts right after it: the first turn of the transcript is Liao's.
      await expect(
        page.locator(".transcript > .turn").first().locator(".speaker-label"),
      ).toHaveText("Liao");
      if (name === "phone") await header.tap();
      else await header.click();
      const lines = page.locator(".furniture-line");
      await expect(lines.filter({ hasText: "Lin Liyun" })).toBeVisible();
      await expect(lines.filter({ hasText: "Note-taker:" })).toHaveText(
        "Note-taker: [characters lost in the source copy]",
      );
      await expect(page.locator(".document-furniture")).not.toContainText("□");
      await page.screenshot({ path: `test-results/faithful/${name}-liao-header-open.png` });
      await expectNoAxeViolations(page);
    });

    test("search finds Chinese and Japanese words, and the results replace the list", async ({
      page,
    }) => {
      for (const [query, language] of [
        ["中国", "Chinese"],
        ["外務大臣", "Japanese"],
      ] as const) {
        await page.goto("/");
        const box = page.getByLabel("Search the transcripts");
        await box.fill(query);
        await page.getByRole("button", { name: "Apply" }).click();
        const heading = page.getByRole("heading", { level: 2, name: /match/ });
        await expect(heading, `${language} search`).toHaveText(
          new RegExp(`^1 turn in 1 document matches “${query}”$`),
        );
        const result = page.locator(".search-result").first();
        await expect(result.getByRole("heading")).toContainText("Cable No. 1384");
        await expect(result.locator("mark").first()).toHaveText(query);
        // The results replace the list of documents.
        await expect(page.getByRole("heading", { name: /^\d+ documents?$/ })).toHaveCount(0);
        const hit = result.locator(".hit-link").first();
        await expect(hit).toBeInViewport();
        await page.screenshot({ path: `test-results/faithful/${name}-search-${language}.png` });
        if (name === "phone") await hit.tap();
        else await hit.click();
        await expect(page.locator(".transcript")).toContainText(query);
      }
      await expectNoAxeViolations(page);
    });

    test("the participant filter lists Kishi once and finds every Kishi document", async ({
      page,
    }) => {
      await page.goto("/");
      const filter = page.getByLabel("Participant");
      const options = await filter.locator("option").allTextContents();
      expect(options.filter((option) => /Kishi/.test(option))).toEqual(["Nobusuke Kishi"]);
      await filter.selectOption("Nobusuke Kishi");
      await page.getByRole("button", { name: "Apply" }).click();
      // Both conversations, and the FRUS TEI edition of the second beside its undated web copy.
      await expect(page.getByRole("heading", { name: "3 documents" })).toBeVisible();
      const titles = page.locator(".document-card h2");
      await expect(titles).toHaveText([
        "Memorandum of Conversation: Relations With Communist China",
        "Memorandum of Conversation: U.S.-Japanese Economic Problems",
        "Memorandum of Conversation: Relations With Communist China",
      ]);
      await expect(page.locator(".document-card").nth(2)).toContainText("Undated");
      await page.screenshot({ path: `test-results/faithful/${name}-participant-kishi.png` });
      await expectNoAxeViolations(page);
    });

    test("screenshots of each document", async ({ page }) => {
      for (const [key, path] of Object.entries(DOCUMENTS)) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await page.screenshot({
          path: `test-results/faithful/${name}-${key}.png`,
          fullPage: false,
        });
        await page.locator(".transcript > .turn").nth(4).scrollIntoViewIfNeeded();
        // Turns off screen are laid out lazily (content-visibility): let them paint.
        await page.waitForTimeout(300);
        await page.screenshot({ path: `test-results/faithful/${name}-${key}-text.png` });
      }
    });
  });
}
