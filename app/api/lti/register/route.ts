import { escapeHtml } from "@/lib/format/html";
import { hitRateLimit, RATE_LIMITS, retryMessage } from "@/lib/auth/rate-limit";
import { getPrisma } from "@/lib/db";
import { registerDynamically, registrationParamsSchema } from "@/lib/lti/dynamic-registration";
import { LtiError } from "@/lib/lti/errors";
import { ltiPage } from "@/lib/lti/html";
import { ltiEndpoint, requestParams } from "@/lib/lti/respond";
import { toolOrigin } from "@/lib/lti/tool";

// LTI Dynamic Registration (lib/lti/dynamic-registration.ts). GET shows what will happen and a
// button; POST registers. The platform opened this page in its frame or a window: when done, it
// is told to close it (postMessage org.imsglobal.lti.close), as the specification says.

export async function GET(request: Request) {
  return ltiEndpoint(async () => {
    const params = await requestParams(request);
    const parsed = registrationParamsSchema.safeParse(params);
    if (!parsed.success)
      throw new LtiError("Open this address from the learning platform's tool registration page.");
    const host = new URL(parsed.data.openid_configuration).host;
    return ltiPage(
      "Register Memcon",
      `<h1>Register Memcon with ${escapeHtml(host)}</h1>
<p>Memcon will register itself with this platform. A Memcon administrator then enables the platform before anyone can launch Memcon from it.</p>
<form method="post" action="/api/lti/register?openid_configuration=${escapeHtml(encodeURIComponent(parsed.data.openid_configuration))}">
<input type="hidden" name="registration_token" value="${escapeHtml(parsed.data.registration_token ?? "")}">
<button type="submit" class="button-link">Register Memcon</button>
</form>`,
    );
  });
}

export async function POST(request: Request) {
  return ltiEndpoint(async () => {
    const address = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "local";
    const prisma = getPrisma();
    const limit = await hitRateLimit(
      prisma,
      `lti-register:ip:${address}`,
      RATE_LIMITS.ltiRegistrationsPerIp,
    );
    if (!limit.allowed)
      throw new LtiError(`Too many registrations. ${retryMessage(limit.retryAfterSeconds)}`, 429);
    const params = await requestParams(request);
    if (!params.registration_token) delete params.registration_token;
    const registration = await registerDynamically(prisma, params, toolOrigin(request));
    const nonce = request.headers.get("x-nonce") ?? "";
    return ltiPage(
      "Memcon registered",
      `<h1>Memcon is registered</h1>
<p role="status">Registered as “${escapeHtml(registration.name)}”. A Memcon administrator must enable it under Admin → Learning platforms before launches work.</p>
<script nonce="${escapeHtml(nonce)}">(window.opener || window.parent).postMessage({ subject: "org.imsglobal.lti.close" }, "*");</script>`,
    );
  });
}
