import { MESSAGE, SCOPE } from "./claims";

// Memcon's own LTI endpoints and the configurations platforms import (Canvas's JSON
// configuration, the tool configuration of LTI Dynamic Registration), built from one place.

export const TOOL_NAME = "Memcon";
export const TOOL_DESCRIPTION =
  "Close reading of historical diplomatic conversations, turn by turn, with annotations, discussions and assignments.";

/**
 * Memcon's public origin, as platforms must address it: AUTH_URL when set (behind a proxy),
 * else the Host the request was sent to (Next.js may rebuild request.url with its own hostname).
 */
export function toolOrigin(
  request: { url: string; headers: Headers },
  env: Record<string, string | undefined> = process.env,
) {
  const configured = env.AUTH_URL;
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // fall through: a malformed AUTH_URL is reported by the sign-in setup
    }
  }
  const url = new URL(request.url);
  const host = request.headers.get("host");
  if (host && /^[a-z0-9.:[\]-]+$/i.test(host)) return `${url.protocol}//${host}`;
  return url.origin;
}

export function toolUrls(origin: string) {
  return {
    login: `${origin}/api/lti/login`,
    launch: `${origin}/api/lti/launch`,
    jwks: `${origin}/api/lti/jwks`,
    deepLink: `${origin}/api/lti/launch`,
    canvasConfig: `${origin}/api/lti/canvas.json`,
    register: `${origin}/api/lti/register`,
  };
}

export const TOOL_SCOPES = [
  SCOPE.lineItem,
  SCOPE.lineItemReadOnly,
  SCOPE.resultReadOnly,
  SCOPE.score,
  SCOPE.memberships,
];

/** The JSON configuration Canvas imports ("LTI 1.3 developer key", "Paste JSON" or "Enter URL"). */
export function canvasConfiguration(origin: string) {
  const urls = toolUrls(origin);
  const domain = new URL(origin).host;
  return {
    title: TOOL_NAME,
    description: TOOL_DESCRIPTION,
    oidc_initiation_url: urls.login,
    target_link_uri: urls.launch,
    public_jwk_url: urls.jwks,
    scopes: TOOL_SCOPES,
    extensions: [
      {
        domain,
        tool_id: "memcon",
        platform: "canvas.instructure.com",
        privacy_level: "public",
        settings: {
          text: TOOL_NAME,
          placements: [
            {
              placement: "link_selection",
              message_type: MESSAGE.deepLinking,
              target_link_uri: urls.deepLink,
              text: `${TOOL_NAME} reading`,
            },
            {
              placement: "assignment_selection",
              message_type: MESSAGE.deepLinking,
              target_link_uri: urls.deepLink,
              text: `${TOOL_NAME} assignment`,
            },
            {
              placement: "course_navigation",
              message_type: MESSAGE.resourceLink,
              target_link_uri: urls.launch,
              text: TOOL_NAME,
              default: "enabled",
            },
          ],
        },
      },
    ],
    custom_fields: {},
  };
}

/** The `https://purl.imsglobal.org/spec/lti-tool-configuration` of a Dynamic Registration request. */
export function dynamicRegistrationRequest(origin: string, platformMessages: string[]) {
  const urls = toolUrls(origin);
  const messages = platformMessages.includes(MESSAGE.deepLinking)
    ? [
        {
          type: MESSAGE.deepLinking,
          target_link_uri: urls.deepLink,
          label: `Add a ${TOOL_NAME} reading`,
        },
      ]
    : [];
  return {
    application_type: "web",
    response_types: ["id_token"],
    grant_types: ["implicit", "client_credentials"],
    initiate_login_uri: urls.login,
    redirect_uris: [urls.launch],
    client_name: TOOL_NAME,
    jwks_uri: urls.jwks,
    token_endpoint_auth_method: "private_key_jwt",
    scope: TOOL_SCOPES.join(" "),
    "https://purl.imsglobal.org/spec/lti-tool-configuration": {
      domain: new URL(origin).host,
      description: TOOL_DESCRIPTION,
      target_link_uri: urls.launch,
      claims: ["iss", "sub", "name", "given_name", "family_name", "email"],
      messages,
    },
  };
}
