import { describe, expect, it } from "vitest";
import { SourceError, withinTimeLimit } from "@/lib/importer/sources/limits";
import { sourceKind } from "@/lib/importer/sources";
import { refuseEntityDeclarations } from "@/lib/importer/sources/text";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("source adapters", () => {
  it("stop reading after the time limit, with a sentence", async () => {
    const never = () => new Promise<string>(() => {});
    await expect(withinTimeLimit(never, "volume.pdf", 30)).rejects.toThrow(
      /Reading volume.pdf took longer than 0.03 seconds; split it/,
    );
    await expect(withinTimeLimit(async () => "read", "x", 1000)).resolves.toBe("read");
  });

  it("tell a file's kind by its bytes, not its name", () => {
    expect(sourceKind({ name: "notes.txt", bytes: bytes("%PDF-1.7\n") })).toBe("pdf");
    expect(sourceKind({ name: "a.pdf", bytes: bytes("PK\u0003\u0004") })).toBe("docx");
    expect(sourceKind({ name: "d143", bytes: bytes('  <div type="document">') })).toBe("tei");
    expect(sourceKind({ name: "liao.md", bytes: bytes("---\ntype: document") })).toBe("markdown");
    expect(sourceKind({ name: "liao", bytes: bytes("Liao: hello") })).toBe("text");
    expect(() => sourceKind({ name: "old.doc", bytes: bytes("\u00d0\u00cf") })).toThrow(/\.docx/);
    expect(() => sourceKind({ name: "scan.JPG", bytes: bytes("\u00ff\u00d8") })).toThrow(
      SourceError,
    );
  });

  it("refuse XML entity declarations and external DTDs, not plain XML", () => {
    for (const xml of [
      '<!DOCTYPE x [<!ENTITY a "b">]><x/>',
      '<!DOCTYPE x SYSTEM "file:///etc/passwd"><x/>',
      "<!doctype x [ ]><x/>",
    ])
      expect(() => refuseEntityDeclarations(xml, "It")).toThrow(/declares XML entities/);
    expect(() => refuseEntityDeclarations('<div type="document"/>', "It")).not.toThrow();
  });
});
