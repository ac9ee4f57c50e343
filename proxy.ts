import { NextResponse, type NextRequest } from "next/server";
import { ltiPolicyFor } from "@/lib/lti/frame";
import { createNonce, securityHeadersFor } from "@/lib/security/csp";
import { refusalFor } from "@/lib/security/request-guard";
import {
  FRESH_WRITE_COOKIE,
  FRESH_WRITE_HEADER,
  freshWriteMs,
  isWriteMethod,
  signFreshWrite,
} from "@/lib/db/fresh-write";

// Next.js 16 proxy (formerly middleware): one nonce per request. The policy goes on the request
// too, because Next.js reads the nonce from it and stamps its own scripts with it.
export async function proxy(request: NextRequest) {
  const nonce = createNonce();
  const { policy, response: headers } = securityHeadersFor(nonce, {
    dev: process.env.NODE_ENV === "development",
    // Pages opened by an LTI launch may be framed by that learning platform (lib/lti/frame.ts).
    ...(await ltiPolicyFor({
      pathname: request.nextUrl.pathname,
      searchParams: request.nextUrl.searchParams,
      headers: request.headers,
      cookie: (name) => request.cookies.get(name)?.value,
    })),
  });
  // Methods, addresses and server-action bodies no page or handler should see: a 4xx here.
  const refused = await refusalFor(request);
  if (refused) {
    for (const [name, value] of Object.entries(headers)) refused.headers.set(name, value);
    return refused;
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  requestHeaders.set("x-nonce", nonce);
  // With a read replica: a request that may write reads from the primary, and so does its
  // browser for a few seconds after (lib/db/fresh-write.ts).
  requestHeaders.delete(FRESH_WRITE_HEADER);
  const sticky = process.env.DATABASE_REPLICA_URL && isWriteMethod(request.method);
  if (sticky) requestHeaders.set(FRESH_WRITE_HEADER, "1");
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  if (sticky) {
    const ms = freshWriteMs();
    response.cookies.set(
      FRESH_WRITE_COOKIE,
      await signFreshWrite(Date.now() + ms, process.env.AUTH_SECRET ?? ""),
      {
        httpOnly: true,
        sameSite: "lax",
        path: "/",
        maxAge: Math.ceil(ms / 1000),
        secure: request.nextUrl.protocol === "https:",
      },
    );
  }
  return response;
}

export const config = {
  matcher: [
    {
      // Every request but the build's static files (no HTML, no inline script). Prefetches too:
      // a prefetched page is a page, and it must carry its headers (issue #17, finding 7).
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
    },
  ],
};
