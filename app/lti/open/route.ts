import { NextResponse } from "next/server";
import { openSession } from "@/lib/auth/accounts";
import { sessionCookieName, sessionCookieOptions } from "@/lib/auth/session-cookie";
import { auth } from "@/lib/auth/authjs";
import { getPrisma } from "@/lib/db";
import { newWindowPage } from "@/lib/lti/html";
import { landLaunch } from "@/lib/lti/open";
import { ltiEndpoint } from "@/lib/lti/respond";
import { toolOrigin } from "@/lib/lti/tool";

// Where a launch lands: the page it opens, or "open in a new window" when the platform's frame
// did not keep Memcon's cookie (lib/lti/open.ts).
export async function GET(request: Request) {
  return ltiEndpoint(async () => {
    const prisma = getPrisma();
    const url = new URL(request.url);
    const session = await auth();
    const landing = await landLaunch(prisma, {
      ticket: url.searchParams.get("ticket"),
      sessionUserId: session?.user?.id ?? null,
      topLevel: request.headers.get("sec-fetch-dest") === "document",
    });
    if (landing.kind === "newWindow") return newWindowPage(`${url.pathname}${url.search}`);
    const response = NextResponse.redirect(new URL(landing.path, toolOrigin(request)), 303);
    if (landing.openSessionFor) {
      const opened = await openSession(prisma, landing.openSessionFor);
      response.cookies.set(sessionCookieName(), opened.token, {
        ...sessionCookieOptions(),
        expires: opened.expires,
      });
    }
    response.headers.set("cache-control", "no-store");
    return response;
  });
}
