import { expect } from "vitest";
import * as launchRoute from "@/app/api/lti/launch/route";
import * as loginRoute from "@/app/api/lti/login/route";
import * as openRoute from "@/app/lti/open/route";
import { loadViewer } from "@/lib/auth/load-viewer";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { getPrisma } from "@/lib/db";
import { publicKeySet } from "@/lib/lti/keys";
import { saveRegistration } from "@/lib/lti/registrations";
import { inRequest } from "@/tests/support/next-request";
import type { PlannedLaunch, PlatformSimulator } from "./lti-platform";

// A browser's part in an LTI launch, for integration tests: Memcon's route handlers are called
// directly (next/headers mocked by the test file), the simulated platform over HTTP.

export const MEMCON = "http://memcon.test";
export const tool = {
  login: `${MEMCON}/api/lti/login`,
  launch: `${MEMCON}/api/lti/launch`,
  jwks: () => publicKeySet(getPrisma()),
};

export async function adminViewer() {
  const prisma = getPrisma();
  const admin = await prisma.user.upsert({
    where: { email: "lti-admin@memcon.test" },
    create: { email: "lti-admin@memcon.test", name: "Admin", siteRole: "admin" },
    update: {},
  });
  return (await loadViewer(prisma, admin.id))!;
}

export async function register(platform: PlatformSimulator, over: Record<string, string> = {}) {
  const outcome = await saveRegistration(getPrisma(), await adminViewer(), null, {
    ...platform.registration,
    ...over,
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome));
  return outcome.value.id;
}

export const unescapeHtml = (text: string) =>
  text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

export const formField = (page: string, name: string) =>
  unescapeHtml(page.match(new RegExp(`name="${name}" value="([^"]+)"`))![1]!);

export function postLaunch(sim: PlatformSimulator, fields: Record<string, string>) {
  return launchRoute.POST(
    new Request(`${MEMCON}/api/lti/launch`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: sim.origin },
      body: new URLSearchParams(fields),
    }),
  );
}

/** Memcon's login: the redirect to the platform, with the state and nonce Memcon chose. */
export async function login(sim: PlatformSimulator, hint: string) {
  const response = await loginRoute.GET(new Request(sim.loginUrl(hint)));
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get("location")!);
  return {
    location,
    state: location.searchParams.get("state")!,
    nonce: location.searchParams.get("nonce")!,
  };
}

/** Login, the platform's auto-submitting form (over HTTP) and the launch: the launch's answer. */
export async function launch(sim: PlatformSimulator, planned: PlannedLaunch) {
  const { location } = await login(sim, sim.plan(planned));
  const page = await (await fetch(location)).text();
  const idToken = formField(page, "id_token");
  const state = formField(page, "state");
  return { response: await postLaunch(sim, { id_token: idToken, state }), idToken, state };
}

/** A whole launch as a browser runs it, through the landing page. */
export async function fullLaunch(
  sim: PlatformSimulator,
  planned: PlannedLaunch,
  { dest = "iframe" } = {},
) {
  const { response: launched, idToken, state } = await launch(sim, planned);
  expect(launched.status, await launched.clone().text()).toBe(303);
  const cookies = launched.headers.getSetCookie();
  const session = cookies.find((c) => c.startsWith(`${sessionCookieName()}=`))!;
  const token = session.split(";")[0]!.split("=")[1]!;
  const landing = new URL(launched.headers.get("location")!);
  const cookie = `${sessionCookieName()}=${token}`;
  const headers = { cookie, "sec-fetch-dest": dest };
  const { value: opened } = await inRequest(headers, () =>
    openRoute.GET(new Request(landing, { headers })),
  );
  return {
    launched,
    cookies,
    cookie,
    landing,
    token,
    opened,
    target: opened.headers.get("location"),
    idToken,
    state,
  };
}
