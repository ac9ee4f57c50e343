import { secureCookies, sessionCookieName } from "@/lib/auth/session-cookie";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// Cookies set by a launch must survive inside the platform's iframe, a third-party context:
// under HTTPS they are SameSite=None; Secure; Partitioned (CHIPS: kept per embedding site, so
// they work where third-party cookies are blocked and cannot follow the person elsewhere).
// Over plain HTTP browsers refuse SameSite=None, so they stay Lax: a platform on another site
// then gets the "open in a new window" page instead (lib/lti/open.ts).

export function launchCookieOptions(env: Record<string, string | undefined> = process.env) {
  return secureCookies(env)
    ? ({ httpOnly: true, secure: true, sameSite: "none", partitioned: true, path: "/" } as const)
    : ({ httpOnly: true, secure: false, sameSite: "lax", path: "/" } as const);
}

/** The unexpired session of `userId` that this Cookie header carries, if any. */
export async function heldSession(
  prisma: PrismaClient,
  cookieHeader: string | null,
  userId: string,
) {
  const name = `${sessionCookieName()}=`;
  const token = cookieHeader
    ?.split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(name))
    ?.slice(name.length);
  if (!token) return null;
  return prisma.session.findFirst({
    where: { sessionToken: decodeURIComponent(token), userId, expires: { gt: new Date() } },
    select: { sessionToken: true },
  });
}
