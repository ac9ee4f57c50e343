import { randomBytes } from "node:crypto";
import { SignJWT } from "jose";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { LtiError } from "./errors";
import { fetchJson } from "./fetch";
import { signingKey } from "./keys";

// Access tokens for the platform's services (NRPS, AGS): OAuth 2 client credentials, Memcon
// proving who it is with a JWT signed by its own key (RFC 7523, as the IMS Security Framework
// asks). Tokens are kept in this process until a minute before they expire.

type Registration = { id: string; clientId: string; authTokenUrl: string };
const cache = new Map<string, { token: string; expiresAt: number }>();

export async function serviceToken(
  prisma: PrismaClient,
  registration: Registration,
  scopes: string[],
): Promise<string> {
  const scope = [...scopes].sort().join(" ");
  const key = `${registration.id} ${scope}`;
  const cached = cache.get(key);
  if (cached && cached.expiresAt > Date.now()) return cached.token;
  const { kid, key: signing } = await signingKey(prisma);
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
    .setIssuer(registration.clientId)
    .setSubject(registration.clientId)
    .setAudience(registration.authTokenUrl)
    .setIssuedAt()
    .setExpirationTime("5m")
    .setJti(randomBytes(16).toString("base64url"))
    .sign(signing);
  const { status, body } = await fetchJson(registration.authTokenUrl, {
    what: "token endpoint",
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: assertion,
      scope,
    }).toString(),
  });
  const answer = body as { access_token?: unknown; expires_in?: unknown } | null;
  if (status !== 200 || typeof answer?.access_token !== "string")
    throw new LtiError(`The platform refused Memcon an access token (HTTP ${status}).`, 502);
  const lifetime = typeof answer.expires_in === "number" ? answer.expires_in : 3600;
  cache.set(key, { token: answer.access_token, expiresAt: Date.now() + (lifetime - 60) * 1000 });
  return answer.access_token;
}

/** Forget cached tokens (a platform that answered 401 may have revoked them). */
export function forgetServiceTokens(registrationId: string) {
  for (const key of cache.keys()) if (key.startsWith(`${registrationId} `)) cache.delete(key);
}
