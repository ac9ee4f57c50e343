import "server-only";
import { headers } from "next/headers";
import { clientAddress, parseTrustedProxies } from "@/lib/security/client-address";

export { safeCallbackUrl } from "@/lib/security/callback-url";

/** The header scripts/lib/http-guard.cjs stamps with the TCP peer (never the client's own). */
export const PEER_HEADER = "x-memcon-peer";

/**
 * The client's address for rate limits: the TCP peer, or behind proxies named in
 * TRUSTED_PROXIES the right-most X-Forwarded-For hop that is not one of them.
 */
export async function clientIp(): Promise<string> {
  const list = await headers();
  const trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);
  // A broken setting is reported by `npm start`; at run time it trusts nobody.
  return clientAddress(
    { peer: list.get(PEER_HEADER), forwardedFor: list.get("x-forwarded-for") },
    trusted.ok ? trusted.value : { kind: "none" },
  );
}
