import { describe, expect, it } from "vitest";
import { exportFileName, fileSlug } from "@/lib/annotations/export/file-name";
import { publicBaseUrl } from "@/lib/annotations/export/site-url";

describe("exportFileName", () => {
  const day = new Date("2026-12-02T23:59:00Z");

  it("says whose notes, on what, when and in which format", () => {
    const slug = "1959-09-14-liao-ishibashi-third-conversation";
    expect(exportFileName(slug, "md", day)).toBe(`memcon-notes_${slug}_2026-12-02.md`);
    expect(exportFileName(slug, "csv", day)).toBe(`memcon-notes_${slug}_2026-12-02.csv`);
    expect(exportFileName(slug, "jsonld", day)).toBe(
      `memcon-annotations_${slug}_2026-12-02.jsonld`,
    );
  });

  it("makes a course's title safe for every file system and header", () => {
    expect(exportFileName("course-Cold War Sino-Japanese Relations", "csv", day)).toBe(
      "memcon-notes_course-cold-war-sino-japanese-relations_2026-12-02.csv",
    );
    expect(fileSlug('Ōhira & "Zhou"; ../../etc\r\nX')).toBe("ohira-zhou-etc-x");
    expect(fileSlug("日中関係")).toBe("untitled");
    expect(fileSlug("a".repeat(100))).toHaveLength(60);
  });
});

describe("publicBaseUrl", () => {
  const request = "http://10.0.0.7:3000/api/documents/x/annotations?format=md";

  it("uses AUTH_URL, the site's public address, not the request's host", () => {
    expect(publicBaseUrl(request, { AUTH_URL: "https://memcon.example.edu/" })).toBe(
      "https://memcon.example.edu",
    );
    expect(publicBaseUrl(request, { AUTH_URL: "https://example.edu/memcon/" })).toBe(
      "https://example.edu/memcon",
    );
  });

  it("falls back to the request's origin without AUTH_URL or with a broken one", () => {
    expect(publicBaseUrl(request, {})).toBe("http://10.0.0.7:3000");
    expect(publicBaseUrl(request, { AUTH_URL: "not a url" })).toBe("http://10.0.0.7:3000");
    expect(publicBaseUrl(request, { AUTH_URL: "javascript:alert(1)" })).toBe(
      "http://10.0.0.7:3000",
    );
  });
});
