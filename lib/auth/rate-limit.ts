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

const UNCOUNTED: RateLimitResult = { allowed: true, count: 0, retryAfterSeconds: 0 };

export async function hitRateLimit(
  prisma: PrismaClient,
  key: string,
  rule: RateLimitRule,
): Promise<RateLimitResult> {
  return (await hitRateLimitsInTurn(prisma, [{ key, rule }]))[0]!;
}

/**
 * Count one attempt against several limits in turn, in one statement: each counter is charged
 * only if every one before it allowed the attempt (a refusal by a minute's limit is not charged
 * to the hour). The answers follow the limits' order and stop at the first refusal. One
 * statement rather than one per limit: every note and reply passes here, and on this machine a
 * statement's round trip is a good part of a request's CPU (bench/README.md, round 5).
 */
export async function hitRateLimitsInTurn(
  prisma: PrismaClient,
  limits: readonly { key: string; rule: RateLimitRule }[],
): Promise<RateLimitResult[]> {
  // Switched off (MEMCON_RATE_LIMITS=off, development only): no counting at all.
  const counted = limits.filter(({ rule }) => rule.limit !== Infinity);
  if (counted.length === 0) return limits.map(() => UNCOUNTED);
  const steps = counted.map(({ key, rule }, index) => {
    const windowSeconds = rule.windowMs / 1000;
    const before = counted[index - 1];
    // The counter before this one allowed the attempt (its row is there only if it was charged).
    const charged = before
      ? Prisma.sql`WHERE EXISTS (SELECT 1 FROM c${Prisma.raw(String(index - 1))}
          WHERE "count" <= ${before.rule.limit})`
      : Prisma.empty;
    return Prisma.sql`c${Prisma.raw(String(index))} AS (
      INSERT INTO "RateLimit" ("key", "windowStart", "count") SELECT ${key}, now(), 1 ${charged}
      ON CONFLICT ("key") DO UPDATE SET
        "count" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${windowSeconds})
                       THEN 1 ELSE "RateLimit"."count" + 1 END,
        "windowStart" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${windowSeconds})
                       THEN now() ELSE "RateLimit"."windowStart" END
      RETURNING "count", EXTRACT(EPOCH FROM (now() - "windowStart"))::float8 AS age)`;
  });
  const answers = Prisma.join(
    counted.map(
      (_, index) =>
        Prisma.sql`SELECT ${index}::int AS step, "count", age FROM c${Prisma.raw(String(index))}`,
    ),
    " UNION ALL ",
  );
  const rows = await rawRows<{ step: number; count: number; age: number }>(
    prisma,
    Prisma.sql`WITH ${Prisma.join(steps, ", ")} ${answers}`,
  );
  const results: RateLimitResult[] = [];
  let step = 0;
  for (const { rule } of limits) {
    if (rule.limit === Infinity) {
      results.push(UNCOUNTED);
      continue;
    }
    const row = rows.find((candidate) => candidate.step === step);
    step += 1;
    if (!row) break;
    const windowSeconds = rule.windowMs / 1000;
    const result = {
      allowed: row.count <= rule.limit,
      count: row.count,
      retryAfterSeconds: Math.max(1, Math.ceil(windowSeconds - row.age)),
    };
    results.push(result);
    if (!result.allowed) break;
  }
  return results;
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
  const results = await hitRateLimitsInTurn(
    prisma,
    rules.map((rule) => ({ key: writeLimitKey(kind, rule, userId), rule })),
  );
  for (const [index, result] of results.entries()) {
    const rule = rules[index]!;
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
