import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  changePasswordSchema,
  fieldErrors,
  signInSchema,
  signUpSchema,
} from "@/lib/validations/auth";
import type { Outcome } from "@/lib/outcome";
import { decoyHash, hashPassword, verifyPassword } from "./password";
import { clearRateLimit, hitRateLimit, RATE_LIMITS, retryMessage } from "./rate-limit";
import { SESSION_MAX_AGE_SECONDS } from "./session-cookie";
import { revokeAllApiTokens } from "./api-tokens";

// Account operations as plain functions over the database: the server actions in app/ call them
// and turn their results into cookies and redirects. Results, not exceptions, for expected failures.

const SIGN_IN_FAILED = "That email and password do not match an account.";

export async function signUp(
  prisma: PrismaClient,
  input: { name: unknown; email: unknown; password: unknown },
  ip: string,
): Promise<Outcome<{ userId: string }>> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      error: "Please correct the highlighted fields.",
      fields: fieldErrors(parsed.error),
    };
  const limit = await hitRateLimit(prisma, `signup:ip:${ip}`, RATE_LIMITS.signUpPerIp);
  if (!limit.allowed)
    return {
      ok: false,
      error: `Too many new accounts from this network. ${retryMessage(limit.retryAfterSeconds)}`,
    };

  const { name, email, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  try {
    const user = await prisma.user.create({ data: { name, email, passwordHash } });
    return { ok: true, value: { userId: user.id } };
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      // Sign-up must say why it failed; per-IP limits keep this from being an enumeration oracle.
      return {
        ok: false,
        error: "Please correct the highlighted fields.",
        fields: { email: "An account with this email already exists. Sign in instead." },
      };
    }
    throw error;
  }
}

export async function verifyCredentials(
  prisma: PrismaClient,
  input: { email: unknown; password: unknown },
  ip: string,
): Promise<Outcome<{ userId: string }>> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      error: "Please correct the highlighted fields.",
      fields: fieldErrors(parsed.error),
    };
  const { email, password } = parsed.data;

  // Both limits count every attempt, whether or not the account exists: they reveal nothing.
  const perIp = await hitRateLimit(prisma, `signin:ip:${ip}`, RATE_LIMITS.signInPerIp);
  const perAccount = await hitRateLimit(
    prisma,
    `signin:account:${email}`,
    RATE_LIMITS.signInPerAccount,
  );
  if (!perIp.allowed || !perAccount.allowed) {
    const wait = Math.max(
      perIp.allowed ? 0 : perIp.retryAfterSeconds,
      perAccount.allowed ? 0 : perAccount.retryAfterSeconds,
    );
    return { ok: false, error: `Too many sign-in attempts. ${retryMessage(wait)}` };
  }

  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true },
  });
  const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (!user?.passwordHash || !valid) return { ok: false, error: SIGN_IN_FAILED };
  await clearRateLimit(prisma, `signin:account:${email}`);
  return { ok: true, value: { userId: user.id } };
}

/** Open a database session (the same table Auth.js uses) and return its token for the cookie. */
export async function openSession(
  prisma: PrismaClient,
  userId: string,
): Promise<{ token: string; expires: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expires = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
  await prisma.session.create({ data: { sessionToken: token, userId, expires } });
  return { token, expires };
}

export async function changePassword(
  prisma: PrismaClient,
  userId: string,
  currentSessionToken: string | undefined,
  input: { currentPassword: unknown; newPassword: unknown; confirmPassword: unknown },
): Promise<Outcome<null>> {
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      error: "Please correct the highlighted fields.",
      fields: fieldErrors(parsed.error),
    };
  const limit = await hitRateLimit(prisma, `password:user:${userId}`, RATE_LIMITS.signInPerAccount);
  if (!limit.allowed)
    return { ok: false, error: `Too many attempts. ${retryMessage(limit.retryAfterSeconds)}` };

  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true },
  });
  if (
    user.passwordHash &&
    !(await verifyPassword(parsed.data.currentPassword, user.passwordHash))
  ) {
    return {
      ok: false,
      error: "Please correct the highlighted fields.",
      fields: { currentPassword: "That is not your current password." },
    };
  }
  await prisma.$transaction([
    prisma.user.update({
      where: { id: userId },
      data: { passwordHash: await hashPassword(parsed.data.newPassword) },
    }),
    // A changed password signs out every other device and revokes every API token: whoever
    // learned the old password may have made one.
    prisma.session.deleteMany({
      where: { userId, NOT: { sessionToken: currentSessionToken ?? "" } },
    }),
    revokeAllApiTokens(prisma, userId),
  ]);
  await clearRateLimit(prisma, `password:user:${userId}`);
  return { ok: true, value: null };
}

/** "Sign out everywhere": every session of the user ends and every API token is revoked. */
export async function signOutEverywhere(prisma: PrismaClient, userId: string): Promise<void> {
  await prisma.$transaction([
    prisma.session.deleteMany({ where: { userId } }),
    revokeAllApiTokens(prisma, userId),
  ]);
}
