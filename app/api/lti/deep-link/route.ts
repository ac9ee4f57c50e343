import { NextResponse } from "next/server";
import { escapeHtml } from "@/lib/format/html";
import { getViewer } from "@/lib/auth/viewer";
import { getPrisma } from "@/lib/db";
import { respondToDeepLink, returnOrigin } from "@/lib/lti/deep-linking";
import { LtiError } from "@/lib/lti/errors";
import { RETURN_ORIGIN_PARAM } from "@/lib/lti/frame";
import { ltiPage } from "@/lib/lti/html";
import { ltiEndpoint, requestParams } from "@/lib/lti/respond";
import { toolOrigin } from "@/lib/lti/tool";

// The instructor's choice in the deep-linking picker (app/lti/deep-link/[id]/page.tsx): Memcon
// signs the content item and the browser posts it back to the platform. The page's policy lets
// its one form post to the platform's origin (`to`, checked here against the return URL).
export async function POST(request: Request) {
  return ltiEndpoint(async () => {
    const viewer = await getViewer();
    if (!viewer)
      throw new LtiError("Your Memcon session has ended. Start again from your course.", 401);
    const params = await requestParams(request);
    const id = params.request ?? "";
    const prisma = getPrisma();
    // The page may post only to the origin it was told (`to`): it must be the return URL's,
    // checked before anything is made or signed.
    if ((await returnOrigin(prisma, id)) !== params[RETURN_ORIGIN_PARAM])
      throw new LtiError("This content request was not found. Start again from your course.", 404);
    const origin = toolOrigin(request);
    const outcome = await respondToDeepLink(prisma, viewer, id, params, origin);
    if (!outcome.ok) {
      const back = new URL(`/lti/deep-link/${encodeURIComponent(id)}`, origin);
      back.searchParams.set("error", outcome.error.slice(0, 300));
      return NextResponse.redirect(back, 303);
    }
    const { returnUrl, jwt, title } = outcome.value;
    const nonce = request.headers.get("x-nonce") ?? "";
    return ltiPage(
      "Returning to your course",
      `<h1>Adding “${escapeHtml(title)}” to your course</h1>
<form id="deep-link-return" method="post" action="${escapeHtml(returnUrl)}">
<input type="hidden" name="JWT" value="${escapeHtml(jwt)}">
<p><button type="submit" class="button-link">Return to the course</button></p>
</form>
<script nonce="${escapeHtml(nonce)}">document.getElementById("deep-link-return").submit();</script>`,
    );
  });
}
