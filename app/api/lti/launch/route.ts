import { NextResponse } from "next/server";
import { openSession } from "@/lib/auth/accounts";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { getPrisma } from "@/lib/db";
import { CLAIM } from "@/lib/lti/claims";
import { heldSession, launchCookieOptions } from "@/lib/lti/cookies";
import {
  FRAME_COOKIE,
  FRAME_LIFETIME_S,
  FRAME_PARAM,
  LANDING_PATH,
  platformFrameOrigins,
  signFrameOrigins,
} from "@/lib/lti/frame";
import { completeLaunch } from "@/lib/lti/launch";
import { syncRosterAfterLaunch } from "@/lib/lti/roster";
import { ltiEndpoint, requestParams } from "@/lib/lti/respond";
import { toolOrigin } from "@/lib/lti/tool";
import { verifyLaunch } from "@/lib/lti/verify";

// The launch itself: the platform posts the id_token (form_post). A verified launch links the
// person and the course, opens a Memcon session (cookie fit for the platform's iframe) and goes
// to the landing step, which opens the page or offers a new window (lib/lti/open.ts).
export async function POST(request: Request) {
  return ltiEndpoint(async () => {
    const prisma = getPrisma();
    const params = await requestParams(request);
    const verified = await verifyLaunch(prisma, { idToken: params.id_token, state: params.state });
    const result = await completeLaunch(prisma, verified);
    // An instructor's launch refreshes the roster (NRPS) without making the launch wait.
    if (result.role === "instructor")
      void syncRosterAfterLaunch(prisma, result.courseId).catch((error: unknown) =>
        console.error(`[memcon] LTI roster sync after launch failed: ${String(error)}`),
      );
    const origins = platformFrameOrigins(
      verified.registration,
      verified.claims[CLAIM.launchPresentation]?.return_url,
    );
    const frame = await signFrameOrigins(origins);
    const landing = new URL(LANDING_PATH, toolOrigin(request));
    landing.searchParams.set("ticket", result.ticket);
    landing.searchParams.set(FRAME_PARAM, frame);
    const response = NextResponse.redirect(landing, 303);
    const options = launchCookieOptions();
    // A browser that already holds this person's session (the frame kept its cookie) keeps it;
    // otherwise a session is opened, so launches do not pile up sessions.
    const held = await heldSession(prisma, request.headers.get("cookie"), result.userId);
    if (!held) {
      const session = await openSession(prisma, result.userId);
      response.cookies.set(sessionCookieName(), session.token, {
        ...options,
        expires: session.expires,
      });
    }
    response.cookies.set(FRAME_COOKIE, frame, { ...options, maxAge: FRAME_LIFETIME_S });
    response.headers.set("cache-control", "no-store");
    return response;
  });
}
