import { describe, expect, it } from "vitest";
import { highlightsHtml } from "@/lib/annotations/highlights";

// The reader's utterance HTML with apparatus: the text content must stay the stored turn text,
// whatever highlights and inserts cut it, so annotation anchors keep counting the same characters.

const textContent = (html: string) =>
  html
    .replace(/<[^>]*>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&#39;/g, "'");

describe("highlightsHtml with inserts", () => {
  const button = "<button class='apparatus fn-ref' data-label='2'></button>";
  it.each([
    ["no highlight", "Mr. Adachi plans to discuss", [], [{ at: 10, html: button }]],
    [
      "inside a highlight",
      "Mr. Adachi plans to discuss",
      [{ id: "a", start: 4, end: 16 }],
      [{ at: 10, html: button }],
    ],
    [
      "at the start and the end",
      "Herter replied.",
      [{ id: "a", start: 0, end: 15 }],
      [
        { at: 0, html: button },
        { at: 15, html: button },
      ],
    ],
    ["empty text", "", [], [{ at: 0, html: button }]],
  ])(
    "%s: the text content is unchanged and each insert stands at its offset",
    (_name, text, spans, inserts) => {
      const html = highlightsHtml(text, spans, inserts);
      expect(textContent(html)).toBe(text);
      expect(html.split(button)).toHaveLength(inserts.length + 1);
      const first = inserts[0]!;
      expect(textContent(html.slice(0, html.indexOf(button)))).toBe(text.slice(0, first.at));
    },
  );

  it("splits a highlight around an insert into two marks with the same annotations", () => {
    const html = highlightsHtml(
      "Mr. Adachi plans",
      [{ id: "a", start: 4, end: 16 }],
      [{ at: 10, html: button }],
    );
    expect(html).toBe(
      "Mr. <mark class='hl hl--1' data-ids='a' title='1 annotation' tabindex='0'>Adachi</mark>" +
        button +
        "<mark class='hl hl--1' data-ids='a' title='1 annotation' tabindex='0'> plans</mark>",
    );
  });
});
