import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/security/callback-url";

// Finding 1 of issue #17: "/\t/evil.example/phish" passed the old prefix checks, and Chromium
// (like every WHATWG URL parser) drops tabs and line breaks, so it followed it off the site.
// Whatever safeCallbackUrl returns is resolved here as a browser would resolve a Location header.

const SITE = "https://memcon.example.edu";
const FALLBACK = "/courses";

/** Every C0 control, DEL, the C1 controls, and every Unicode space or invisible separator. */
const SUSPECTS = [
  ...Array.from({ length: 0x21 }, (_, code) => String.fromCharCode(code)),
  ...Array.from({ length: 0x21 }, (_, index) => String.fromCharCode(0x7f + index)),
  "\u1680",
  "\u180e",
  "\u2000",
  "\u2001",
  "\u2002",
  "\u2003",
  "\u2004",
  "\u2005",
  "\u2006",
  "\u2007",
  "\u2008",
  "\u2009",
  "\u200a",
  "\u200b",
  "\u200c",
  "\u200d",
  "\u2028",
  "\u2029",
  "\u202f",
  "\u205f",
  "\u2060",
  "\u3000",
  "\ufeff",
  "\ufffe",
  "\uffff",
  "\ud800",
  "\udfff",
];

/** Places a suspect character can go in a would-be path that leads elsewhere. */
const TEMPLATES = [
  "/X/evil.example/phish",
  "X//evil.example/phish",
  "/X//evil.example",
  "//X/evil.example",
  "/X\\evil.example",
  "X/\\evil.example",
  "/\\Xevil.example",
  "Xhttps://evil.example",
  "/Xhttps://evil.example",
  "jaXvascript:alert(1)",
  "/courses?next=X//evil.example",
];

/** The usual open-redirect corpus (PayloadsAllTheThings and friends). */
const CORPUS = [
  "//evil.example",
  "///evil.example",
  "////evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "/\\/evil.example",
  "/.//evil.example",
  "/./\\evil.example",
  "/../..//evil.example",
  "/%2f%2fevil.example",
  "/%5cevil.example",
  "/%09/evil.example",
  "https://evil.example",
  "http:evil.example",
  "https:/evil.example",
  "http:\\\\evil.example",
  "//evil.example@memcon.example.edu",
  "/@evil.example",
  "//memcon.example.edu@evil.example",
  "https://memcon.example.edu.evil.example/",
  "https://memcon.example.edu@evil.example/",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "//%0d%0aevil.example",
  "/%0d%0aLocation:%20https://evil.example",
  "//evil%E3%80%82example",
  "//evil。example",
  "/\u3000/evil.example",
  "\u3000//evil.example",
  " //evil.example",
  "//ⓔⓥⓘⓛ.example",
  "/ /evil.example",
  "https:evil.example",
  "//0x7f.0x0.0x0.0x1",
  "//2130706433",
  "//[::1]",
  "/" + "a".repeat(5000),
];

/** Where a browser goes with this Location header on the site. */
const destination = (location: string) => new URL(location, `${SITE}/signin`);

function expectStaysOnSite(input: string) {
  const result = safeCallbackUrl(input, FALLBACK);
  expect(typeof result).toBe("string");
  // A header value must be printable ASCII, or setting the redirect throws (the old 500).
  expect(result, JSON.stringify(input)).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
  expect(destination(result).origin, JSON.stringify(input)).toBe(SITE);
}

describe("safeCallbackUrl", () => {
  it("keeps same-site paths with their query and fragment", () => {
    expect(safeCallbackUrl("/documents/liao-ishibashi-1959?turn=3#t3")).toBe(
      "/documents/liao-ishibashi-1959?turn=3#t3",
    );
    expect(safeCallbackUrl("/account")).toBe("/account");
    expect(safeCallbackUrl("/join/READ-1959")).toBe("/join/READ-1959");
  });

  it("answers the fallback for anything that is not a string", () => {
    for (const value of [undefined, null, 3, {}, ["/x"]]) expect(safeCallbackUrl(value)).toBe("/");
  });

  it(`never leaves the site with any control or space character in any position (${SUSPECTS.length * TEMPLATES.length} cases)`, () => {
    for (const template of TEMPLATES)
      for (const suspect of SUSPECTS) expectStaysOnSite(template.replace("X", suspect));
  });

  it(`never leaves the site for the open-redirect corpus (${CORPUS.length} payloads)`, () => {
    for (const payload of CORPUS) {
      expectStaysOnSite(payload);
      expectStaysOnSite(decodeURIComponent(payload.replace(/%(?![0-9a-f]{2})/gi, "%25")));
    }
  });

  it("refuses the tab that Chromium followed to evil.example", () => {
    expect(safeCallbackUrl("/\t/evil.example/phish", FALLBACK)).toBe(FALLBACK);
  });
});
