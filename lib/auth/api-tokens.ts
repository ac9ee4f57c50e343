import { createHash, randomBytes } from "node:crypto";
import { rawRows } from "@/lib/db/raw";
import { toViewer, VIEWER_COLUMNS, type ViewerColumns } from "./load-viewer";
import type { Viewer } from "./permissions";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { singleLine } from "@/lib/validations/text";

// Personal API tokens for scripts (like Hypothesis's developer tokens). The token is shown once;
// only its SHA-256 is stored, which is enough for a 256-bit random secret (no need for a slow hash).

const PREFIX = "mcn_";
const LAST_USED_PRECISION_MS = 60_000;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

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

/** Every token of the user stops working (a password change, "sign out everywhere"). */
export function revokeAllApiTokens(prisma: PrismaClient, userId: string) {
  return prisma.apiToken.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
}

/**
 * The viewer behind an `Authorization: Bearer mcn_...` header, or null (unknown, revoked or not
 * a Memcon token). The token and its user's memberships in one statement: every API request
 * asks this.
 */
export async function viewerForBearer(
  prisma: PrismaClient,
  header: string | null,
): Promise<Viewer | null> {
  const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token?.startsWith(PREFIX)) return null;
  const [row] = await rawRows<
    ViewerColumns & { tokenId: string; revokedAt: Date | null; lastUsedAt: Date | null }
  >(
    prisma,
    Prisma.sql`SELECT t."id" AS "tokenId", t."revokedAt", t."lastUsedAt", ${VIEWER_COLUMNS}
    FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId"
    WHERE t."tokenHash" = ${hashToken(token)}`,
  );
  if (!row || row.revokedAt) return null;
  // "Last used" to the minute: a script polling the API should not write a row per request.
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS)
    await prisma.apiToken.update({ where: { id: row.tokenId }, data: { lastUsedAt: now } });
  return toViewer(row);
}
