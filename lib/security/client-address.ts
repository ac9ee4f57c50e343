import { BlockList, isIP } from "node:net";

// The address a request came from, for per-address rate limits. X-Forwarded-For is written by
// whoever sent the request, so only the hops added by proxies we run can be believed: the
// operator names them in TRUSTED_PROXIES (a number of proxies in front of Memcon, or a list of
// their addresses and CIDR ranges; default none), and the client is the right-most address of
// the chain (X-Forwarded-For entries, then the TCP peer) that is not one of those proxies.
// With no trusted proxy the TCP peer decides, whatever the headers say.

/** Who may write X-Forwarded-For: a count of hops, a list of networks, or nobody. */
export type TrustedProxies =
  { kind: "none" } | { kind: "count"; hops: number } | { kind: "list"; networks: BlockList };

export type ParsedTrustedProxies =
  { ok: true; value: TrustedProxies } | { ok: false; error: string };

/** TRUSTED_PROXIES: "" (none), "1" (one proxy), or "10.0.0.0/8, 192.168.1.4, fd00::/8". */
export function parseTrustedProxies(setting: string | undefined): ParsedTrustedProxies {
  const value = (setting ?? "").trim();
  if (value === "" || value === "0" || value.toLowerCase() === "none")
    return { ok: true, value: { kind: "none" } };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 16) return { ok: false, error: "TRUSTED_PROXIES as a count must be at most 16." };
    return { ok: true, value: { kind: "count", hops } };
  }
  const networks = new BlockList();
  for (const item of value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [address, prefix, extra] = item.split("/");
    const family = isIP(address ?? "");
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
    if (
      !family ||
      extra !== undefined ||
      !Number.isInteger(bits) ||
      bits < 0 ||
      bits > (family === 6 ? 128 : 32)
    )
      return {
        ok: false,
        error: `TRUSTED_PROXIES: "${item}" is not an IP address or CIDR range (like 10.0.0.0/8).`,
      };
    networks.addSubnet(address!, bits, family === 6 ? "ipv6" : "ipv4");
  }
  return { ok: true, value: { kind: "list", networks } };
}

/** "::ffff:10.0.0.1" (IPv4 on an IPv6 socket) as "10.0.0.1"; "[::1]:443"-style ports dropped. */
function normalise(address: string): string {
  let value = address.trim();
  const bracketed = value.match(/^\[([^\]]+)\](?::\d+)?$/);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(value)) value = value.replace(/:\d+$/, "");
  const mapped = value.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i);
  return (mapped ? mapped[1]! : value).toLowerCase().slice(0, 64);
}

function isTrusted(address: string, networks: BlockList): boolean {
  const family = isIP(address);
  return family !== 0 && networks.check(address, family === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address: `peer` is the TCP peer (stamped by scripts/lib/http-guard.cjs, which
 * no client can set), `forwardedFor` the X-Forwarded-For header as received.
 */
export function clientAddress(
  { peer, forwardedFor }: { peer: string | null; forwardedFor: string | null },
  trusted: TrustedProxies,
): string {
  const hop = peer ? normalise(peer) : "unknown";
  if (trusted.kind === "none") return hop;
  const forwarded = (forwardedFor ?? "")
    .split(",")
    .map(normalise)
    .filter((entry) => entry !== "");
  const chain = [...forwarded, hop];
  if (trusted.kind === "count") return chain[Math.max(0, chain.length - 1 - trusted.hops)]!;
  for (let index = chain.length - 1; index >= 0; index--)
    if (!isTrusted(chain[index]!, trusted.networks)) return chain[index]!;
  // Every hop is one of ours: the left-most is as close to the client as we can know.
  return chain[0]!;
}
