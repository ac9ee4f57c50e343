import { randomBytes } from "node:crypto";
import { exportJWK, generateKeyPair, importJWK, type JWK } from "jose";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// Memcon's own RS256 key pairs, kept in PostgreSQL so every app server signs with the same key.
// The newest key that is not retired signs; rotation adds a new key and retires the old one,
// which stays in the published key set for a grace period so platforms can still verify what
// it signed (and pick up the new kid when they next fetch the key set).

export const RETIRED_KEY_GRACE_MS = 7 * 24 * 60 * 60 * 1000;

async function newKey(prisma: PrismaClient) {
  const { publicKey, privateKey } = await generateKeyPair("RS256", {
    modulusLength: 2048,
    extractable: true,
  });
  const kid = randomBytes(12).toString("base64url");
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: "RS256" };
  return prisma.ltiKey.create({
    data: { kid, publicJwk, privateJwk },
  });
}

/** The key that signs now, created on first use. */
export async function signingKey(prisma: PrismaClient) {
  const current = await prisma.ltiKey.findFirst({
    where: { retiredAt: null },
    orderBy: { createdAt: "desc" },
  });
  const row = current ?? (await newKey(prisma));
  return { kid: row.kid, key: await importJWK(row.privateJwk as JWK, "RS256") };
}

/** Rotate: a new signing key; the previous ones are retired (still published for a while). */
export async function rotateKey(prisma: PrismaClient, now = new Date()) {
  await prisma.ltiKey.updateMany({ where: { retiredAt: null }, data: { retiredAt: now } });
  const row = await newKey(prisma);
  return row.kid;
}

/** The public key set served at /api/lti/jwks: current keys and those retired within the grace period. */
export async function publicKeySet(prisma: PrismaClient, now = new Date()) {
  const rows = await prisma.ltiKey.findMany({
    where: {
      OR: [
        { retiredAt: null },
        { retiredAt: { gt: new Date(now.getTime() - RETIRED_KEY_GRACE_MS) } },
      ],
    },
    orderBy: { createdAt: "desc" },
  });
  if (rows.length === 0) {
    await signingKey(prisma);
    return publicKeySet(prisma, now);
  }
  return { keys: rows.map((row) => row.publicJwk as JWK) };
}

/** Key ids and dates for the admin page (never the private parts). */
export function listKeys(prisma: PrismaClient) {
  return prisma.ltiKey.findMany({
    select: { kid: true, createdAt: true, retiredAt: true },
    orderBy: { createdAt: "desc" },
  });
}
