import { describe, expect, it } from "vitest";
import { searchHeading } from "@/components/library/SearchResults";
import { distinguishingTitle, missingMetadata } from "@/lib/importer/metadata";
import type { ParsedDocument } from "@/lib/importer/types";
import type { SearchResult } from "@/lib/library/search";

describe("distinguishingTitle", () => {
  it.each([
    [
      "Memorandum of Conversation",
      "Relations With Communist China",
      "Memorandum of Conversation: Relations With Communist China",
    ],
    [
      "Memorandum of a Conversation",
      "Courtesy Call",
      "Memorandum of a Conversation: Courtesy Call",
    ],
    ["Memorandum of Conversation", undefined, "Memorandum of Conversation"],
    [
      "Japanese-Soviet Negotiations, Memorandum of a Conversation",
      "Japanese-Soviet Negotiations",
      "Japanese-Soviet Negotiations, Memorandum of a Conversation",
    ],
  ])("%s + %s = %s", (title, subject, expected) =>
    expect(distinguishingTitle(title, subject)).toBe(expected),
  );
});

describe("missingMetadata", () => {
  it("names what a citation needs and the source did not say", () => {
    const document = {
      type: "document",
      title: "T",
      archive: "Foreign Relations of the United States",
    } as ParsedDocument;
    expect(missingMetadata(document)).toEqual(["date", "place", "source link"]);
  });
});

describe("searchHeading", () => {
  const result = (matches: number) => ({ matches }) as SearchResult;
  it.each([
    [[], "No turns match “中国”"],
    [[result(1)], "1 turn in 1 document matches “中国”"],
    [[result(3)], "3 turns in 1 document match “中国”"],
    [[result(3), result(2)], "5 turns in 2 documents match “中国”"],
  ])("%j", (results, heading) => expect(searchHeading("中国", results)).toBe(heading));
});
