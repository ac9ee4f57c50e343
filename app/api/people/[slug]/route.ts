import { z } from "zod";
import { handle, jsonError, outcomeError, readBody } from "@/lib/http/respond";
import { apiViewer, withApiViewer } from "@/lib/http/api-viewer";
import { siteOrigin } from "@/lib/citations/item";
import { getPrisma } from "@/lib/db";
import { authorityOf, setPersonAuthority } from "@/lib/people/authority-service";
import { personJson } from "@/lib/people/export";
import { readablePerson } from "@/lib/people/queries";

export const dynamic = "force-dynamic";

/** The authority is checked by setPersonAuthority (a QID or an https URI, "" to remove). */
const authorityRequest = z.object({
  authority: z.string({ error: 'Send the authority as text: { "authority": "Q310452" }.' }),
});

type Context = { params: Promise<{ slug: string }> };

/**
 * GET /api/people/<slug>: the person as JSON (schema.org Person, with the authority link as
 * sameAs), from the documents the caller may read; 404 for a person they cannot see.
 */
export async function GET(request: Request, { params }: Context) {
  return handle(async () => {
    const viewer = await apiViewer(request);
    if (viewer === "bad-token")
      return jsonError(401, "That API token is not valid (revoked or mistyped).");
    const person = await readablePerson(getPrisma(), viewer, (await params).slug);
    if (!person) return jsonError(404, "No person of the library has that address.");
    const authority = await authorityOf(getPrisma(), person);
    const site = siteOrigin(process.env.AUTH_URL, request.url);
    return Response.json(personJson(person, authority, site), {
      headers: {
        "Cache-Control": "private, max-age=60",
        "Content-Disposition": `attachment; filename="${person.slug}.json"`,
      },
    });
  });
}

/**
 * PUT /api/people/<slug> with { "authority": "Q310452" } (or an https URI; "" removes it):
 * editors only. 422 with a sentence for an id that is neither.
 */
export const PUT = withApiViewer<{ slug: string }>(async ({ request, viewer, params }) => {
  const body = await readBody(request, authorityRequest);
  if (!body.ok) return body.response;
  const outcome = await setPersonAuthority(getPrisma(), viewer, params.slug, body.value.authority);
  if (!outcome.ok) return outcomeError(outcome);
  return Response.json(outcome.value);
});
