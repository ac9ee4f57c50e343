import { createHash, randomBytes } from "node:crypto";
import { rawRows } from "@/lib/db/raw";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { singleLine } from "@/lib/validations/text";

// Personal API tokens for scripts (like Hypothesis's developer tokens). The token is shown once;
// only its SHA-256 is stored, which is enough for a 256-bit random secret (no need for a slow hash).

const PREFIX = "mcn_";
const LAST_USED_PRECISION_MS = 60_000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createApiToken(prisma: PrismaClient, userId: string, name: string) {
  const label = singleLine(name).trim().slice(0, 80) || "API token";
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await prisma.apiToken.create({
    data: { userId, name: label, tokenHash: hashToken(token) },
  });
  return { id: row.id, name: row.name, token };
}

export async function listApiTokens(prisma: PrismaClient, userId: string) {
  return prisma.apiToken.findMany({
    where: { userId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true },
  });
}

export async function revokeApiToken(prisma: PrismaClient, userId: string, id: string) {
  await prisma.apiToken.updateMany({
    where: { id, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
}

/** The user id behind an `Authorization: Bearer mcn_...` header, or null. */
export async function userIdForBearer(
  prisma: PrismaClient,
  header: string | null,
): Promise<string | null> {
  const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token?.startsWith(PREFIX)) return null;
  // Raw SQL on this per-request path (see loadViewer).
  const [row] = await rawRows<{
    id: string;
    userId: string;
    revokedAt: Date | null;
    lastUsedAt: Date | null;
  }>(
    prisma,
    Prisma.sql`SELECT "id", "userId", "revokedAt", "lastUsedAt" FROM "ApiToken"
    WHERE "tokenHash" = ${hashToken(token)}`,
  );
  if (!row || row.revokedAt) return null;
  // "Last used" to the minute: a script polling the API should not write a row per request.
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS)
    await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  return row.userId;
}
