// The Auth.js session cookie, named here so the password sign-in (which opens sessions itself)
// and Auth.js agree. Secure when the site is served over HTTPS (AUTH_URL https://...).
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export function secureCookies(env: Record<string, string | undefined> = process.env): boolean {
  return env.AUTH_URL?.startsWith("https://") === true || env.MEMCON_SECURE_COOKIES === "1";
}

export function sessionCookieName(env: Record<string, string | undefined> = process.env): string {
  return secureCookies(env) ? "__Secure-memcon.session-token" : "memcon.session-token";
}

export function sessionCookieOptions(env: Record<string, string | undefined> = process.env) {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: secureCookies(env) };
}
