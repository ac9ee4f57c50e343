import { describe, expect, it } from "vitest";
import { parseSource, type ParsedDocument } from "@/lib/importer";
import { serializeContent } from "@/lib/importer/content-format";
import { applyEdit, applyEdits, EditError, participantId } from "@/lib/uploads/edits";
import { diffTurns } from "@/lib/uploads/revision";
import { draftWarnings } from "@/lib/uploads/warnings";
import { parseReference } from "@/lib/uploads/reference";

const doc = (): ParsedDocument => ({
  type: "document",
  slug: "1959-09-14-liao-ishibashi",
  shape: "dialogue",
  title: "Record",
  date: "1959-09-14",
  archive: "Wilson Center Digital Archive",
  fields: {},
  participants: [
    { id: "liao", name: "Liao Chengzhi", label: "Liao" },
    { id: "ishibashi", name: "Ishibashi Tanzan", label: "Ishibashi" },
  ],
  turns: [
    { kind: "heading", text: "Record of the Third Conversation" },
    { kind: "speech", speaker: "liao", text: "Premier Zhou sends you his greetings." },
    { kind: "speech", speaker: "ishibashi", text: "(Expressing consent)" },
    { kind: "paragraph", text: "Both sides then discussed the security treaty at some length." },
  ],
  dropped: [],
});

/** Every edited document must still be a valid content file. */
const roundTrips = (parsed: ParsedDocument) =>
  expect(parseSource(serializeContent(parsed), "x.md")).toEqual(parsed);

describe("review edits", () => {
  it("takes a speaker away (narrative) and gives one (speech)", () => {
    const silent = applyEdit(doc(), { op: "speaker", turn: 2, speaker: null });
    expect(silent.turns[2]).toEqual({ kind: "paragraph", text: "(Expressing consent)" });
    const given = applyEdit(doc(), { op: "speaker", turn: 1, speaker: "ishibashi" });
    expect(given.turns[1]).toMatchObject({ kind: "speech", speaker: "ishibashi" });
    const attributed = applyEdit(doc(), { op: "speaker", turn: 3, speaker: "liao" });
    expect(attributed.turns[3]).toMatchObject({ kind: "paragraph", speaker: "liao" });
    roundTrips(silent);
    roundTrips(attributed);
  });

  it("refuses a speaker who is not a participant, or on a heading", () => {
    expect(() => applyEdit(doc(), { op: "speaker", turn: 1, speaker: "zhou" })).toThrow(EditError);
    expect(() => applyEdit(doc(), { op: "speaker", turn: 0, speaker: "liao" })).toThrow(
      /make it speech or narrative first/,
    );
    expect(() => applyEdit(doc(), { op: "merge", turn: 3 })).toThrow(/no turn 5/);
  });

  it("merges, splits, changes kinds and metadata", () => {
    const edited = applyEdits(doc(), [
      { op: "merge", turn: 1 },
      { op: "split", turn: 2, at: 15 },
      { op: "kind", turn: 0, kind: "header" },
      { op: "metadata", place: "Beijing", archive: "" },
      { op: "addParticipant", name: "Lin Liyun", label: "Lin" },
    ]);
    expect(edited.turns.map((turn) => turn.text)).toEqual([
      "Record of the Third Conversation",
      "Premier Zhou sends you his greetings. (Expressing consent)",
      "Both sides then",
      "discussed the security treaty at some length.",
    ]);
    expect(edited.turns[0]!.kind).toBe("header");
    expect(edited.place).toBe("Beijing");
    expect(edited.archive).toBeUndefined();
    expect(edited.participants.at(-1)).toEqual({
      id: "lin-liyun",
      name: "Lin Liyun",
      label: "Lin",
    });
    roundTrips(edited);
    expect(() => applyEdit(doc(), { op: "split", turn: 1, at: 500 })).toThrow(/inside its text/);
    expect(() => applyEdit(doc(), { op: "metadata", title: "" })).toThrow(/needs a title/);
  });

  it("makes unique participant ids from names", () => {
    expect(participantId("Zhou Enlai", [])).toBe("zhou-enlai");
    expect(participantId("Liao", doc().participants)).toBe("liao-2");
    expect(participantId("廖承志", [])).toBe("speaker");
  });
});

describe("what the reviewer is warned about", () => {
  it("names unattributed paragraphs, missing metadata and lost characters", () => {
    const bare = { ...doc(), date: undefined, archive: undefined };
    bare.turns = [...bare.turns, { kind: "paragraph", text: "Characters \uFFFD were lost here." }];
    expect(draftWarnings(bare)).toEqual([
      { message: "No date was found: add it under Metadata." },
      { message: "No archive, source link or citation: say where the text is from." },
      { message: "Nobody is named as the speaker of this paragraph.", turn: 3 },
      {
        message: "Characters were lost here (shown as �): check them against the source.",
        turn: 4,
      },
    ]);
  });
});

describe("revision diff", () => {
  it("pairs a replaced turn as edited, and counts added and removed", () => {
    const diff = diffTurns(["a b c", "gone", "same", "x y"], ["a B c", "same", "x y", "new"]);
    expect(diff).toMatchObject({ edited: 1, removed: 1, added: 1, unchanged: 2 });
    const edited = diff.changes.find((change) => change.type === "edited");
    expect(edited).toMatchObject({ before: "a b c", after: "a B c", at: 0 });
    expect(diffTurns(["a"], ["a"])).toMatchObject({ edited: 0, added: 0, removed: 0, changes: [] });
  });
});

describe("references", () => {
  const env = {};
  it("reads FRUS ids and addresses, and Wilson Center document addresses only", () => {
    expect(parseReference("frus1958-60v18/d143", env)).toEqual({
      site: "frus",
      volume: "frus1958-60v18",
      document: "d143",
      url: "https://history.state.gov/historicaldocuments/frus1958-60v18/d143.xml",
    });
    expect(
      parseReference("https://history.state.gov/historicaldocuments/frus1958-60v18/d143", env),
    ).toMatchObject({ site: "frus", document: "d143" });
    expect(
      parseReference("https://digitalarchive.wilsoncenter.org/document/134184", {
        MEMCON_WILSON_BASE_URL: "http://127.0.0.1:9999",
      }),
    ).toEqual({ site: "wilson", url: "http://127.0.0.1:9999/document/134184" });
    for (const other of [
      "http://169.254.169.254/latest/meta-data",
      "https://evil.example/document/1",
      "file:///etc/passwd",
      "frus/../../etc",
      "",
    ])
      expect(parseReference(other, env)).toBeNull();
  });
});
