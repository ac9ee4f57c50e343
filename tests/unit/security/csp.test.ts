import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  createNonce,
  securityHeadersFor,
  staticSecurityHeaders,
} from "@/lib/security/csp";

/** "a b; c d" -> { a: ["b"], c: ["d"] } */
function parse(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy.split(";").map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe("createNonce", () => {
  it("is base64 of 16 random bytes, different every time", () => {
    const nonces = Array.from({ length: 200 }, createNonce);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    }
    expect(new Set(nonces).size).toBe(nonces.length);
  });
});

describe("contentSecurityPolicy", () => {
  const nonce = createNonce();
  const policy = parse(contentSecurityPolicy(nonce));

  it("allows only nonced scripts and what they load, never inline or eval", () => {
    expect(policy["script-src"]).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(contentSecurityPolicy(nonce)).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it("locks down plugins, base URLs, form targets, framing and connections", () => {
    expect(policy).toMatchObject({
      "default-src": ["'self'"],
      "object-src": ["'none'"],
      "base-uri": ["'none'"],
      "form-action": ["'self'"],
      "frame-ancestors": ["'none'"],
      "connect-src": ["'self'"],
      "img-src": ["'self'", "data:"],
      "font-src": ["'self'"],
      "style-src": ["'self'", "'unsafe-inline'"],
    });
  });

  it("adds 'unsafe-eval' in development only", () => {
    expect(parse(contentSecurityPolicy(nonce, { dev: true }))["script-src"]).toContain(
      "'unsafe-eval'",
    );
    expect(policy["script-src"]).not.toContain("'unsafe-eval'");
  });

  it("uses a different nonce per request", () => {
    const other = createNonce();
    expect(contentSecurityPolicy(other)).toContain(`'nonce-${other}'`);
    expect(contentSecurityPolicy(other)).not.toContain(nonce);
  });

  it.each(["", "short", "abc'; script-src *", "AAAAAAAAAAAAAAAAAAAAAA==\r\nSet-Cookie: x=1"])(
    "refuses a nonce that is not plain base64: %j",
    (bad) => {
      expect(() => contentSecurityPolicy(bad)).toThrow(/nonce must be base64/);
    },
  );
});

describe("securityHeadersFor", () => {
  it("puts the policy and the static headers on the response", () => {
    const nonce = createNonce();
    const { policy, response } = securityHeadersFor(nonce);
    expect(response["Content-Security-Policy"]).toBe(policy);
    expect(response).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
    });
    expect(Object.keys(response)).toEqual([
      "Content-Security-Policy",
      ...Object.keys(staticSecurityHeaders),
    ]);
  });
});
