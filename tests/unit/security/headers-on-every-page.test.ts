import fs from "node:fs";
import path from "node:path";
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "@/proxy";

// Finding 7 of issue #17: proxy.ts's matcher skipped requests carrying `Purpose: prefetch` or
// `Next-Router-Prefetch: 1`, and those got the full reader page with no CSP, X-Frame-Options,
// nosniff or Referrer-Policy. Every page, asked every way, must go through the proxy and carry
// every header. The matcher is evaluated by Next.js's own matching code.

const VARIANTS: Record<string, Record<string, string>> = {
  plain: {},
  "Purpose: prefetch": { purpose: "prefetch" },
  "Sec-Purpose: prefetch": { "sec-purpose": "prefetch" },
  "Next-Router-Prefetch: 1": { "next-router-prefetch": "1" },
  "RSC prefetch": { rsc: "1", "next-router-prefetch": "1", purpose: "prefetch" },
  "X-Middleware-Prefetch": { "x-middleware-prefetch": "1" },
};

const REQUIRED = [
  "content-security-policy",
  "x-frame-options",
  "x-content-type-options",
  "referrer-policy",
  "cross-origin-opener-policy",
  "permissions-policy",
];

/** app/courses/[id]/page.tsx -> /courses/sample-id ; route groups like (auth) vanish. */
function urlOf(file: string): string {
  const route = path
    .dirname(file)
    .replace(/^app/, "")
    .split("/")
    .filter((segment) => segment && !/^\(.*\)$/.test(segment))
    .map((segment) => (/^\[.*\]$/.test(segment) ? "sample-id" : segment))
    .join("/");
  return `/${route}`;
}

describe("security headers on every page, prefetched or not", () => {
  // Every page.tsx under app/, found on disk (a page added later is covered by itself).
  const pages = (fs.readdirSync("app", { recursive: true }) as string[])
    .filter((file) => /(^|\/)page\.tsx?$/.test(file))
    .map((file) => urlOf(path.join("app", file)));

  it(`covers every page (${pages.length} pages x ${Object.keys(VARIANTS).length} ways of asking)`, () => {
    expect(pages.length).toBeGreaterThan(10);
    // Not console.log: next/server's console patch needs Next's request storage.
    process.stdout.write(
      `[headers] ${pages.length} pages x ${Object.keys(VARIANTS).length} request variants = ${pages.length * Object.keys(VARIANTS).length} checks\n`,
    );
  });

  for (const [variant, headers] of Object.entries(VARIANTS)) {
    it(`every page asked with ${variant} passes through the proxy and carries the headers`, async () => {
      for (const url of pages) {
        const matched = unstable_doesMiddlewareMatch({
          config,
          url: `http://memcon.test${url}?q=1`,
          headers,
        });
        expect(matched, `${variant} ${url}`).toBe(true);
        const response = await proxy(new NextRequest(`http://memcon.test${url}`, { headers }));
        for (const name of REQUIRED)
          expect(response.headers.get(name), `${url} ${name}`).toBeTruthy();
      }
    });
  }

  it("leaves out only the build's static files, which carry no HTML", () => {
    for (const url of ["/_next/static/chunks/app.js", "/_next/image?url=x", "/favicon.ico"])
      expect(unstable_doesMiddlewareMatch({ config, url: `http://memcon.test${url}` })).toBe(false);
  });
});
