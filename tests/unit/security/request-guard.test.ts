import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { refuseActionBody, refuseRequest } from "@/lib/security/request-guard";

// The request guard (proxy.ts) before Next.js decodes a server action's body: bodies that
// Memcon's pages send pass, those React cannot decode (a 500 in Next.js) get a 400.

const form = (fields: Record<string, string | Blob>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

// The encoder the browser runs (the same React build Next.js serves), so the guard is held to
// what pages really send, not to what we think they send.
const { encodeReply } = createRequire(import.meta.url)(
  "next/dist/compiled/react-server-dom-webpack/client.node",
) as { encodeReply: (value: unknown) => Promise<string | FormData> };

async function guardOf(args: unknown[]) {
  const body = await encodeReply(args);
  return refuseActionBody(
    typeof body === "string" ? "text/plain;charset=UTF-8" : "multipart/form-data; boundary=x",
    body,
  );
}

describe("refuseActionBody with what React's encoder sends", () => {
  it("lets every kind of argument Memcon's pages pass through", async () => {
    const note = {
      documentSlug: "liao",
      selection: { start: { turnAnchor: 3, offset: 0 }, end: { turnAnchor: 3, offset: 9 } },
      body: { type: "doc", content: [{ type: "paragraph" }] },
      tags: [],
      visibility: "private",
      courseId: null,
      groupId: undefined,
      clientId: "abc",
    };
    const form = new FormData();
    form.set("email", "ada@memcon.test");
    form.set("file", new Blob(["scan"], { type: "image/png" }));
    const shared = { x: "$5 a dollar sign typed by a person" };
    const cases: unknown[][] = [
      [note],
      ["liao", "an-id", true],
      [{ error: undefined, fields: { name: "Ada" } }, form],
      [form],
      [shared, shared, new Map([["a", 1]]), new Set(["b"])],
      [new Date(0), Infinity, -Infinity, NaN, -0, 12n],
      [new Blob(["x"]), new Uint8Array([1, 2])],
    ];
    for (const [index, args] of cases.entries())
      expect(await guardOf(args), `case ${index}`).toBeNull();
  });
});

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
