import { describe, expect, it } from "vitest";
import { matchEntry } from "@/lib/library/collection-matching";
import { formatIsoDate } from "@/lib/library/dates";
import { MARK_END, MARK_START, snippetParts } from "@/lib/library/search";
import { filterBySpeaker } from "@/lib/library/speaker-filter";
import { sortDateOf } from "@/lib/library/store";

const turn = (anchor: number, speakerId: string | null) => ({ anchor, speakerId });

describe("filterBySpeaker", () => {
  const turns = [
    turn(1, null),
    turn(2, "liao"),
    turn(3, "ishibashi"),
    turn(4, "liao"),
    turn(5, "liao"),
    turn(6, "ishibashi"),
    turn(7, null),
  ];

  it("shows every turn when no speaker is chosen", () => {
    expect(
      filterBySpeaker(turns, undefined).every((item) => item.type === "turn" && !item.context),
    ).toBe(true);
  });

  it("shows the speaker's turns, the turn before each as context, and folds the rest", () => {
    const shown = filterBySpeaker(turns, "ishibashi").map((item) =>
      item.type === "gap"
        ? `gap:${item.count}@${item.from}`
        : `${item.turn.anchor}${item.context ? "c" : ""}`,
    );
    expect(shown).toEqual(["gap:1@1", "2c", "3", "gap:1@4", "5c", "6", "gap:1@7"]);
  });

  it("does not mark a speaker's own turn as context when it precedes another of theirs", () => {
    const shown = filterBySpeaker(turns, "liao").map((item) =>
      item.type === "gap" ? `gap:${item.count}` : `${item.turn.anchor}${item.context ? "c" : ""}`,
    );
    expect(shown).toEqual(["1c", "2", "3c", "4", "5", "gap:2"]);
  });

  it("folds everything when the speaker never speaks", () => {
    expect(filterBySpeaker(turns, "nobody")).toEqual([{ type: "gap", count: 7, from: 1 }]);
  });
});

describe("matchEntry", () => {
  const documents = [
    {
      slug: "liao-3",
      date: "1959-09-14",
      title: "Record of the Third Conversation between Comrade Liao Chengzhi and Ishibashi Tanzan",
    },
    {
      slug: "cable-1384",
      date: "1978-07-22",
      title: "Cable No. 1384, Ambassador Sato to the Foreign Minister",
    },
  ];
  it.each([
    {
      name: "same date, same title",
      entry: {
        date: "1959-09-14",
        title:
          "Record of the Third Conversation between Comrade Liao Chengzhi and Ishibashi Tanzan",
        documentSlug: null,
      },
      expected: "liao-3",
    },
    {
      name: "same date, title contained in the other",
      entry: {
        date: "1978-07-22",
        title:
          "Cable No. 1384, Ambassador Sato to the Foreign Minister, 'Treaty of Peace and Friendship' (2nd Meeting)",
        documentSlug: null,
      },
      expected: "cable-1384",
    },
    {
      name: "same date, different document",
      entry: {
        date: "1959-09-14",
        title: "Telegram from the Chinese Embassy in Moscow",
        documentSlug: null,
      },
      expected: undefined,
    },
    {
      name: "same title, other date",
      entry: {
        date: "1959-09-15",
        title:
          "Record of the Third Conversation between Comrade Liao Chengzhi and Ishibashi Tanzan",
        documentSlug: null,
      },
      expected: undefined,
    },
    {
      name: "explicit slug wins",
      entry: { date: "1900-01-01", title: "anything", documentSlug: "cable-1384" },
      expected: "cable-1384",
    },
  ])("$name", ({ entry, expected }) => {
    expect(matchEntry(entry, documents)?.slug).toBe(expected);
  });
});

describe("dates", () => {
  it.each([
    ["1959-09-14", "14 September 1959"],
    ["1959-09", "September 1959"],
    ["1959", "1959"],
    ["circa 1960", "circa 1960"],
  ])("formats %s as %s", (iso, expected) => expect(formatIsoDate(iso)).toBe(expected));

  it("sorts partial dates at the first day they cover", () => {
    expect(sortDateOf("1959-09-14")?.toISOString()).toBe("1959-09-14T00:00:00.000Z");
    expect(sortDateOf("1959-09")?.toISOString()).toBe("1959-09-01T00:00:00.000Z");
    expect(sortDateOf("1959")?.toISOString()).toBe("1959-01-01T00:00:00.000Z");
    expect(sortDateOf(undefined)).toBeNull();
    expect(sortDateOf("September 1959")).toBeNull();
  });
});

describe("snippetParts", () => {
  it("splits highlighted words out of a ts_headline snippet", () => {
    const snippet = `the numerous American ${MARK_START}military${MARK_END} ${MARK_START}bases${MARK_END} in Japan`;
    expect(snippetParts(snippet)).toEqual([
      { text: "the numerous American ", highlighted: false },
      { text: "military", highlighted: true },
      { text: " ", highlighted: false },
      { text: "bases", highlighted: true },
      { text: " in Japan", highlighted: false },
    ]);
  });
  it("keeps markup-like text as plain text", () => {
    expect(snippetParts("<b>not html</b>")).toEqual([
      { text: "<b>not html</b>", highlighted: false },
    ]);
  });
});
