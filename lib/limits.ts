// Every abuse limit in one place: request rates, request body sizes, page sizes. The numbers are
// set well above what a real seminar does (a student writes a few notes a minute at most), so
// only scripts and runaway clients ever meet them.

export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * `MEMCON_RATE_LIMIT_FACTOR=<n>` multiplies every rate limit (benchmarks, load tests; it weakens
 * the sign-in protection too, so keep it off real deployments). `MEMCON_RATE_LIMITS=off` turns
 * them off, but only outside production: a forgotten setting must not open a public server.
 */
export function rateLimitFactor(env: NodeJS.ProcessEnv = process.env): number {
  if (env.MEMCON_RATE_LIMITS === "off" && env.NODE_ENV !== "production") return Infinity;
  const factor = Number(env.MEMCON_RATE_LIMIT_FACTOR ?? 1);
  return Number.isFinite(factor) && factor >= 1 ? factor : 1;
}

function rules<T extends Record<string, RateLimitRule>>(base: T, factor: number): T {
  return Object.fromEntries(
    Object.entries(base).map(([name, rule]) => [name, { ...rule, limit: rule.limit * factor }]),
  ) as T;
}

/**
 * Account actions: per account against guessing one password, per network against spraying
 * many accounts (generous, because a whole seminar often signs in from one university address).
 * Writes: per user, a minute's burst and an hour's total; the hour stops a slow script that
 * stays under the minute's limit.
 */
export const RATE_LIMITS = rules(
  {
    signInPerIp: { limit: 100, windowMs: 15 * MINUTE },
    signInPerAccount: { limit: 8, windowMs: 15 * MINUTE },
    signUpPerIp: { limit: 50, windowMs: HOUR },
    joinPerUser: { limit: 20, windowMs: 15 * MINUTE },
    annotationsPerMinute: { limit: 30, windowMs: MINUTE },
    annotationsPerHour: { limit: 300, windowMs: HOUR },
    repliesPerMinute: { limit: 30, windowMs: MINUTE },
    repliesPerHour: { limit: 300, windowMs: HOUR },
    importsPerHour: { limit: 20, windowMs: HOUR },
    /** LTI logins (each stores a state row): a whole class launching at once stays far below. */
    ltiLoginsPerIp: { limit: 600, windowMs: 10 * MINUTE },
    /** LTI Dynamic Registration makes Memcon call the addresses it is given: a few an hour. */
    ltiRegistrationsPerIp: { limit: 20, windowMs: HOUR },
  },
  rateLimitFactor(),
);

/** JSON API request bodies, checked while reading (before parsing). */
export const BODY_SIZE_LIMITS = {
  /** One annotation: the note itself may be up to 100 kB of Tiptap JSON (lib/richtext/body). */
  apiBytes: 256 * 1024,
  /** A W3C JSON-LD import of up to 500 annotations. */
  importBytes: 2 * 1024 * 1024,
  /** A server action's whole body (next.config.js sets Next's own limit to the same). */
  actionBytes: 512 * 1024,
};

/** The most rows one list request returns. */
/** Cards the reader's panel may ask for at once (it shows at most 50 at a time). */
export const MAX_CARDS_PER_REQUEST = 100;

export const PAGE_LIMITS = {
  apiMax: 200,
  apiDefault: 50,
  apiMaxOffset: 100_000,
  notifications: 50,
  adminUsers: 200,
};
