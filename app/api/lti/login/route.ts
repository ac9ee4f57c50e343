import { getPrisma } from "@/lib/db";
import { startLogin } from "@/lib/lti/login";
import { ltiEndpoint, requestParams } from "@/lib/lti/respond";
import { toolOrigin, toolUrls } from "@/lib/lti/tool";

// OIDC third-party-initiated login (the platform's first request of a launch): keep a state and
// nonce and send the browser to the platform's authorization endpoint.
async function login(request: Request) {
  return ltiEndpoint(async () => {
    const params = await requestParams(request);
    const address = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "local";
    const target = await startLogin(
      getPrisma(),
      params,
      toolUrls(toolOrigin(request)).launch,
      address,
    );
    return new Response(null, {
      status: 302,
      headers: { location: target, "cache-control": "no-store" },
    });
  });
}

export const GET = login;
export const POST = login;
