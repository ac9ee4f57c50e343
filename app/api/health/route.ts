import { checkDatabase } from "@/lib/db/health";
import { replicaHealth } from "@/lib/db/read";
import { appVersion } from "@/lib/version";

export const dynamic = "force-dynamic";

/**
 * Liveness and readiness for load balancers and humans: 200 when the database answers. The read
 * replica, when configured, is reported (in use or not, its lag) but never fails the check: reads
 * fall back to the primary without it.
 */
export async function GET() {
  const database = await checkDatabase();
  const ok = database.status === "up";
  return Response.json(
    { status: ok ? "ok" : "unavailable", version: appVersion, database, replica: replicaHealth() },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
