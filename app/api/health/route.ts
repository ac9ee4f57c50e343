import { checkDatabase } from "@/lib/db/health";
import { appVersion } from "@/lib/version";

export const dynamic = "force-dynamic";

/** Liveness and readiness for load balancers and humans: 200 when the database answers. */
export async function GET() {
  const database = await checkDatabase();
  const ok = database.status === "up";
  return Response.json(
    { status: ok ? "ok" : "unavailable", version: appVersion, database },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
