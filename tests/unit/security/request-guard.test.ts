import { describe, expect, it } from "vitest";
import { refuseActionBody, refuseRequest } from "@/lib/security/request-guard";

// The request guard (proxy.ts) before Next.js decodes a server action's body: bodies that
// Memcon's pages send pass, those React cannot decode (a 500 in Next.js) get a 400.

const form = (fields: Record<string, string | Blob>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe("refuseActionBody", () => {
  it("lets through what Memcon's pages send", () => {
    for (const body of ['[{},"$K1"]', '["$$dollar", "$u", "$D2026-12-02T10:00:00.000Z"]', "[]"])
      expect(refuseActionBody("text/plain;charset=UTF-8", body), body).toBeNull();
    // useActionState: the state and the form; a file (uploads) as an outlined Blob part.
    expect(
      refuseActionBody(
        "multipart/form-data; boundary=x",
        form({
          "0": '[{"error":"$u"},"$K1"]',
          "1_email": "ada@memcon.test",
          "1_file": "$B2",
          "2": new Blob(["x"]),
        }),
      ),
    ).toBeNull();
    expect(
      refuseActionBody("multipart/form-data", form({ "0": '["$B2"]', "2": new Blob(["x"]) })),
    ).toBeNull();
  });

  it("refuses what React cannot decode or Memcon never sends, with a sentence", () => {
    for (const body of [
      '"$1"',
      '["$@0"]',
      '["$Q5"]',
      '["$h1"]',
      '["\\u0000"]',
      '["\\ud800"]',
      "{",
      `${"[".repeat(50_000)}${"]".repeat(50_000)}`,
    ]) {
      const refusal = refuseActionBody("text/plain", body);
      expect(refusal?.status, body.slice(0, 20)).toBe(400);
      expect(refusal?.message).toMatch(/could not be read/);
    }
    expect(refuseActionBody("multipart/form-data", form({ "0": '["$B9"]' }))?.status).toBe(400);
    expect(refuseActionBody("multipart/form-data", form({ "1_name": "a\u0000b" }))?.status).toBe(
      400,
    );
  });
});

describe("refuseRequest", () => {
  const headers = (init: Record<string, string>) => new Headers({ host: "memcon.test", ...init });
  it("answers methods no page answers with 405, and API methods pass", () => {
    expect(
      refuseRequest("DELETE", new URL("http://memcon.test/courses"), headers({}))?.status,
    ).toBe(405);
    expect(
      refuseRequest("TRACE", new URL("http://memcon.test/api/annotations"), headers({}))?.status,
    ).toBe(405);
    expect(
      refuseRequest("DELETE", new URL("http://memcon.test/api/annotations/x"), headers({})),
    ).toBeNull();
  });

  it("refuses foreign-origin and oversized server actions, and unreadable addresses", () => {
    const post = (init: Record<string, string>) =>
      refuseRequest("POST", new URL("http://memcon.test/signin"), headers(init))?.status;
    expect(post({ origin: "https://evil.example", "content-length": "10" })).toBe(403);
    expect(post({ origin: "http://memcon.test", "content-length": String(600 * 1024) })).toBe(413);
    expect(post({ origin: "http://memcon.test" })).toBe(411);
    expect(post({ origin: "http://memcon.test", "content-length": "10" })).toBeUndefined();
    for (const path of ["/?q=%00", "/documents/%ff", "/x?y=%ED%A0%80", "/a%01b"])
      expect(
        refuseRequest("GET", new URL(`http://memcon.test${path}`), headers({}))?.status,
        path,
      ).toBe(400);
    expect(
      refuseRequest("GET", new URL("http://memcon.test/?q=caf%C3%A9+au+lait"), headers({})),
    ).toBeNull();
  });
});
