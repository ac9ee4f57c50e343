import { handle, jsonError } from "@/lib/http/respond";
import { apiViewer } from "@/lib/http/api-viewer";
import { documentBySlug } from "@/lib/library/lookup";
import { loadCitations } from "@/lib/citations/load";
import { siteOrigin } from "@/lib/citations/item";
import { getPrisma } from "@/lib/db";

export const dynamic = "force-dynamic";

const TURNS = /^([1-9]\d{0,8})(?:-([1-9]\d{0,8}))?$/;

/**
 * GET /api/documents/<slug>/citations[?turn=<n>[-<m>]]: the document, its turn n, or the passage
 * from turn n to turn m (a selection), cited in Chicago (note and bibliography), BibTeX, RIS
 * and CSL-JSON, with the permalink on the site's public URL (AUTH_URL). Library documents are
 * public, so no sign-in is needed, as for the reader page; a course's own document is cited only
 * for its readers.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handle(async () => {
    const requested = new URL(request.url).searchParams.get("turn");
    const match = requested === null ? null : TURNS.exec(requested);
    if (requested !== null && !match)
      return jsonError(
        400,
        "turn must be a turn number or two joined by a hyphen, as in ?turn=12 or ?turn=12-14.",
      );
    const range = match ? { from: Number(match[1]), to: Number(match[2] ?? match[1]) } : null;
    const site = siteOrigin(process.env.AUTH_URL, request.url);
    // A course's own document is cited only for those who may read it (404 to the rest).
    const viewer = await apiViewer(request);
    if (viewer === "bad-token")
      return jsonError(401, "That API token is not valid (revoked or mistyped).");
    const slug = (await params).slug;
    if (!(await documentBySlug(getPrisma(), slug, viewer)))
      return jsonError(404, "No document has that slug.");
    const citations = await loadCitations(getPrisma(), slug, range, site);
    if (citations === "no-document") return jsonError(404, "No document has that slug.");
    if (citations === "no-turn")
      return jsonError(
        404,
        range!.from === range!.to
          ? `That document has no turn ${range!.from}.`
          : `That document does not have both turns ${range!.from} and ${range!.to}.`,
      );
    return Response.json(citations, { headers: { "Cache-Control": "private, max-age=60" } });
  });
}
