import { expect, test, type APIRequestContext } from "@playwright/test";
import http from "node:http";
import { DEMO, signIn } from "./support";

// Issue #17 against the production server in Chromium: what only a real browser or the real
// Next.js request pipeline can show.

const READER = "/documents/1959-09-14-liao-ishibashi-third-conversation";

test.describe("sign-in redirects (finding 1)", () => {
  for (const [label, callback] of [
    ["a tab", "%2F%09%2Fevil.example%2Fphish"],
    ["a line feed", "%2F%0A%2Fevil.example%2Fphish"],
    ["an ideographic space", "%2F%E3%80%80%2Fevil.example"],
    ["a backslash", "%2F%5Cevil.example"],
  ]) {
    test(`a callback URL with ${label} keeps Chromium on Memcon after signing in`, async ({
      page,
    }) => {
      await page.goto(`/signin?callbackUrl=${callback}`);
      await page.getByLabel("Email").fill(DEMO.ada.email);
      await page.getByLabel("Password").fill(DEMO.ada.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(/\/courses$/);
      expect(new URL(page.url()).hostname).not.toContain("evil");
    });
  }
});

/** A server action's id, as the sign-in form sends it. */
async function actionId(page: import("@playwright/test").Page): Promise<string> {
  await page.goto("/signin");
  const sent = page.waitForRequest((request) => Boolean(request.headers()["next-action"]));
  await page.getByLabel("Email").fill("nobody@memcon.test");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  return (await sent).headers()["next-action"]!;
}

async function postAction(
  request: APIRequestContext,
  id: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
) {
  return request.post("/signin", {
    headers: {
      "Next-Action": id,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      ...headers,
    },
    data: body,
    maxRedirects: 0,
  });
}

test.describe("hostile requests get a 4xx with a sentence (finding 6)", () => {
  test("server actions: foreign origin, oversized, deeply nested, unescaped $", async ({
    page,
    request,
    baseURL,
  }) => {
    const id = await actionId(page);
    const host = new URL(baseURL!).host;
    const cases: [string, string | Buffer, Record<string, string>, number][] = [
      ["a foreign Origin", '[{},"$K1"]', { Origin: "https://evil.example" }, 403],
      ["a sibling origin", '[{},"$K1"]', { Origin: `http://evil.${host}` }, 403],
      ["600 kB", `["${"a".repeat(600 * 1024)}"]`, {}, 413],
      ["50,000 levels deep", `${"[".repeat(50_000)}${"]".repeat(50_000)}`, {}, 400],
      ["an unescaped $ reference", '["$1"]', {}, 400],
      ["a promise reference", '["$@0"]', {}, 400],
      ["a NUL", '["\\u0000"]', {}, 400],
      ["half a surrogate pair", '["\\ud800"]', {}, 400],
      ["not JSON", "{", {}, 400],
    ];
    for (const [label, body, headers, status] of cases) {
      const response = await postAction(request, id, body, headers);
      expect(response.status(), label).toBe(status);
      const text = await response.text();
      expect(text, label).toMatch(/[A-Z][^.]+\./);
      expect(text, label).not.toMatch(/\n\s+at /);
    }
  });

  test("addresses with NUL or broken UTF-8, TRACE, and DELETE on pages", async ({
    request,
    baseURL,
  }) => {
    for (const path of [
      "/?q=%00",
      "/documents/%ff",
      "/api/annotations/%00",
      `/api/documents/x/cards?ids=%00`,
    ]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(400);
      expect(await response.text(), path).toMatch(/cannot be read/);
    }
    // Half a surrogate pair in a query: Next.js itself turns it into U+FFFD before the proxy
    // sees it, and the page reads that as any other text.
    expect((await request.get(`${READER}?turn=%ED%A0%80`)).status()).toBe(200);
    for (const path of ["/", READER, "/courses"]) {
      const response = await request.delete(path);
      expect(response.status(), `DELETE ${path}`).toBe(405);
      expect(response.headers()["allow"]).toBe("GET, HEAD, POST");
    }
    // TRACE through a raw request: fetch clients refuse to send one.
    const url = new URL("/", baseURL);
    const status = await new Promise<number>((resolve, reject) =>
      http
        .request({ host: url.hostname, port: url.port, path: "/", method: "TRACE" }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        })
        .on("error", reject)
        .end(),
    );
    expect(status).toBe(405);
    const turn = await request.get(`/api/annotations?turn=99999999999`, {
      headers: { Authorization: "Bearer mcn_not-a-token" },
    });
    expect(turn.status()).toBeLessThan(500);
  });
});

