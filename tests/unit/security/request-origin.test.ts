import { describe, expect, it } from "vitest";
import { checkCookieWrite } from "@/lib/security/request-origin";

// Which cookie-authenticated writes are taken: from Memcon's own origin only, with a JSON body,
// a file upload where the route takes files, or no body at all.

const own = (extra: Record<string, string> = {}) =>
  new Headers({ host: "memcon.example.edu", origin: "https://memcon.example.edu", ...extra });

describe("checkCookieWrite", () => {
  it("takes JSON from Memcon's own origin", () => {
    expect(checkCookieWrite("POST", own({ "content-type": "application/json" }))).toEqual({
      ok: true,
    });
  });

  it("refuses another origin of the same site whatever the body", () => {
    const sibling = new Headers({
      host: "memcon.example.edu",
      origin: "https://student-project.example.edu",
      "content-type": "multipart/form-data; boundary=x",
    });
    expect(checkCookieWrite("POST", sibling, ["multipart"])).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(
      checkCookieWrite(
        "POST",
        own({ "sec-fetch-site": "same-site", "content-type": "application/json" }),
      ),
    ).toMatchObject({ ok: false, status: 403 });
  });

  it("takes a file upload only where the route takes files, and never a urlencoded form", () => {
    const upload = own({ "content-type": "multipart/form-data; boundary=----x" });
    expect(checkCookieWrite("POST", upload)).toMatchObject({ ok: false, status: 415 });
    expect(checkCookieWrite("POST", upload, ["multipart"])).toEqual({ ok: true });
    const form = own({ "content-type": "application/x-www-form-urlencoded" });
    expect(checkCookieWrite("POST", form, ["multipart"])).toMatchObject({ ok: false, status: 415 });
    const text = own({ "content-type": "text/plain" });
    expect(checkCookieWrite("POST", text, ["multipart"])).toMatchObject({ ok: false, status: 415 });
  });

  it("takes a write with no body at all (publish, delete), but not a body without a type", () => {
    expect(checkCookieWrite("POST", own())).toEqual({ ok: true });
    expect(checkCookieWrite("DELETE", own({ "content-length": "0" }))).toEqual({ ok: true });
    expect(checkCookieWrite("POST", own({ "content-length": "12" }))).toMatchObject({
      ok: false,
      status: 415,
    });
  });
});
