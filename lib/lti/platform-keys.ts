import { createLocalJWKSet, errors, type JSONWebKeySet, type JWSHeaderParameters } from "jose";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { LtiError } from "./errors";
import { fetchJson } from "./fetch";

// A platform's public keys, fetched from its JWKS URL and cached in PostgreSQL (shared by every
// app server). A token naming a key id the cache does not hold makes Memcon fetch the set again
// (the platform rotated its keys), at most once per REFETCH_INTERVAL per platform, so bogus key
// ids cannot make Memcon hammer the platform.

export const CACHE_LIFETIME_MS = 24 * 60 * 60 * 1000;
export const REFETCH_INTERVAL_MS = 10_000;

type Registration = { id: string; jwksUrl: string; jwks: unknown; jwksFetchedAt: Date | null };

function asKeySet(value: unknown): JSONWebKeySet | null {
  const keys = (value as { keys?: unknown } | null)?.keys;
  return Array.isArray(keys) ? ({ keys } as JSONWebKeySet) : null;
}

async function fetchKeySet(prisma: PrismaClient, registration: Registration, now: Date) {
  const { status, body } = await fetchJson(registration.jwksUrl, { what: "key set" });
  const set = status === 200 ? asKeySet(body) : null;
  if (!set) throw new LtiError("The platform's key set could not be read.", 502);
  await prisma.ltiRegistration.update({
    where: { id: registration.id },
    data: { jwks: set as object, jwksFetchedAt: now },
  });
  return set;
}

/** A key resolver for jose's jwtVerify, over this registration's cached and fetched keys. */
export function platformKeyResolver(
  prisma: PrismaClient,
  registration: Registration,
  now = new Date(),
) {
  return async (header: JWSHeaderParameters) => {
    const cached = asKeySet(registration.jwks);
    const fresh =
      cached &&
      registration.jwksFetchedAt &&
      now.getTime() - registration.jwksFetchedAt.getTime() < CACHE_LIFETIME_MS;
    if (cached && fresh) {
      try {
        return await createLocalJWKSet(cached)(header);
      } catch (error) {
        if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
        const recent =
          registration.jwksFetchedAt &&
          now.getTime() - registration.jwksFetchedAt.getTime() < REFETCH_INTERVAL_MS;
        if (recent)
          throw new LtiError(
            "The launch was signed with a key the platform does not publish.",
            401,
          );
      }
    }
    const set = await fetchKeySet(prisma, registration, now);
    try {
      return await createLocalJWKSet(set)(header);
    } catch (error) {
      if (
        error instanceof errors.JWKSNoMatchingKey ||
        error instanceof errors.JWKSMultipleMatchingKeys
      )
        throw new LtiError("The launch was signed with a key the platform does not publish.", 401);
      throw error;
    }
  };
}
