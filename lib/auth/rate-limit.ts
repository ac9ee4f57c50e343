import type { PrismaClient } from "@/lib/generated/prisma/client";

// Fixed-window counters kept in PostgreSQL, so every app server behind a load balancer shares
// them. One atomic upsert per attempt; no read-modify-write race.

export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
}

export async function hitRateLimit(
  prisma: PrismaClient,
  key: string,
  rule: RateLimitRule,
): Promise<RateLimitResult> {
  const windowSeconds = rule.windowMs / 1000;
  const rows = await prisma.$queryRaw<{ count: number; age: number }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${key}, now(), 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${windowSeconds})
                     THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${windowSeconds})
                     THEN now() ELSE "RateLimit"."windowStart" END
    RETURNING "count", EXTRACT(EPOCH FROM (now() - "windowStart"))::float8 AS age`;
  const { count, age } = rows[0]!;
  return {
    allowed: count <= rule.limit,
    count,
    retryAfterSeconds: Math.max(1, Math.ceil(windowSeconds - age)),
  };
}

export async function clearRateLimit(prisma: PrismaClient, key: string): Promise<void> {
  await prisma.rateLimit.deleteMany({ where: { key } });
}

/**
 * Limits for account actions: per account against guessing one password, per network against
 * spraying many accounts. Network limits are generous because a whole seminar often signs in at
 * once from one university address (NAT).
 */
export const RATE_LIMITS = {
  signInPerIp: { limit: 100, windowMs: 15 * 60_000 },
  signInPerAccount: { limit: 8, windowMs: 15 * 60_000 },
  signUpPerIp: { limit: 50, windowMs: 60 * 60_000 },
  joinPerUser: { limit: 20, windowMs: 15 * 60_000 },
} satisfies Record<string, RateLimitRule>;

export function retryMessage(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return seconds < 90 ? `Try again in ${seconds} seconds.` : `Try again in ${minutes} minutes.`;
}