test("prefetched pages carry every security header (finding 7)", async ({ request }) => {
  for (const path of ["/", READER, "/signin", "/courses"])
    for (const headers of [
      {} as Record<string, string>,
      { Purpose: "prefetch" },
      { "Next-Router-Prefetch": "1" },
      { "Sec-Purpose": "prefetch" },
    ]) {
      const response = await request.get(path, { headers, maxRedirects: 0 });
      const label = `${path} ${JSON.stringify(headers)}`;
      expect(response.headers()["content-security-policy"], label).toContain("'nonce-");
      expect(response.headers()["x-frame-options"], label).toBe("DENY");
      expect(response.headers()["x-content-type-options"], label).toBe("nosniff");
      expect(response.headers()["referrer-policy"], label).toBe("strict-origin-when-cross-origin");
    }
});

for (const viewport of [
  { name: "desktop", width: 1366, height: 900, touch: false },
  { name: "phone", width: 390, height: 844, touch: true },
]) {
  test(`a look-alike of the instructor's name is flagged on the roster, with emails (finding 9, ${viewport.name})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({
      viewport: { width: viewport.width, height: viewport.height },
      hasTouch: viewport.touch,
      isMobile: viewport.touch,
    });
    const page = await context.newPage();
    const email = `impostor.${viewport.name}.${Date.now()}@example.edu`;
    // "Hаna Mori" with a Cyrillic а, and a right-to-left override that would read "Site Admin".
    await page.goto("/signup");
    await page.getByLabel("Name").fill("H\u0430na Mori\u202e");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("reading in the archive");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/courses$/);
    await page.getByLabel("Join code").fill(DEMO.joinCode);
    await page.getByRole("button", { name: "Join course" }).click();
    await expect(page.getByRole("status")).toHaveText("Welcome: you have joined this course.");
    await context.close();

    const teacherContext = await browser.newContext({
      viewport: { width: viewport.width, height: viewport.height },
      hasTouch: viewport.touch,
      isMobile: viewport.touch,
    });
    const teacher = await teacherContext.newPage();
    await signIn(teacher, DEMO.instructor);
    await teacher.getByRole("link", { name: DEMO.course }).first().click();
    const row = teacher.getByRole("row").filter({ hasText: email });
    await row.scrollIntoViewIfNeeded();
    const warning = row.getByRole("note");
    await expect(warning).toHaveText(
      "This name mixes Latin and Cyrillic letters and looks like Hana Mori: check the email.",
    );
    await expect(warning).toBeInViewport();
    await expect(row).toContainText(email);
    // The real instructor's row carries no warning.
    await expect(
      teacher.getByRole("row").filter({ hasText: DEMO.instructor.email }).getByRole("note"),
    ).toHaveCount(0);
    await teacher.screenshot({ path: `test-results/security-roster-${viewport.name}.png` });
    await teacherContext.close();
  });
}

test("the account page says what a password change revokes, and signing out everywhere ends every session (finding 10)", async ({
  browser,
}) => {
  const email = `two.devices.${Date.now()}@example.edu`;
  const laptop = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await laptop.newPage();
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Two Devices");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("reading in the archive");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/courses$/);

  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  const other = await phone.newPage();
  await signIn(other, { email, password: "reading in the archive" });

  await page.goto("/account");
  await expect(
    page.getByText(
      "Changing your password signs out your other devices and revokes all your API tokens.",
    ),
  ).toBeVisible();
  const everywhere = page.getByRole("button", { name: "Sign out everywhere" });
  await everywhere.scrollIntoViewIfNeeded();
  await expect(everywhere).toBeInViewport();
  await page.screenshot({ path: "test-results/security-account.png", fullPage: true });
  await everywhere.click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  // The other device is signed out too.
  await other.goto("/courses");
  await expect(other).toHaveURL(/\/signin/);
  await laptop.close();
  await phone.close();
});
