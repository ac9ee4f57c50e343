import { describe, expect, it } from "vitest";
import { parseSource } from "@/lib/importer";

// An unseen FRUS text in the web-copy shape of seed 001, but with a bulleted participants list and
// the source note's mark glued to the year: the parser must not depend on the seeds' quirks.

const frusCopy = `96. Memorandum of a Conversation, Department of State, Washington, August 31, 19561

SUBJECT

  • Courtesy Call by Mr. Masuhara on Mr. Robertson

PARTICIPANTS

  • Mr. Keikichi Masuhara, Vice Director General, Japanese Defense Agency
  • Mr. Masayuki Tani, Ambassador E. and P., Embassy of Japan
  • General Biddle, Head of MAAG–Japan
  • Mr. Walter S. Robertson, Assistant Secretary, Bureau of Far Eastern Affairs

Mr. Robertson greeted Mr. Masuhara who stated that he was delighted to be here. Mr. Masuhara gave Mr. Robertson a pamphlet.2 Mr. Robertson said that he would study it.

General Biddle asked about the plans for constructing P2V’s. Mr. Masuhara said that the Japanese had thought of purchasing them [Page 216] but more recently
the thinking had been to assemble these planes in Japan.

The Ambassador said that he agreed.

They then discussed the budget.

  1. Source: Department of State, Central Files, 794.5/8–3155. Confidential. Drafted by Martin.
  2. Not found in Department of State files.
`;

/** Each turn as [kind, speaker or label or null], with "+" when it continues the paragraph before. */
const shapeOf = (
  turns: readonly { kind: string; speaker?: string; label?: string; continues?: true }[],
) =>
  turns.map((turn) => [
    turn.kind,
    turn.speaker ?? turn.label ?? null,
    ...(turn.continues ? ["+"] : []),
  ]);

describe("an unseen FRUS memorandum", () => {
  const parsed = parseSource(frusCopy, "frus-copy.txt");
  if (parsed.type !== "document") throw new Error("expected a document");

  it("reads heading, date, subject and a bulleted participants list", () => {
    expect(parsed.title).toBe(
      "Memorandum of a Conversation, Department of State, Washington, August 31, 1956",
    );
    expect(parsed.date).toBe("1956-08-31");
    expect(parsed.fields).toEqual({
      Document: "96",
      Subject: "Courtesy Call by Mr. Masuhara on Mr. Robertson",
    });
    expect(parsed.participants.map((participant) => [participant.id, participant.name])).toEqual([
      ["masuhara", "Keikichi Masuhara"],
      ["tani", "Masayuki Tani"],
      ["biddle", "Biddle"],
      ["robertson", "Walter S. Robertson"],
    ]);
    expect(parsed.sourceNote).toMatch(/^Source: Department of State, Central Files/);
  });

  it("attributes statement by statement, by name and by role, and joins hard-wrapped lines", () => {
    // The gift of the pamphlet is narrative; the answer inside Biddle's paragraph is Masuhara's.
    expect(shapeOf(parsed.turns)).toEqual([
      ["paragraph", "robertson"],
      ["paragraph", null, "+"],
      ["paragraph", "robertson", "+"],
      ["paragraph", "biddle"],
      ["paragraph", "masuhara", "+"],
      ["paragraph", "tani"],
      ["paragraph", null],
    ]);
    expect(parsed.turns[4]!.text).toContain("purchasing them but more recently the thinking");
  });
});
