import { describe, expect, it } from "vitest";
import { coreName, mergePeople, personOfName, personOfSlug, personSlug } from "@/lib/people/merge";

// Names as the seeds and content files print them: seed 001 ("Prime Minister Kishi raised the
// question...", "Mr. Kishi pointed out..."), content/1960-01-19-...-economic-problems.md
// ("Nobusuke Kishi"), the FRUS d143 participants ("Kishi"), seed 003's archive line
// ("TANAKA Akihiko"), seed 000 ("Sato [Eisaku]") and seed 004 ("Ambassador Sato", 1978).

const names = (person: { names: { form: string }[] } | undefined) =>
  person?.names.map((name) => name.form).sort();

describe("coreName", () => {
  it("drops the title and the capitals, and says so", () => {
    expect(coreName("Prime Minister Kishi")).toEqual({
      core: "Kishi",
      title: "Prime Minister",
      shouted: false,
    });
    expect(coreName("Mr. Kishi")).toEqual({ core: "Kishi", title: "Mr.", shouted: false });
    expect(coreName("KISHI")).toEqual({ core: "Kishi", shouted: true });
    expect(coreName("TANAKA Akihiko").core).toBe("Tanaka Akihiko");
    expect(coreName("Lt. Colonel Toshiro Magari")).toMatchObject({
      core: "Toshiro Magari",
      title: "Lt. Colonel",
    });
  });

  it("keeps what only looks like capitals", () => {
    expect(coreName("Douglas MacArthur II").core).toBe("Douglas MacArthur II");
    expect(coreName("J. Graham Parsons").core).toBe("J. Graham Parsons");
  });
});

describe("mergePeople", () => {
  it("merges KISHI, Prime Minister Kishi, Mr. Kishi and Kishi into Nobusuke Kishi", () => {
    const people = mergePeople([
      "KISHI",
      "Prime Minister Kishi",
      "Mr. Kishi",
      "Kishi",
      "Nobusuke Kishi",
      "Christian A. Herter",
      "Herter",
    ]);
    const kishi = personOfName(people, "KISHI");
    expect(kishi?.name).toBe("Nobusuke Kishi");
    expect(kishi?.slug).toBe("nobusuke-kishi");
    expect(names(kishi)).toEqual(
      ["KISHI", "Kishi", "Mr. Kishi", "Nobusuke Kishi", "Prime Minister Kishi"].sort(),
    );
    expect(people).toHaveLength(2);
  });

  it("says where each merge came from", () => {
    const kishi = mergePeople(["Nobusuke Kishi", "Kishi", "Prime Minister Kishi", "KISHI"])[0]!;
    const because = Object.fromEntries(kishi.names.map((name) => [name.form, name.because]));
    expect(because["Nobusuke Kishi"]).toBeUndefined();
    expect(because["Kishi"]).toBe(
      "“Kishi” is a name of “Nobusuke Kishi”, the only person in these documents it can belong to",
    );
    expect(because["Prime Minister Kishi"]).toBe(
      "“Prime Minister Kishi” is “Kishi” (“Prime Minister” is a title)",
    );
    expect(because["KISHI"]).toBe("“KISHI” is “Kishi” (printed in capitals)");
  });

  it("does not merge two people who share a surname; the bare surname stays apart", () => {
    const people = mergePeople(["Sato Eisaku", "Sato Shoji", "Ambassador Sato"]);
    expect(people.map((person) => person.name).sort()).toEqual([
      "Sato",
      "Sato Eisaku",
      "Sato Shoji",
    ]);
    expect(names(personOfName(people, "Ambassador Sato"))).toEqual(["Ambassador Sato", "Sato"]);
  });

  it("does not merge full names whose given names contradict", () => {
    const people = mergePeople(["John Irwin II", "Christian A. Herter", "John Foster Dulles"]);
    expect(people).toHaveLength(3);
    expect(mergePeople(["Masayuki Tani", "Masao Tani"])).toHaveLength(2);
  });

  it("merges given names that agree (an initial, a middle name left out)", () => {
    const people = mergePeople(["J. Graham Parsons", "Graham Parsons", "Parsons"]);
    expect(people).toHaveLength(1);
    expect(people[0]!.name).toBe("J. Graham Parsons");
    expect(people[0]!.names.find((name) => name.form === "Graham Parsons")?.because).toBe(
      "“Graham Parsons” and “J. Graham Parsons” share the surname and their given names agree",
    );
  });

  it("reads a name printed in the other order as the same name", () => {
    const people = mergePeople(["TANAKA Akihiko", "Akihiko Tanaka"]);
    expect(people).toHaveLength(1);
    expect(names(people[0])).toEqual(["Akihiko Tanaka", "TANAKA Akihiko", "Tanaka Akihiko"]);
    expect(people[0]!.names.find((name) => name.form === "Akihiko Tanaka")?.because).toBe(
      "“Akihiko Tanaka” is “Tanaka Akihiko” in the other order (surname first)",
    );
  });

  it("keeps a surname-first name whole (Liao Chengzhi, and Liao with it)", () => {
    const people = mergePeople(["Liao Chengzhi", "Liao", "Ishibashi Tanzan", "Ishibashi"]);
    expect(people.map((person) => person.name)).toEqual(["Ishibashi Tanzan", "Liao Chengzhi"]);
  });
});

describe("slugs", () => {
  it("are lowercase ASCII words, without titles", () => {
    expect(personSlug("Nobusuke Kishi")).toBe("nobusuke-kishi");
    expect(personSlug("Prime Minister Kishi")).toBe("kishi");
    expect(personSlug("James V. Martin, Jr.")).toBe("james-v-martin-jr");
  });

  it("an address made from any of a person's names finds them", () => {
    const people = mergePeople(["Kishi", "Nobusuke Kishi"]);
    expect(personOfSlug(people, "kishi")?.name).toBe("Nobusuke Kishi");
    expect(personOfSlug(people, "nobusuke-kishi")?.name).toBe("Nobusuke Kishi");
    expect(personOfSlug(people, "herter")).toBeUndefined();
  });
});
