import { describe, expect, it } from "vitest";
import { segmentText } from "@/lib/annotations/segments";

const text = "Japan cannot remove all the military bases at once.";
const show = (segments: ReturnType<typeof segmentText>) =>
  segments.map((s) => `${s.text}|${s.ids.join("+")}`);

describe("segmentText", () => {
  it.each([
    { name: "no highlights", spans: [], expected: [`${text}|`] },
    {
      name: "one highlight in the middle",
      spans: [{ id: "a", start: 28, end: 42 }],
      expected: ["Japan cannot remove all the |", "military bases|a", " at once.|"],
    },
    {
      name: "overlapping highlights share the overlap",
      spans: [
        { id: "a", start: 0, end: 19 },
        { id: "b", start: 13, end: 27 },
      ],
      expected: ["Japan cannot |a", "remove|a+b", " all the|b", " military bases at once.|"],
    },
    {
      name: "nested highlight",
      spans: [
        { id: "a", start: 0, end: text.length },
        { id: "b", start: 28, end: 36 },
      ],
      expected: ["Japan cannot remove all the |a", "military|a+b", " bases at once.|a"],
    },
    {
      name: "identical spans merge into one piece with both ids",
      spans: [
        { id: "a", start: 6, end: 12 },
        { id: "b", start: 6, end: 12 },
      ],
      expected: ["Japan |", "cannot|a+b", " remove all the military bases at once.|"],
    },
    {
      name: "out-of-range and empty spans are ignored or clamped",
      spans: [
        { id: "a", start: -5, end: 5 },
        { id: "b", start: 42, end: 400 },
        { id: "c", start: 10, end: 10 },
      ],
      expected: ["Japan|a", " cannot remove all the military bases|", " at once.|b"],
    },
  ])("$name", ({ spans, expected }) => {
    const segments = segmentText(text, spans);
    expect(show(segments)).toEqual(expected);
    expect(segments.map((s) => s.text).join("")).toBe(text);
  });
});
