import { describe, expect, it } from "vitest";
import { alignParagraphs } from "@/lib/editions/align";
import { reanchorAcrossEditions } from "@/lib/editions/reanchor";
import { contentDocument } from "../citations/content-document";

// Seed 003 ("The World and Japan" database) and its FRUS TEI edition (1955–57 XXIII-1 doc. 102),
// as the importer reads them; anchors numbered in reading order from 1, as the store does.
const turnsOf = (slug: string) =>
  contentDocument(slug).turns.map((turn, index) => ({ ...turn, anchor: index + 1 }));
const world = turnsOf("1956-09-07-japanese-soviet-negotiations");
const frus = turnsOf("1956-09-07-dulles-memorandum-conversation");
const worldToFrus = alignParagraphs(world, frus);
const frusToWorld = alignParagraphs(frus, world);

/** A selector on `turns` quoting `exact` where it first stands in the turn numbered `anchor`. */
function quoting(turns: typeof world, anchor: number, exact: string) {
  const text = turns.find((turn) => turn.anchor === anchor)!.text;
  const start = text.indexOf(exact);
  expect(start, `“${exact}” is in turn ${anchor}`).toBeGreaterThanOrEqual(0);
  return {
    quote: { exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: "" },
    positions: [{ turnAnchor: anchor, start, end: start + exact.length }],
  };
}

const wordsAt = (
  turns: typeof world,
  position: { turnAnchor: number; start: number; end: number },
) =>
  turns
    .find((turn) => turn.anchor === position.turnAnchor)!
    .text.slice(position.start, position.end);

describe("annotations across editions", () => {
  it("finds the quoted words on the aligned turn of the other edition (its numbers differ)", () => {
    // Turn 5 of seed 003 is turn 4 of FRUS: FRUS has no title line before the text.
    const moved = reanchorAcrossEditions(
      quoting(world, 5, "Ambassador Tani concurred."),
      world,
      frus,
      worldToFrus,
    );
    expect(moved).toEqual({
      status: "words",
      positions: [{ turnAnchor: 4, start: 0, end: "Ambassador Tani concurred.".length }],
    });
    // And back.
    const back = reanchorAcrossEditions(
      quoting(frus, 4, "Ambassador Tani concurred."),
      frus,
      world,
      frusToWorld,
    );
    expect(back).toMatchObject({ status: "words", positions: [{ turnAnchor: 5 }] });
  });

  it("tolerates the editions' typography (a straight apostrophe against a curly one)", () => {
    const selector = quoting(world, 15, "read the Secretary's statement");
    const moved = reanchorAcrossEditions(selector, world, frus, worldToFrus);
    expect(moved.status).toBe("words");
    if (moved.status !== "words") return;
    expect(moved.positions.map((p) => p.turnAnchor)).toEqual([14]);
    expect(wordsAt(frus, moved.positions[0]!)).toMatch(/read the Secretary.s statement/);
  });

  it("attaches a note to the aligned turn as a whole when its words are not there", () => {
    const selector = {
      quote: { exact: "an entirely different wording no edition prints", prefix: "", suffix: "" },
      positions: [{ turnAnchor: 5, start: 0, end: 10 }],
    };
    expect(reanchorAcrossEditions(selector, world, frus, worldToFrus)).toEqual({
      status: "turn",
      turnAnchor: 4,
    });
  });

  it("takes no note across from a passage only one edition prints, or from an unknown turn", () => {
    // Seed 003's title line (turn 1) has no counterpart in FRUS.
    const title = quoting(world, 1, "Memorandum of a Conversation");
    expect(reanchorAcrossEditions(title, world, frus, worldToFrus)).toEqual({ status: "none" });
    const nowhere = { ...title, positions: [{ turnAnchor: 999, start: 0, end: 3 }] };
    expect(reanchorAcrossEditions(nowhere, world, frus, worldToFrus)).toEqual({ status: "none" });
  });

  it("a note over several turns finds its words over the aligned turns", () => {
    const first = world.find((turn) => turn.anchor === 4)!.text;
    const exact = `${first.slice(-20)}\nAmbassador Tani concurred.`;
    const selector = {
      quote: { exact, prefix: "", suffix: "" },
      positions: [
        { turnAnchor: 4, start: first.length - 20, end: first.length },
        { turnAnchor: 5, start: 0, end: 26 },
      ],
    };
    const moved = reanchorAcrossEditions(selector, world, frus, worldToFrus);
    expect(moved.status).toBe("words");
    if (moved.status === "words") expect(moved.positions.map((p) => p.turnAnchor)).toEqual([3, 4]);
  });
});
