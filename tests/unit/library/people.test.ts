import { describe, expect, it } from "vitest";
import { findPerson, groupPeople } from "@/lib/library/people";

// The participant names of the library's six documents, as their sources print them.
const LIBRARY = [
  "Liao Chengzhi",
  "Ishibashi Tanzan",
  "Kishi",
  "Parsons",
  "Herter",
  "Asakai",
  "Nobusuke Kishi",
  "Aiichiro Fujiyama",
  "Koichiro Asakai",
  "Haruki Mori",
  "Christian A. Herter",
  "J. Graham Parsons",
  "John Irwin II",
  "Douglas MacArthur II",
  "Masayuki Tani",
  "Keikichi Masuhara",
  "Biddle",
  "Walter S. Robertson",
  "Sato",
  "Han Nianlong",
];

describe("groupPeople", () => {
  const people = groupPeople(LIBRARY);

  it.each([
    ["Kishi", "Nobusuke Kishi"],
    ["Herter", "Christian A. Herter"],
    ["Asakai", "Koichiro Asakai"],
    ["Parsons", "J. Graham Parsons"],
  ])("%s and %s are one person, named by the fuller form", (short, long) => {
    expect(findPerson(people, short)).toEqual(findPerson(people, long));
    expect(findPerson(people, short)!.name).toBe(long);
  });

  it("lists each person once", () => {
    const names = people.map((person) => person.name);
    expect(names).toContain("Nobusuke Kishi");
    expect(names).not.toContain("Kishi");
    expect(names).not.toContain("Herter");
    expect(new Set(names).size).toBe(names.length);
    expect(people).toHaveLength(LIBRARY.length - 4);
  });

  it("keeps different people with one surname apart, and a bare surname they share unguessed", () => {
    const ambiguous = groupPeople(["John Allison", "Mary Allison", "Allison", "J. Allison"]);
    expect(ambiguous.map((person) => person.names.sort())).toEqual([
      ["Allison"],
      ["J. Allison", "John Allison"],
      ["Mary Allison"],
    ]);
  });
});
