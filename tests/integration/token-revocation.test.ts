import { describe, expect, it } from "vitest";
import { changePassword, openSession, signOutEverywhere } from "@/lib/auth/accounts";
import { createApiToken, viewerForBearer } from "@/lib/auth/api-tokens";
import { hashPassword } from "@/lib/auth/password";
import { getPrisma } from "@/lib/db";

// Finding 10 of issue #17: API tokens survived a password change, so whoever had learned the
// old password (and made a token with it) kept access. A password change and "sign out
// everywhere" now revoke every token; the account page says so.

const prisma = getPrisma();

async function member(email: string) {
  const user = await prisma.user.create({
    data: { email, name: "Token Holder", passwordHash: await hashPassword("old pass phrase 1959") },
  });
  const token = (await createApiToken(prisma, user.id, "backup script")).token;
  const here = (await openSession(prisma, user.id)).token;
  const elsewhere = (await openSession(prisma, user.id)).token;
  expect(await viewerForBearer(prisma, `Bearer ${token}`)).not.toBeNull();
  return { user, token, here, elsewhere };
}

describe("API tokens end with the password", () => {
  it("are revoked by a password change, which keeps only the current session", async () => {
    const { user, token, here } = await member("tokens-password@memcon.test");
    const changed = await changePassword(prisma, user.id, here, {
      currentPassword: "old pass phrase 1959",
      newPassword: "new pass phrase 1972",
      confirmPassword: "new pass phrase 1972",
    });
    expect(changed.ok).toBe(true);
    expect(await viewerForBearer(prisma, `Bearer ${token}`)).toBeNull();
    const sessions = await prisma.session.findMany({ where: { userId: user.id } });
    expect(sessions.map((session) => session.sessionToken)).toEqual([here]);
  });

  it("are revoked by signing out everywhere, with every session", async () => {
    const { user, token } = await member("tokens-everywhere@memcon.test");
    const other = await member("tokens-bystander@memcon.test");
    await signOutEverywhere(prisma, user.id);
    expect(await viewerForBearer(prisma, `Bearer ${token}`)).toBeNull();
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    // Nobody else is touched.
    expect(await viewerForBearer(prisma, `Bearer ${other.token}`)).not.toBeNull();
    expect(await prisma.session.count({ where: { userId: other.user.id } })).toBe(2);
  });
});
