import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { MESSAGE } from "./claims";
import { LtiError } from "./errors";
import { fetchJson } from "./fetch";
import { dynamicRegistrationRequest } from "./tool";

// LTI Dynamic Registration (IMS, 2021): the platform (Moodle, among others) opens Memcon's
// registration URL with its OpenID configuration URL and a one-time registration token; Memcon
// reads the configuration, registers itself at the platform's registration endpoint, and keeps
// the platform's endpoints. The registration starts switched off: anyone can run a platform, so
// a Memcon administrator enables it on /admin/lti before it can launch anything.

const PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration";
const TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";

const url = z.string().url().max(2000);
const openIdConfigurationSchema = z.object({
  issuer: url,
  authorization_endpoint: url,
  token_endpoint: url,
  jwks_uri: url,
  registration_endpoint: url,
  [PLATFORM_CONFIGURATION]: z
    .object({
      product_family_code: z.string().max(200).optional(),
      messages_supported: z.array(z.object({ type: z.string() }).passthrough()).optional(),
    })
    .passthrough()
    .optional(),
});

const registrationResponseSchema = z.object({
  client_id: z.string().min(1).max(255),
  [TOOL_CONFIGURATION]: z
    .object({ deployment_id: z.string().min(1).max(255).optional() })
    .passthrough()
    .optional(),
});

export const registrationParamsSchema = z.object({
  openid_configuration: url,
  registration_token: z.string().max(4000).optional(),
});

export async function registerDynamically(
  prisma: PrismaClient,
  params: Record<string, string | undefined>,
  toolOrigin: string,
): Promise<{ name: string; id: string }> {
  const parsed = registrationParamsSchema.safeParse(params);
  if (!parsed.success)
    throw new LtiError("This registration request has no valid openid_configuration address.");
  const { openid_configuration: configurationUrl, registration_token: token } = parsed.data;

  const fetched = await fetchJson(configurationUrl, {
    what: "OpenID configuration",
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const configuration = openIdConfigurationSchema.safeParse(fetched.body);
  if (fetched.status !== 200 || !configuration.success)
    throw new LtiError("The platform's OpenID configuration is missing required endpoints.", 502);
  const platform = configuration.data;
  // The spec ties the issuer to the configuration's own address.
  if (new URL(platform.issuer).origin !== new URL(configurationUrl).origin)
    throw new LtiError(
      "The platform's issuer does not match the address of its configuration.",
      400,
    );

  const messages = (platform[PLATFORM_CONFIGURATION]?.messages_supported ?? []).map((m) => m.type);
  const answer = await fetchJson(platform.registration_endpoint, {
    what: "registration endpoint",
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(
      dynamicRegistrationRequest(toolOrigin, messages.length ? messages : [MESSAGE.deepLinking]),
    ),
  });
  const registered = registrationResponseSchema.safeParse(answer.body);
  if (answer.status >= 300 || !registered.success)
    throw new LtiError("The platform refused Memcon's registration.", 502);
  const deploymentId = registered.data[TOOL_CONFIGURATION]?.deployment_id;
  const name = `${platform[PLATFORM_CONFIGURATION]?.product_family_code ?? "Platform"} at ${new URL(platform.issuer).host}`;
  const data = {
    name: name.slice(0, 200),
    deploymentIds: deploymentId ? [deploymentId] : [],
    authLoginUrl: platform.authorization_endpoint,
    authTokenUrl: platform.token_endpoint,
    jwksUrl: platform.jwks_uri,
    enabled: false,
  };
  const row = await prisma.ltiRegistration.upsert({
    where: { issuer_clientId: { issuer: platform.issuer, clientId: registered.data.client_id } },
    create: {
      issuer: platform.issuer,
      clientId: registered.data.client_id,
      frameOrigins: [],
      ...data,
    },
    update: data,
    select: { id: true, name: true },
  });
  return row;
}
