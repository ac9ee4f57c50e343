import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth from "next-auth";
import { getPrisma } from "@/lib/db";
import { configuredProviders } from "./providers";
import { SESSION_MAX_AGE_SECONDS, sessionCookieName, sessionCookieOptions } from "./session-cookie";

// Auth.js with its Prisma adapter: users, OAuth accounts, magic-link tokens and sessions live in
// PostgreSQL (database sessions, revocable). Configured lazily so `next build` needs no database.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  // The adapter is typed for @prisma/client; this project generates its client elsewhere.
  adapter: PrismaAdapter(getPrisma() as unknown as Parameters<typeof PrismaAdapter>[0]),
  session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS },
  providers: configuredProviders(process.env),
  trustHost: true,
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
