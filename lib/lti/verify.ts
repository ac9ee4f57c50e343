import { decodeJwt, decodeProtectedHeader, errors, jwtVerify } from "jose";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { rawRows } from "@/lib/db/raw";
import { CLAIM, launchClaimsSchema, type LaunchClaims } from "./claims";
import { LtiError } from "./errors";
import { platformKeyResolver } from "./platform-keys";

// Step two: the id_token the platform posted, checked in the order that creates nothing for a
// forged one: the state (ours, unused, unexpired) names the registration; the token must be
// signed by that platform with an asymmetric algorithm (alg none and HS* are refused: a shared
// secret would let anyone holding the client id forge launches), for Memcon's client id (aud,
// azp), by the registered issuer, unexpired, carrying the nonce issued with that state and a
// deployment id the registration lists.

export const ACCEPTED_ALGORITHMS = [
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
];
const CLOCK_TOLERANCE_S = 60;
/** An id_token issued longer ago than this is refused even if its exp is later. */
const MAX_TOKEN_AGE_S = 10 * 60;

export interface VerifiedLaunch {
  registration: {
    id: string;
    issuer: string;
    clientId: string;
    frameOrigins: string[];
  };
  claims: LaunchClaims;
}

async function consumeState(prisma: PrismaClient, state: string, now: Date) {
  // Delete-and-return in one statement: of two requests with the same state, one wins.
  const rows = await rawRows<{ nonce: string; registrationId: string; expiresAt: Date }>(
    prisma,
    Prisma.sql`
    DELETE FROM "LtiLoginState" WHERE "state" = ${state}
    RETURNING "nonce", "registrationId", "expiresAt"`,
  );
  const row = rows[0];
  if (!row || row.expiresAt <= now)
    throw new LtiError(
      "This launch does not match a login Memcon started, or it was already used or took too long. Launch Memcon again from your course.",
      401,
    );
  return row;
}

export async function verifyLaunch(
  prisma: PrismaClient,
  input: { idToken: unknown; state: unknown },
  now = new Date(),
): Promise<VerifiedLaunch> {
  if (typeof input.idToken !== "string" || input.idToken.length > 100_000 || !input.idToken)
    throw new LtiError("The platform sent no id_token.");
  if (typeof input.state !== "string" || input.state.length > 200 || !input.state)
    throw new LtiError("The platform sent no state.");
  const idToken = input.idToken;

  let alg: string | undefined;
  let unverified: Record<string, unknown>;
  try {
    alg = decodeProtectedHeader(idToken).alg;
    unverified = decodeJwt(idToken);
  } catch {
    throw new LtiError("The id_token is not a well-formed JSON Web Token.");
  }
  if (!alg || !ACCEPTED_ALGORITHMS.includes(alg))
    throw new LtiError(
      `The id_token is signed with "${String(alg).slice(0, 20)}"; Memcon accepts only public-key signatures (RS256 and the like).`,
      401,
    );

  const state = await consumeState(prisma, input.state, now);
  const registration = await prisma.ltiRegistration.findUnique({
    where: { id: state.registrationId },
  });
  if (!registration || !registration.enabled)
    throw new LtiError("Launches from this platform are switched off.", 403);
  if (unverified.iss !== registration.issuer)
    throw new LtiError(
      "The id_token comes from another issuer than the platform that started the login.",
      401,
    );

  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(idToken, platformKeyResolver(prisma, registration, now), {
      issuer: registration.issuer,
      audience: registration.clientId,
      algorithms: ACCEPTED_ALGORITHMS,
      requiredClaims: ["iat", "exp", "nonce", "sub"],
      clockTolerance: CLOCK_TOLERANCE_S,
      maxTokenAge: MAX_TOKEN_AGE_S,
      currentDate: now,
    }));
  } catch (error) {
    if (error instanceof LtiError) throw error;
    if (error instanceof errors.JWTExpired)
      throw new LtiError("The launch has expired. Launch Memcon again from your course.", 401);
    if (error instanceof errors.JWSSignatureVerificationFailed)
      throw new LtiError("The id_token's signature does not match the platform's key.", 401);
    if (error instanceof errors.JWTClaimValidationFailed) {
      if (error.claim === "aud")
        throw new LtiError(
          "The id_token is meant for another tool (its audience is not Memcon's client id).",
          401,
        );
      if (error.claim === "iat")
        throw new LtiError("The id_token was issued too long ago or in the future.", 401);
      throw new LtiError(`The id_token's "${error.claim}" claim is not valid.`, 401);
    }
    if (error instanceof errors.JOSEError)
      throw new LtiError("The id_token could not be verified.", 401);
    throw error;
  }

  const aud = payload.aud;
  if (Array.isArray(aud) && aud.length > 1 && payload.azp !== registration.clientId)
    throw new LtiError(
      "The id_token names several audiences but not Memcon as the authorized party.",
      401,
    );
  if (payload.azp !== undefined && payload.azp !== registration.clientId)
    throw new LtiError("The id_token's authorized party is not Memcon.", 401);
  if (payload.nonce !== state.nonce)
    throw new LtiError("The id_token's nonce does not match the login Memcon started.", 401);

  const parsed = launchClaimsSchema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new LtiError(
      `The launch is not a valid LTI 1.3 message (${String(issue.path[0] ?? "claims").replace("https://purl.imsglobal.org/spec/", "")}: ${issue.message}).`,
    );
  }
  const claims = parsed.data;
  if (!registration.deploymentIds.includes(claims[CLAIM.deploymentId]))
    throw new LtiError("This deployment of Memcon is not registered for the platform.", 403);
  return {
    registration: {
      id: registration.id,
      issuer: registration.issuer,
      clientId: registration.clientId,
      frameOrigins: registration.frameOrigins,
    },
    claims,
  };
}
