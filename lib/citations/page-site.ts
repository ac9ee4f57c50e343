import "server-only";
import { headers } from "next/headers";
import { siteOrigin } from "./item";

/**
 * The site's public origin for a page being rendered: AUTH_URL when set (the address readers
 * use, behind any proxy), else the Host the request came to.
 */
export async function pageSite(): Promise<string> {
  const host = (await headers()).get("host") ?? "localhost:3000";
  return siteOrigin(process.env.AUTH_URL, `http://${host}/`);
}
