import { describe, expect, it } from "vitest";
import { cleanDisplayName, isMixedScript, nameWarnings, skeleton } from "@/lib/text/display-names";
import { signUpSchema } from "@/lib/validations/auth";

// Finding 9 of issue #17: "\u202enimdA etiS" showed as "Site Admin", and a Cyrillic "а" made a
// student's name read as the instructor's, on the roster and the dashboard.

describe("display names", () => {
  it("lose direction controls and invisible characters, at sign-up and wherever shown", () => {
    expect(cleanDisplayName("\u202enimdA etiS")).toBe("nimdA etiS");
    expect(cleanDisplayName("Ada\u200b \u2066Brooks\u2069\u200f")).toBe("Ada Brooks");
    const parsed = signUpSchema.safeParse({
      name: "\u202enimdA etiS\u202c",
      email: "rlo@memcon.test",
      password: "a long pass phrase 1959",
    });
    expect(parsed.success && parsed.data.name).toBe("nimdA etiS");
  });

  it("computes TR39 skeletons: look-alikes from other scripts collapse together", () => {
    expect(skeleton("Hаna Mori")).toBe(skeleton("Hana Mori")); // Cyrillic а
    expect(skeleton("Наnа")).toBe(skeleton("Hana")); // Cyrillic Н and а
    expect(skeleton("Ada")).not.toBe(skeleton("Ben"));
  });

  it("tells mixed scripts from the usual Japanese, Chinese and Korean mixes", () => {
    expect(isMixedScript("Hаna Mori")).toBe(true);
    expect(isMixedScript("Hana Mori")).toBe(false);
    expect(isMixedScript("森 はな Hana")).toBe(false); // Han + Hiragana + Latin
    expect(isMixedScript("김하나 Hana")).toBe(false); // Hangul + Latin
    expect(isMixedScript("Ελένη Papadopoulou")).toBe(true); // Greek + Latin
    expect(isMixedScript("Наталья")).toBe(false); // all Cyrillic
  });

  it("flags the impostor on a roster, not the person imitated", () => {
    const warnings = nameWarnings([
      { id: "teacher", name: "Hana Mori" },
      { id: "impostor", name: "Hаna Mori" },
      { id: "ada", name: "Ada Brooks" },
      { id: "rlo", name: "\u202enimdA etiS" },
    ]);
    expect(warnings.get("impostor")).toMatch(
      /mixes Latin and Cyrillic letters and looks like Hana Mori/,
    );
    expect(warnings.has("teacher")).toBe(false);
    expect(warnings.has("ada")).toBe(false);
  });

  it("flags two plain names in different scripts that look the same, both ways", () => {
    const warnings = nameWarnings([
      { id: "latin", name: "Poe" },
      { id: "cyrillic", name: "\u0420\u043e\u0435" }, // Р о е, all Cyrillic
      { id: "other", name: "Ben" },
    ]);
    expect(warnings.get("latin")).toBe("This name looks like \u0420\u043e\u0435: check the email.");
    expect(warnings.get("cyrillic")).toBe("This name looks like Poe: check the email.");
    expect(warnings.has("other")).toBe(false);
  });
});
