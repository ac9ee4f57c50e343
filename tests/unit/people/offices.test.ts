import { describe, expect, it } from "vitest";
import { officeOf, officesByDate } from "@/lib/people/offices";

// Participants lists of the content files (content/*.md), as stored.

describe("officeOf", () => {
  it("takes the role after the name, else a title that is an office", () => {
    expect(officeOf({ title: "Mr.", role: "Ambassador E. & P., Embassy of Japan" })).toBe(
      "Ambassador E. & P., Embassy of Japan",
    );
    expect(officeOf({ title: "Prime Minister", role: null })).toBe("Prime Minister");
    expect(officeOf({ title: "Mr.", role: null })).toBeNull();
    expect(officeOf({ title: null, role: null })).toBeNull();
  });

  it("prints a word the source doubled once (FRUS d139: 'Prime Minister Minister')", () => {
    expect(officeOf({ title: "Prime Minister Minister", role: null })).toBe("Prime Minister");
  });
});

describe("officesByDate", () => {
  it("gives Tani's embassy once across two printings, with its span of dates", () => {
    const offices = officesByDate([
      {
        slug: "1956-09-07-dulles-memorandum-conversation",
        date: "1956-09-07",
        title: "Mr.",
        role: "Ambassador E. & P., Embassy of Japan",
      },
      {
        slug: "1956-08-31-masuhara-robertson-memorandum-conversation-courtesy-call",
        date: "1956-08-31",
        title: "Mr.",
        role: "Ambassador E. and P., Embassy of Japan",
      },
      {
        slug: "1956-09-07-japanese-soviet-negotiations",
        date: "1956-09-07",
        title: "Mr.",
        role: "Ambassador E. & P., Embassy of Japan",
      },
    ]);
    expect(offices).toEqual([
      {
        office: "Ambassador E. and P., Embassy of Japan",
        from: "1956-08-31",
        to: "1956-09-07",
        slugs: [
          "1956-08-31-masuhara-robertson-memorandum-conversation-courtesy-call",
          "1956-09-07-dulles-memorandum-conversation",
          "1956-09-07-japanese-soviet-negotiations",
        ],
      },
    ]);
  });

  it("lists different offices in date order, undated documents last", () => {
    const offices = officesByDate([
      { slug: "web-copy", date: null, title: "Secretary", role: null },
      { slug: "d139", date: "1960-01-19", title: "Secretary of State", role: null },
      { slug: "earlier", date: "1959-04", title: "Under Secretary of State", role: null },
    ]);
    expect(offices.map((office) => [office.office, office.from, office.to])).toEqual([
      ["Under Secretary of State", "1959-04", "1959-04"],
      ["Secretary of State", "1960-01-19", "1960-01-19"],
      ["Secretary", null, null],
    ]);
  });

  it("is empty for a person listed only with a form of address", () => {
    expect(officesByDate([{ slug: "a", date: "1956-08-31", title: "Mr.", role: null }])).toEqual(
      [],
    );
  });
});
