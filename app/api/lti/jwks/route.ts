import { getPrisma } from "@/lib/db";
import { publicKeySet } from "@/lib/lti/keys";

// Memcon's public keys (JWKS): platforms verify Memcon's deep-linking responses and service
// assertions with them. Public by design.
export async function GET() {
  return Response.json(await publicKeySet(getPrisma()), {
    headers: { "cache-control": "public, max-age=300" },
  });
}
