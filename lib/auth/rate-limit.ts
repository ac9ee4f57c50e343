import { rawRows } from "@/lib/db/raw";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { RATE_LIMITS, type RateLimitRule } from "@/lib/limits";
import type { Outcome } from "@/lib/outcome";

export { RATE_LIMITS, type RateLimitRule };

// Fixed-window counters kept in PostgreSQL, so every app server behind a load balancer shares
// them. One atomic upsert per attempt; no read-modify-write race.

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
  // Switched off (MEMCON_RATE_LIMITS=off, development only): no counting at all.
  if (rule.limit === Infinity) return { allowed: true, count: 0, retryAfterSeconds: 0 };
  const windowSeconds = rule.windowMs / 1000;
  const rows = await rawRows<{ count: number; age: number }>(
    prisma,
    Prisma.sql`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${key}, now(), 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${windowSeconds})
                     THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${windowSeconds})
                     THEN now() ELSE "RateLimit"."windowStart" END
    RETURNING "count", EXTRACT(EPOCH FROM (now() - "windowStart"))::float8 AS age`,
  );
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

export function retryMessage(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return seconds < 90 ? `Try again in ${seconds} seconds.` : `Try again in ${minutes} minutes.`;
}

const WRITE_RULES = {
  annotation: {
    activity: "posting annotations",
    unit: "annotations",
    rules: [RATE_LIMITS.annotationsPerMinute, RATE_LIMITS.annotationsPerHour],
  },
  reply: {
    activity: "posting replies",
    unit: "replies",
    rules: [RATE_LIMITS.repliesPerMinute, RATE_LIMITS.repliesPerHour],
  },
  // Each import may bring 500 notes: counted per import, not per note.
  import: { activity: "importing", unit: "imports", rules: [RATE_LIMITS.importsPerHour] },
} as const;

/** One counter per kind of write, window and user, e.g. "annotation:60000:user:<id>". */
export const writeLimitKey = (
  kind: keyof typeof WRITE_RULES,
  rule: RateLimitRule,
  userId: string,
) => `${kind}:${rule.windowMs}:user:${userId}`;

/**
 * Count one new annotation, reply or import against its author's limits (a minute's burst, then
 * the hour). Answers null when allowed, else the refusal for the form or the API (429 with
 * Retry-After). A refusal by the minute's limit is not charged to the hour.
 */
export async function checkWriteRate(
  prisma: PrismaClient,
  kind: keyof typeof WRITE_RULES,
  userId: string,
): Promise<Extract<Outcome<never>, { ok: false }> | null> {
  const { activity, unit, rules } = WRITE_RULES[kind];
  for (const rule of rules) {
    const result = await hitRateLimit(prisma, writeLimitKey(kind, rule, userId), rule);
    if (!result.allowed) {
      const per = rule.windowMs >= 3_600_000 ? "an hour" : "a minute";
      return {
        ok: false,
        code: "rate_limited",
        retryAfterSeconds: result.retryAfterSeconds,
        error: `You are ${activity} too fast (at most ${rule.limit} ${unit} ${per}). ${retryMessage(result.retryAfterSeconds)}`,
      };
    }
  }
  return null;
}
