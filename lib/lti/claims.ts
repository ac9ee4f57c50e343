import { z } from "zod";

// The claims of LTI 1.3 messages (IMS LTI Core 1.3, Deep Linking 2.0, NRPS 2.0, AGS 2.0), named
// once here. Platforms add many more; only what Memcon reads is validated, the rest is ignored.

const LTI = "https://purl.imsglobal.org/spec/lti/claim/";
export const CLAIM = {
  messageType: `${LTI}message_type`,
  version: `${LTI}version`,
  deploymentId: `${LTI}deployment_id`,
  targetLinkUri: `${LTI}target_link_uri`,
  resourceLink: `${LTI}resource_link`,
  roles: `${LTI}roles`,
  context: `${LTI}context`,
  custom: `${LTI}custom`,
  launchPresentation: `${LTI}launch_presentation`,
  toolPlatform: `${LTI}tool_platform`,
  deepLinkingSettings: "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings",
  contentItems: "https://purl.imsglobal.org/spec/lti-dl/claim/content_items",
  deepLinkingData: "https://purl.imsglobal.org/spec/lti-dl/claim/data",
  namesRoleService: "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice",
  agsEndpoint: "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint",
} as const;

export const SCOPE = {
  lineItem: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
  lineItemReadOnly: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
  resultReadOnly: "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
  score: "https://purl.imsglobal.org/spec/lti-ags/scope/score",
  memberships: "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
} as const;

export const MESSAGE = {
  resourceLink: "LtiResourceLinkRequest",
  deepLinking: "LtiDeepLinkingRequest",
  deepLinkingResponse: "LtiDeepLinkingResponse",
} as const;

const url = z.string().url().max(2000);

/** The claims of a verified id_token that Memcon acts on (signature and registration checked elsewhere). */
export const launchClaimsSchema = z.object({
  sub: z.string().min(1).max(255),
  name: z.string().max(300).optional(),
  given_name: z.string().max(300).optional(),
  family_name: z.string().max(300).optional(),
  email: z.string().email().max(320).optional().catch(undefined),
  [CLAIM.messageType]: z.enum([MESSAGE.resourceLink, MESSAGE.deepLinking]),
  [CLAIM.version]: z.literal("1.3.0"),
  [CLAIM.deploymentId]: z.string().min(1).max(255),
  [CLAIM.roles]: z.array(z.string().max(500)).max(100),
  [CLAIM.targetLinkUri]: url.optional(),
  [CLAIM.resourceLink]: z
    .object({ id: z.string().min(1).max(255), title: z.string().max(500).nullish() })
    .optional(),
  [CLAIM.context]: z
    .object({
      id: z.string().min(1).max(255),
      label: z.string().max(300).nullish(),
      title: z.string().max(500).nullish(),
    })
    .optional(),
  [CLAIM.custom]: z.record(z.string(), z.unknown()).optional(),
  [CLAIM.launchPresentation]: z
    .object({ return_url: url.optional().catch(undefined) })
    .passthrough()
    .optional(),
  [CLAIM.deepLinkingSettings]: z
    .object({
      deep_link_return_url: url,
      accept_types: z.array(z.string()).max(20),
      data: z.string().max(4000).optional(),
    })
    .passthrough()
    .optional(),
  [CLAIM.namesRoleService]: z.object({ context_memberships_url: url }).passthrough().optional(),
  [CLAIM.agsEndpoint]: z
    .object({
      scope: z.array(z.string()).max(20).default([]),
      lineitems: url.optional(),
      lineitem: url.optional(),
    })
    .passthrough()
    .optional(),
});
export type LaunchClaims = z.infer<typeof launchClaimsSchema>;

const MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership";

/**
 * The Memcon course role for a set of LTI roles: Instructor (and its sub-roles, Teaching
 * Assistant among them) teaches, Learner studies; anything else (Mentor alone, a system role)
 * has no course role. Short context role names ("Instructor") are accepted as LTI 1.3 allows.
 */
export function courseRoleFor(roles: readonly string[]): "instructor" | "student" | null {
  const names = roles.map((role) => role.trim());
  const has = (name: string) =>
    names.some(
      (role) =>
        role === `${MEMBERSHIP}#${name}` ||
        role === name ||
        role.startsWith(`${MEMBERSHIP}/${name}#`),
    );
  if (
    has("Instructor") ||
    has("TeachingAssistant") ||
    names.includes(`${MEMBERSHIP}/Instructor#TeachingAssistant`)
  )
    return "instructor";
  if (has("Learner")) return "student";
  return null;
}
