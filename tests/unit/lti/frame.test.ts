import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { courseRoleFor } from "@/lib/lti/claims";
import {
  FRAME_COOKIE,
  frameAncestorsFor,
  platformFrameOrigins,
  signFrameOrigins,
  type FramedRequest,
} from "@/lib/lti/frame";
import { contentSecurityPolicy, securityHeadersFor } from "@/lib/security/csp";

const env = { AUTH_SECRET: "unit-secret-0123456789abcdef0123456789" };
const NONCE = "AAAAAAAAAAAAAAAAAAAAAA==";

function request(over: Partial<FramedRequest> & { cookies?: Record<string, string> } = {}) {
  const cookies = over.cookies ?? {};
  return {
    pathname: over.pathname ?? "/assignments/abc",
    searchParams: over.searchParams ?? new URLSearchParams(),
    headers: over.headers ?? new Headers({ "sec-fetch-dest": "iframe" }),
    cookie: (name: string) => cookies[name],
  };
}

describe("frame-ancestors for launched pages", () => {
  it("names the platform's origins in the policy and drops X-Frame-Options only then", () => {
    const framed = securityHeadersFor(NONCE, {
      frameAncestors: ["https://school.instructure.com"],
    });
    expect(framed.policy).toContain("frame-ancestors https://school.instructure.com");
    expect(framed.response["X-Frame-Options"]).toBeUndefined();
    const plain = securityHeadersFor(NONCE);
    expect(plain.policy).toContain("frame-ancestors 'none'");
    expect(plain.response["X-Frame-Options"]).toBe("DENY");
  });

  it("drops anything that is not a bare origin (no directive can be smuggled in)", () => {
    const policy = contentSecurityPolicy(NONCE, {
      frameAncestors: ["https://a.example; script-src *", "*", "javascript:alert(1)"],
    });
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("script-src *");
  });

  it("relaxes framing for an iframe request carrying a signed note, and for nothing else", async () => {
    const note = await signFrameOrigins(["https://lms.example"], env);
    const cookies = { [FRAME_COOKIE]: note };
    expect(await frameAncestorsFor(request({ cookies }), env)).toEqual(["https://lms.example"]);
    // Top level: the same browser keeps frame-ancestors 'none'.
    const top = new Headers({ "sec-fetch-dest": "document" });
    expect(await frameAncestorsFor(request({ cookies, headers: top }), env)).toBeNull();
    // No note, a note signed with another secret, an expired note, a tampered note.
    expect(await frameAncestorsFor(request(), env)).toBeNull();
    const forged = await signFrameOrigins(["https://evil.example"], {
      AUTH_SECRET: "another-secret-0123456789abcdef",
    });
    expect(
      await frameAncestorsFor(request({ cookies: { [FRAME_COOKIE]: forged } }), env),
    ).toBeNull();
    const expired = await new SignJWT({ origins: ["https://lms.example"] })
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
      .sign(new TextEncoder().encode(`lti-frame:${env.AUTH_SECRET}`));
    expect(
      await frameAncestorsFor(request({ cookies: { [FRAME_COOKIE]: expired } }), env),
    ).toBeNull();
    const [head, , signature] = note.split(".");
    const body = Buffer.from(
      JSON.stringify({ origins: ["https://evil.example"], exp: 9999999999 }),
    ).toString("base64url");
    expect(
      await frameAncestorsFor(
        request({ cookies: { [FRAME_COOKIE]: `${head}.${body}.${signature}` } }),
        env,
      ),
    ).toBeNull();
  });

  it("accepts the note as a parameter on the landing page only", async () => {
    const note = await signFrameOrigins(["https://lms.example"], env);
    const searchParams = new URLSearchParams({ frame: note });
    expect(await frameAncestorsFor(request({ pathname: "/lti/open", searchParams }), env)).toEqual([
      "https://lms.example",
    ]);
    expect(
      await frameAncestorsFor(request({ pathname: "/courses/x", searchParams }), env),
    ).toBeNull();
  });

  it("shows refused logins and launches inside the frame of the page that sent them", async () => {
    const headers = new Headers({ origin: "https://lms.example" });
    expect(await frameAncestorsFor(request({ pathname: "/api/lti/launch", headers }), env)).toEqual(
      ["https://lms.example"],
    );
    const referer = new Headers({ referer: "https://moodle.example/course/view.php?id=3" });
    expect(
      await frameAncestorsFor(request({ pathname: "/api/lti/login", headers: referer }), env),
    ).toEqual(["https://moodle.example"]);
    expect(
      await frameAncestorsFor(request({ pathname: "/api/lti/login", headers: new Headers() }), env),
    ).toBeNull();
  });

  it("frames dynamic registration for the platform whose configuration it names", async () => {
    const searchParams = new URLSearchParams({
      openid_configuration: "https://moodle.example/mod/lti/openid-configuration.php",
    });
    expect(
      await frameAncestorsFor(request({ pathname: "/api/lti/register", searchParams }), env),
    ).toEqual(["https://moodle.example"]);
  });

  it("allows the issuer, the listed origins and the launch's return URL", () => {
    expect(
      platformFrameOrigins(
        {
          issuer: "https://canvas.instructure.com",
          frameOrigins: ["https://school.instructure.com"],
        },
        "https://school.instructure.com/courses/4/external_content/success",
      ),
    ).toEqual(["https://school.instructure.com", "https://canvas.instructure.com"]);
  });
});

describe("LTI roles to course roles", () => {
  const M = "http://purl.imsglobal.org/vocab/lis/v2/membership";
  it.each([
    [[`${M}#Instructor`], "instructor"],
    [[`${M}/Instructor#TeachingAssistant`], "instructor"],
    [["Instructor"], "instructor"],
    [[`${M}#Learner`, `${M}#Mentor`], "student"],
    [["Learner"], "student"],
    [[`${M}#Learner`, `${M}#Instructor`], "instructor"],
    [[`${M}#Mentor`], null],
    [["http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor"], null],
    [[], null],
  ])("%j -> %s", (roles, role) => {
    expect(courseRoleFor(roles)).toBe(role);
  });
});
