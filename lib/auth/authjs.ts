import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth from "next-auth";
import type { AdapterSession, AdapterUser } from "next-auth/adapters";
import { getPrisma } from "@/lib/db";
import { rawRows } from "@/lib/db/raw";
import { Prisma } from "@/lib/generated/prisma/client";
import { configuredProviders } from "./providers";
import { SESSION_MAX_AGE_SECONDS, sessionCookieName, sessionCookieOptions } from "./session-cookie";

// Auth.js with its Prisma adapter: users, OAuth accounts, magic-link tokens and sessions live in
// PostgreSQL (database sessions, revocable). Configured lazily so `next build` needs no database.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  // The adapter is typed for @prisma/client; this project generates its client elsewhere.
  adapter: {
    ...PrismaAdapter(getPrisma() as unknown as Parameters<typeof PrismaAdapter>[0]),
    getSessionAndUser,
    deleteSession,
  },
  session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS },
  providers: configuredProviders(process.env),
  trustHost: true,
  logger: { error: logAuthError },
  pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
  cookies: { sessionToken: { name: sessionCookieName(), options: sessionCookieOptions() } },
  callbacks: {
    // Auth.js hands this callback the whole Session row and User row (session token, password
    // hash, site role); whatever it returns is served as JSON by GET /api/auth/session, readable
    // by any script on the page. Return only what a page may show.
    session({ session, user }) {
      return {
        user: { id: user.id, name: user.name, email: user.email, image: user.image },
        expires: session.expires,
      } as typeof session;
    },
  },
}));

/**
 * Every signed-in page view and form action looks its session up: one SQL statement for the
 * session and the columns of its user that Auth.js uses, instead of the adapter's `findUnique`
 * with `include`, which Prisma's query compiler made several times as costly (bench/README.md).
 */
async function getSessionAndUser(
  sessionToken: string,
): Promise<{ session: AdapterSession; user: AdapterUser } | null> {
  const [row] = await rawRows<{
    userId: string;
    expires: Date;
    name: string | null;
    email: string;
    emailVerified: Date | null;
    image: string | null;
  }>(
    getPrisma(),
    Prisma.sql`SELECT s."userId", s."expires",
      u."name", u."email", u."emailVerified", u."image"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."sessionToken" = ${sessionToken}`,
  );
  if (!row) return null;
  const { userId, expires, ...user } = row;
  return {
    session: { sessionToken, userId, expires },
    user: { id: userId, ...user },
  };
}

/**
 * Signing out of a session that is already gone ("sign out everywhere" on another device, a
 * second click) is done, not an error: the adapter's own `delete` failed on the missing row.
 */
async function deleteSession(sessionToken: string): Promise<null> {
  await getPrisma().session.deleteMany({ where: { sessionToken } });
  return null;
}

/**
 * Errors a visitor's own request causes (an address Auth.js has no action for, a provider that
 * is not configured, a stale or forged check): Auth.js answers them with a 400 or the sign-in
 * page, so they are one warning line, not a server error with a stack trace in the log.
 */
const CLIENT_ERRORS = new Set([
  "UnknownAction",
  "InvalidProvider",
  "InvalidCallbackUrl",
  "InvalidCheck",
  "MissingCSRF",
  "Verification",
  "CredentialsSignin",
]);

function logAuthError(error: Error & { type?: string }) {
  const type = error.type ?? error.name;
  if (CLIENT_ERRORS.has(type) || /^Provider with id ".*" not found/.test(error.message))
    console.warn(
      `[auth] refused a request: ${type}: ${error.message.split("\n")[0]!.slice(0, 200)}`,
    );
  else console.error(error);
}
