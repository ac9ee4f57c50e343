import { describe, expect, it } from "vitest";
import { mentionedNames, namesPerson } from "@/lib/threads/mentions";

describe("mentionedNames", () => {
  it.each([
    ["What do you think, @Ada?", ["Ada"]],
    ["@ada.brooks and @Chen Yu disagree", ["ada.brooks", "Chen Yu"]],
    ["Ask @dana: she read the cable", ["dana"]],
    ["mail me at ada@memcon.test", []],
    ["no mention here", []],
    ["@@double", []],
  ])("%s → %j", (text, names) => {
    expect(mentionedNames(text)).toEqual(names);
  });
});

describe("namesPerson", () => {
  const ada = { id: "1", name: "Ada Brooks", email: "ada@memcon.test" };
  it.each([
    ["Ada", true],
    ["ada", true],
    ["Ada Brooks", true],
    ["ada brooks", true],
    ["Brooks", false],
    ["Adam", false],
  ])("%s names Ada Brooks: %s", (written, expected) => {
    expect(namesPerson(written, ada)).toBe(expected);
  });
});
