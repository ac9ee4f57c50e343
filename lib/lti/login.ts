import { randomBytes } from "node:crypto";
import { z } from "zod";
import { hitRateLimit, RATE_LIMITS, retryMessage } from "@/lib/auth/rate-limit";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { LtiError } from "./errors";

// Step one of an LTI 1.3 launch (OIDC third-party-initiated login): the platform names itself
// and the user; Memcon keeps a fresh state and nonce server-side (used once, short-lived) and
// sends the browser to the platform's authorization endpoint, which posts the id_token back.

export const STATE_LIFETIME_MS = 10 * 60 * 1000;

const loginSchema = z.object({
  iss: z.string().min(1).max(2000),
  login_hint: z.string().min(1).max(2000),
  target_link_uri: z.string().max(2000).optional(),
  lti_message_hint: z.string().max(4000).optional(),
  client_id: z.string().min(1).max(255).optional(),
  lti_deployment_id: z.string().min(1).max(255).optional(),
});

export async function startLogin(
  prisma: PrismaClient,
  params: Record<string, string | undefined>,
  launchUrl: string,
  clientIp = "local",
  now = new Date(),
): Promise<string> {
  const limit = await hitRateLimit(prisma, `lti-login:ip:${clientIp}`, RATE_LIMITS.ltiLoginsPerIp);
  if (!limit.allowed)
    throw new LtiError(
      `Too many launches from this network. ${retryMessage(limit.retryAfterSeconds)}`,
      429,
    );
  const parsed = loginSchema.safeParse(params);
  if (!parsed.success)
    throw new LtiError(
      "This login request is missing the platform (iss) or the user (login_hint).",
    );
  const login = parsed.data;
  const candidates = await prisma.ltiRegistration.findMany({
    where: { issuer: login.iss, ...(login.client_id ? { clientId: login.client_id } : {}) },
    take: 2,
  });
  if (candidates.length === 0)
    throw new LtiError(
      "This learning platform is not registered with Memcon. Ask a Memcon administrator to add it.",
      403,
    );
  if (candidates.length > 1)
    throw new LtiError("This platform has several registrations; it must send its client_id.");
  const registration = candidates[0]!;
  if (!registration.enabled)
    throw new LtiError(
      "Launches from this platform are switched off. Ask a Memcon administrator to enable it.",
      403,
    );
  if (login.lti_deployment_id && !registration.deploymentIds.includes(login.lti_deployment_id))
    throw new LtiError("This deployment of Memcon is not registered for the platform.", 403);

  const state = randomBytes(32).toString("base64url");
  const nonce = randomBytes(32).toString("base64url");
  await prisma.ltiLoginState.deleteMany({ where: { expiresAt: { lt: now } } });
  await prisma.ltiLoginState.create({
    data: {
      state,
      nonce,
      registrationId: registration.id,
      expiresAt: new Date(now.getTime() + STATE_LIFETIME_MS),
    },
  });

  const target = new URL(registration.authLoginUrl);
  const query: Record<string, string | undefined> = {
    scope: "openid",
    response_type: "id_token",
    response_mode: "form_post",
    prompt: "none",
    client_id: registration.clientId,
    redirect_uri: launchUrl,
    login_hint: login.login_hint,
    lti_message_hint: login.lti_message_hint,
    state,
    nonce,
  };
  for (const [name, value] of Object.entries(query))
    if (value) target.searchParams.set(name, value);
  return target.toString();
}
