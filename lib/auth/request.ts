import "server-only";
import { headers } from "next/headers";

/** The client's address for rate limits: the first X-Forwarded-For hop behind a proxy. */
export async function clientIp(): Promise<string> {
  const list = await headers();
  const forwarded = list.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || list.get("x-real-ip") || "local";
}

/** Only same-site paths may be redirected to after sign-in (no open redirects). */
export function safeCallbackUrl(value: unknown, fallback = "/"): string {
  if (
    typeof value !== "string" ||
    !value.startsWith("/") ||
    value.startsWith("//") ||
    value.includes("\\")
  ) {
    return fallback;
  }
  return value;
}
