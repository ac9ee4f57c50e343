import { spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { clientAddress, parseTrustedProxies } from "@/lib/security/client-address";
import { inRequest } from "@/tests/support/next-request";

vi.mock("next/headers", () => import("@/tests/support/next-request"));

// Finding 4 of issue #17: clientIp() believed the first X-Forwarded-For entry (or X-Real-IP), so
// a client reset its per-address sign-in and sign-up limits by sending a new one each time.

const trust = (setting: string) => {
  const parsed = parseTrustedProxies(setting);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

describe("clientIp() as the rate limits call it", () => {
  it("ignores forged X-Forwarded-For and X-Real-IP when no proxy is trusted (the default)", async () => {
    const { clientIp } = await import("@/lib/auth/request");
    delete process.env.TRUSTED_PROXIES;
    for (const forged of ["1.2.3.4", "9.9.9.9, 8.8.8.8", "garbage"]) {
      const { value } = await inRequest(
        { "x-memcon-peer": "203.0.113.7", "x-forwarded-for": forged, "x-real-ip": forged },
        () => clientIp(),
      );
      expect(value).toBe("203.0.113.7");
    }
  });

  it("takes the right-most untrusted hop behind a trusted proxy", async () => {
    const { clientIp } = await import("@/lib/auth/request");
    process.env.TRUSTED_PROXIES = "10.0.0.0/8";
    try {
      const { value } = await inRequest(
        { "x-memcon-peer": "10.0.0.2", "x-forwarded-for": "6.6.6.6, 198.51.100.4" },
        () => clientIp(),
      );
      // 6.6.6.6 is what the client wrote; 198.51.100.4 is what our proxy saw.
      expect(value).toBe("198.51.100.4");
    } finally {
      delete process.env.TRUSTED_PROXIES;
    }
  });
});

describe("clientAddress", () => {
  const peer = "::ffff:10.1.2.3";
  it("uses the TCP peer when nobody is trusted", () => {
    expect(clientAddress({ peer, forwardedFor: "1.1.1.1" }, trust(""))).toBe("10.1.2.3");
    expect(clientAddress({ peer: null, forwardedFor: "1.1.1.1" }, trust(""))).toBe("unknown");
  });

  it("counts hops from the right with a number", () => {
    const forwardedFor = "6.6.6.6, 198.51.100.4, 10.0.0.5";
    expect(clientAddress({ peer, forwardedFor }, trust("1"))).toBe("10.0.0.5");
    expect(clientAddress({ peer, forwardedFor }, trust("2"))).toBe("198.51.100.4");
    // More hops claimed than present: the left-most entry, never out of range.
    expect(clientAddress({ peer, forwardedFor: "7.7.7.7" }, trust("5"))).toBe("7.7.7.7");
  });

  it("skips trusted networks from the right with a list", () => {
    const list = trust("10.0.0.0/8, 192.168.1.4, fd00::/8");
    expect(clientAddress({ peer, forwardedFor: "6.6.6.6, 203.0.113.9, 192.168.1.4" }, list)).toBe(
      "203.0.113.9",
    );
    expect(clientAddress({ peer: "fd00::1", forwardedFor: "2001:db8::5" }, list)).toBe(
      "2001:db8::5",
    );
    // A forged entry to the right of nothing trusted is never reached.
    expect(clientAddress({ peer: "198.51.100.1", forwardedFor: "10.0.0.1" }, list)).toBe(
      "198.51.100.1",
    );
  });

  it("refuses settings it cannot read, with a sentence", () => {
    for (const bad of ["10.0.0.0/33", "proxy.example", "1.2.3.4/8/9", "100"]) {
      const parsed = parseTrustedProxies(bad);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(/TRUSTED_PROXIES/);
    }
  });
});

describe("scripts/lib/http-guard.cjs (preloaded into next start)", () => {
  it("replaces a client's own x-memcon-peer header with the socket's address", async () => {
    const script = `
      const http = require("node:http");
      const server = http.createServer((req, res) => res.end(req.headers["x-memcon-peer"] ?? "none"));
      server.listen(0, "127.0.0.1", () => process.stdout.write(String(server.address().port) + "\\n"));`;
    const child = spawn(
      process.execPath,
      ["--require", path.resolve("scripts/lib/http-guard.cjs"), "-e", script],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    try {
      const port = await new Promise<number>((resolve) =>
        child.stdout.once("data", (chunk) => resolve(Number(String(chunk).trim()))),
      );
      const seen = await new Promise<string>((resolve, reject) => {
        http
          .get({ host: "127.0.0.1", port, headers: { "X-Memcon-Peer": "6.6.6.6" } }, (response) => {
            let text = "";
            response.on("data", (chunk) => (text += chunk));
            response.on("end", () => resolve(text));
          })
          .on("error", reject);
      });
      expect(seen).toBe("127.0.0.1");
      // TRACE never reaches Next.js (its fetch Request cannot represent it: a 500 there).
      const trace = await new Promise<number>((resolve, reject) =>
        http
          .request({ host: "127.0.0.1", port, method: "TRACE" }, (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          })
          .on("error", reject)
          .end(),
      );
      expect(trace).toBe(405);
    } finally {
      child.kill();
    }
  });
});
