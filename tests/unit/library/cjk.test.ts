import { describe, expect, it } from "vitest";
import { cjkBigrams, cjkRuns, cjkTsQuery } from "@/lib/library/cjk";
import { cjkSnippet } from "@/lib/library/search";

describe("CJK bigrams", () => {
  it.each([
    ["外務大臣殿 佐藤大使", "外務 務大 大臣 臣殿 殿 佐藤 藤大 大使 使"],
    ["78年07月22日21時30分 本省着", "年 月 日 時 分 本省 省着 着"],
    ["The Secretary said so.", null],
  ])("%s is indexed as %s", (text, bigrams) => expect(cjkBigrams(text)).toBe(bigrams));

  it.each([
    ["佐藤", "'佐藤'"],
    ["外務大臣", "('外務' <-> '務大' <-> '大臣')"],
    ["中", "'中':*"],
    ["佐藤 大使", "'佐藤' & '大使'"],
    ["Sato", undefined],
  ])("the query %s is %s", (query, tsquery) => expect(cjkTsQuery(query)).toBe(tsquery));

  it("cuts a snippet around the match and marks every run of the query", () => {
    expect(cjkRuns("Ambassador 佐藤 and 大使")).toEqual(["佐藤", "大使"]);
    expect(cjkSnippet("外務大臣殿 佐藤大使", ["佐藤"])).toBe("外務大臣殿 \uE000佐藤\uE001大使");
  });
});
