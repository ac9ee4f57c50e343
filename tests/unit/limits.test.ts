import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { rateLimitFactor } from "@/lib/limits";

describe("rateLimitFactor", () => {
  it.each([
    [{}, 1],
    [{ MEMCON_RATE_LIMIT_FACTOR: "20" }, 20],
    [{ MEMCON_RATE_LIMIT_FACTOR: "20", NODE_ENV: "production" }, 20],
    // Nonsense never lowers or removes the limits.
    [{ MEMCON_RATE_LIMIT_FACTOR: "0.1" }, 1],
    [{ MEMCON_RATE_LIMIT_FACTOR: "lots" }, 1],
    [{ MEMCON_RATE_LIMITS: "off", NODE_ENV: "development" }, Infinity],
    // A forgotten "off" must not open a production server.
    [{ MEMCON_RATE_LIMITS: "off", NODE_ENV: "production" }, 1],
  ])("%j gives %d", (env, factor) => {
    expect(rateLimitFactor(env as NodeJS.ProcessEnv)).toBe(factor);
  });
});

describe("isDatabaseUnavailable", () => {
  const socket = (code: string) =>
    Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), {
      code,
      syscall: "connect",
      errno: -111,
    });

  it.each([
    ["a refused connection", socket("ECONNREFUSED")],
    ["pg's cut connection", new Error("Connection terminated unexpectedly")],
    ["pg's pool deadline", new Error("timeout exceeded when trying to connect")],
    [
      "a server shutting down (57P01)",
      Object.assign(new Error("terminating connection due to administrator command"), {
        code: "57P01",
      }),
    ],
    [
      "the driver adapter's error, wrapped by Prisma",
      Object.assign(new Error("Invalid `prisma.annotation.create()` invocation"), {
        cause: { kind: "DatabaseNotReachable", host: "localhost", port: 5432 },
      }),
    ],
    [
      "a PostgreSQL connection exception through the adapter",
      new Error("query failed", { cause: { kind: "postgres", code: "08006" } }),
    ],
    ["Prisma's P1001", Object.assign(new Error("Can't reach database server"), { code: "P1001" })],
  ])("recognises %s", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", Object.assign(new Error("Unique constraint failed"), { code: "P2002" })],
    ["a syntax error", Object.assign(new Error("syntax error at or near"), { code: "42601" })],
    ["a programming error", new TypeError("Cannot read properties of undefined")],
    ["nothing", undefined],
  ])("does not mistake %s for an outage", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
