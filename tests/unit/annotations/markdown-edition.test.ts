import { describe, expect, it } from "vitest";
import { toCourseMarkdown, toMarkdownNotes } from "@/lib/annotations/export/markdown";
import { record } from "./fixtures";

// Issue 19: exports say which edition a note was made on (seed 003 and FRUS d102 print one record).
describe("the edition in Markdown exports", () => {
  const note = record({ id: "n1" });
  const options = {
    documentTitle: "Memorandum of a Conversation, September 7, 1956",
    documentUrl: "https://memcon.example/documents/1956-09-07-dulles-memorandum-conversation",
  };

  it("names the edition under the title", () => {
    const text = toMarkdownNotes([note], {
      ...options,
      edition: "Foreign Relations of the United States",
    });
    expect(text.split("\n\n").slice(0, 3)).toEqual([
      "# Reading notes: Memorandum of a Conversation, September 7, 1956",
      `Source: <${options.documentUrl}>`,
      "Notes made on the edition of: Foreign Relations of the United States",
    ]);
    expect(
      toCourseMarkdown("Seminar", [
        { ...options, edition: "“The World and Japan” Database", records: [note] },
      ]),
    ).toContain("Notes made on the edition of: “The World and Japan” Database");
  });

  it("says nothing of an edition when the document names no archive", () => {
    expect(toMarkdownNotes([note], options)).not.toContain("edition of");
  });
});
