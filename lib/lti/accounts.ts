import type { PrismaClient } from "@/lib/generated/prisma/client";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * The Memcon account of a platform user (issuer + the platform's user id), for launches and
 * roster syncs alike: the linked one; else the account with the email the platform shares
 * (never a site administrator's: a platform must not be able to act as one); else a new
 * account. The link is made here, in the caller's transaction.
 */
export async function linkedUser(
  tx: Tx,
  issuer: string,
  subject: string,
  person: { name: string | null; email?: string | null },
): Promise<string> {
  const linked = await tx.ltiUserLink.findUnique({
    where: { issuer_subject: { issuer, subject } },
    select: { userId: true },
  });
  if (linked) return linked.userId;
  const email = person.email?.trim().toLowerCase() || null;
  const existing = email
    ? await tx.user.findUnique({ where: { email }, select: { id: true, siteRole: true } })
    : null;
  const user =
    existing && existing.siteRole !== "admin"
      ? existing
      : await tx.user.create({
          // An administrator's email stays theirs: the new account goes without one.
          data: { name: person.name, email: existing ? null : email },
          select: { id: true },
        });
  await tx.ltiUserLink.create({ data: { issuer, subject, userId: user.id } });
  return user.id;
}
