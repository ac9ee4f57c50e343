import fs from "node:fs";
import path from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";

// The screens every journey is walked on: a laptop with a mouse, a tablet and a phone by touch.

export interface Device {
  name: "desktop" | "tablet" | "phone";
  viewport: { width: number; height: number };
  isMobile: boolean;
  hasTouch: boolean;
}

export const DEVICES: Device[] = [
  { name: "desktop", viewport: { width: 1366, height: 900 }, isMobile: false, hasTouch: false },
  { name: "tablet", viewport: { width: 768, height: 1024 }, isMobile: false, hasTouch: true },
  { name: "phone", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
];

/** The options a `test.use` needs for one device. */
export const useDevice = (device: Device) => ({
  viewport: device.viewport,
  isMobile: device.isMobile,
  hasTouch: device.hasTouch,
});

/** Click with the mouse, or tap with a finger on a touch screen: as the person on it would. */
export async function press(device: Device, control: Locator) {
  await expect(control).toBeVisible();
  await control.scrollIntoViewIfNeeded();
  await expectInViewport(control);
  if (device.hasTouch) await control.tap();
  else await control.click();
}

/** Entirely inside the window: a control a person can see without scrolling sideways. */
export async function expectInViewport(control: Locator) {
  // Waits for a sheet or menu to finish sliding in, then measures.
  await expect(control).toBeInViewport({ ratio: 1 });
  const box = await control.boundingBox();
  expect(box, "the control is laid out").not.toBeNull();
  const size = control.page().viewportSize()!;
  expect(box!.x, "left edge inside the window").toBeGreaterThanOrEqual(0);
  expect(box!.y, "top edge inside the window").toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, "right edge inside the window").toBeLessThanOrEqual(size.width + 1);
  expect(box!.y + box!.height, "bottom edge inside the window").toBeLessThanOrEqual(
    size.height + 1,
  );
}

/** Screenshots of journeys are kept (and looked at) in test-results/journeys/. */
export async function snap(page: Page, name: string) {
  const file = path.join("test-results", "journeys", `${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
}

/**
 * Select `words` in the transcript the way the device does it: a mouse drag on a desktop; on a
 * touch screen the operating system's long-press and handles, which a script stands in for
 * (Chromium cannot be driven through them), after which the page hears `selectionchange` as it
 * would from the handles.
 */
export async function selectWords(
  page: Page,
  device: Device,
  words: string,
  selectWithMouse: (page: Page, words: string) => Promise<void>,
) {
  if (!device.hasTouch) return selectWithMouse(page, words);
  const utterance = page.locator(".transcript .utterance", { hasText: words }).first();
  // Turns far from the window are laid out only when near it (content-visibility): scroll, let
  // them settle, and scroll again, as a person's eyes would wait for the page to stop moving.
  await utterance.scrollIntoViewIfNeeded();
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  await utterance.evaluate((element) => element.scrollIntoView({ block: "center" }));
  await page.evaluate((target) => {
    for (const element of document.querySelectorAll(".transcript .utterance")) {
      const at = (element.textContent ?? "").indexOf(target);
      if (at < 0) continue;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let seen = 0;
      let started = false;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent?.length ?? 0;
        if (!started && at < seen + length) {
          range.setStart(node, at - seen);
          started = true;
        }
        if (started && at + target.length <= seen + length) {
          range.setEnd(node, at + target.length - seen);
          break;
        }
        seen += length;
      }
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
  }, words);
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(words);
}

/** The rectangle of the current selection, in the window's coordinates. */
export function selectionBox(page: Page) {
  return page.evaluate(() => {
    const rect = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
    return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
  });
}
