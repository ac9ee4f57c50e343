import { describe, expect, it } from "vitest";
import { signFreshWrite, verifyFreshWrite, isWriteMethod } from "@/lib/db/fresh-write";
import { parseLsn } from "@/lib/db/lsn";
import { namedStatements } from "@/lib/db/raw";

describe("read your own writes (the fresh-write cookie)", () => {
  const secret = "a-secret-long-enough-for-a-test-0123456789";

  it("holds while it has not expired, with the secret that signed it", async () => {
    const now = Date.now();
    const value = await signFreshWrite(now + 5_000, secret);
    expect(await verifyFreshWrite(value, secret, now)).toBe(true);
    expect(await verifyFreshWrite(value, secret, now + 6_000)).toBe(false);
    expect(await verifyFreshWrite(value, "another-secret-0123456789", now)).toBe(false);
  });

  it("refuses a forged expiry, garbage, and one signed to last far too long", async () => {
    const now = Date.now();
    const value = await signFreshWrite(now + 5_000, secret);
    const [, signature] = value.split(".");
    expect(await verifyFreshWrite(`${now + 9_000}.${signature}`, secret, now)).toBe(false);
    expect(await verifyFreshWrite("1.abc", secret, now)).toBe(false);
    expect(await verifyFreshWrite(undefined, secret, now)).toBe(false);
    const nextYear = await signFreshWrite(now + 365 * 24 * 3600_000, secret);
    expect(await verifyFreshWrite(nextYear, secret, now)).toBe(false);
  });

  it("marks every method that may write", () => {
    expect(["POST", "PUT", "PATCH", "DELETE"].every(isWriteMethod)).toBe(true);
    expect(["GET", "HEAD", "OPTIONS"].some(isWriteMethod)).toBe(false);
  });
});

describe("WAL positions", () => {
  it("compare as numbers across the slash", () => {
    expect(parseLsn("0/16B3748")).toBe(0x16b3748n);
    expect(parseLsn("1/0")! > parseLsn("0/FFFFFFFF")!).toBe(true);
    expect(parseLsn("nonsense")).toBeNull();
    expect(parseLsn(null)).toBeNull();
  });
});

describe("DATABASE_PREPARED_STATEMENTS", () => {
  it("names statements unless turned off (PgBouncer before 1.21 in transaction mode)", () => {
    expect(namedStatements({})).toBe(true);
    expect(namedStatements({ DATABASE_PREPARED_STATEMENTS: "off" })).toBe(false);
    expect(namedStatements({ DATABASE_PREPARED_STATEMENTS: "false" })).toBe(false);
    expect(namedStatements({ DATABASE_PREPARED_STATEMENTS: "on" })).toBe(true);
  });
});
