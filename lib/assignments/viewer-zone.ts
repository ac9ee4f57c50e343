import "server-only";
import { cookies } from "next/headers";
import { isTimeZone } from "@/lib/format/zoned-time";
import { TIME_ZONE_COOKIE } from "./zone-cookie";

/** The zone to show dates in: the browser's (reported by cookie), else `fallback`. */
export async function viewerTimeZone(fallback: string): Promise<string> {
  const reported = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  const zone = reported ? decodeURIComponent(reported) : undefined;
  return isTimeZone(zone) ? zone : fallback;
}
