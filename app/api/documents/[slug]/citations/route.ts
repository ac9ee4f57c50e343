import { handle, jsonError } from "@/lib/api/respond";
import { loadCitations } from "@/lib/citations/load";
import { siteOrigin } from "@/lib/citations/item";
import { getPrisma } from "@/lib/db";

export const dynamic = "force-dynamic";

const TURN = /^[1-9]\d{0,8}$/;

/**
 * GET /api/documents/<slug>/citations[?turn=<n>]: the document, or its turn n, cited in Chicago
 * (note and bibliography), BibTeX, RIS and CSL-JSON, with the permalink on the site's public
 * URL (AUTH_URL). Library documents are public, so no sign-in is needed, as for the reader page.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handle(async () => {
    const requested = new URL(request.url).searchParams.get("turn");
    if (requested !== null && !TURN.test(requested))
      return jsonError(400, "turn must be a turn number, as in ?turn=12.");
    const anchor = requested === null ? null : Number(requested);
    const site = siteOrigin(process.env.AUTH_URL, request.url);
    const citations = await loadCitations(getPrisma(), (await params).slug, anchor, site);
    if (citations === "no-document") return jsonError(404, "No document has that slug.");
    if (citations === "no-turn") return jsonError(404, `That document has no turn ${anchor}.`);
    return Response.json(citations, { headers: { "Cache-Control": "private, max-age=60" } });
  });
}
