// Read your own writes across app processes: a request that may write (any method but GET, HEAD
// and OPTIONS: server actions and API writes) is marked by proxy.ts, and the browser gets a
// short-lived signed cookie, so the reads of that request (a server action's re-render) and of the
// next few seconds go to the primary, wherever the balancer sends them. Signed with AUTH_SECRET so
// it cannot be made to last longer; forging it would only send one's own reads to the primary.
// Web Crypto: proxy.ts may run outside Node's own crypto.

export const FRESH_WRITE_COOKIE = "memcon-fresh-write";
/** Set by proxy.ts on a writing request (any copy sent by a client is removed first). */
export const FRESH_WRITE_HEADER = "x-memcon-fresh-write";

/** How long a writer's reads stay on the primary (DATABASE_REPLICA_STICKY_MS, default 5 s). */
export function freshWriteMs(
  env: Partial<Record<string, string | undefined>> = process.env,
): number {
  const value = Number(env.DATABASE_REPLICA_STICKY_MS ?? 5_000);
  return Number.isFinite(value) && value >= 0 ? value : 5_000;
}

export const isWriteMethod = (method: string) => !/^(GET|HEAD|OPTIONS)$/i.test(method);

async function hmac(secret: string, text: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const signature = new Uint8Array(
    await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`fresh-write:${text}`)),
  );
  return btoa(String.fromCharCode(...signature))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/** The cookie's value: "<until ms>.<signature>". */
export async function signFreshWrite(until: number, secret: string): Promise<string> {
  return `${until}.${await hmac(secret, String(until))}`;
}

/** True while a cookie made by signFreshWrite with this secret has not expired. */
export async function verifyFreshWrite(
  value: string | undefined,
  secret: string,
  now = Date.now(),
): Promise<boolean> {
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{20,})$/.exec(value ?? "");
  if (!match || Number(match[1]) < now) return false;
  // Not later than the longest stickiness allows (a cookie signed for next year is refused).
  if (Number(match[1]) > now + freshWriteMs() + 60_000) return false;
  const expected = await hmac(secret, match[1]!);
  if (expected.length !== match[2]!.length) return false;
  let difference = 0;
  for (let i = 0; i < expected.length; i++)
    difference |= expected.charCodeAt(i) ^ match[2]!.charCodeAt(i);
  return difference === 0;
}
