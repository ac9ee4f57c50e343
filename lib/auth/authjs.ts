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
    session({ session, user }) {
      session.user.id = user.id;
      return session;
    },
  },
}));
