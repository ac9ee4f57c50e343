import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { forgedTiptapDocs, xssPayloads } from "../unit/annotations/xss-corpus";
import { DEMO, signIn, showAllNotes } from "./support";

// Stored XSS end to end: the unit tests' corpus (tests/unit/annotations/xss-corpus.ts) goes in
// as annotation bodies, links, tags (JSON API), replies, display names and course titles
// (services, and a few through the real forms), then Chromium renders every view that shows
// them with a trap installed before any page script. Pages run with the CSP bypassed, so what
// is measured is the escaping and sanitizing; the control shows the trap catches a stored
// payload that does run, and that the CSP alone would then still block it.

// A document of its own: 137 hostile replies make its page heavy, and the threads and annotation
// specs, running alongside, read the Liao-Ishibashi conversation under time limits.
const SLUG = "1978-07-22-sato-cable-1384";
const READER = `/documents/${SLUG}`;
const DANA = { email: "dana@memcon.test", password: "close-reading" };

interface Seed {
  courseId: string;
  rootId: string;
  turns: { anchor: number; length: number }[];
  users: { id: string; email: string; name: string; token: string; payloadId: string }[];
  courses: string[];
  refused: Record<string, string[]>;
}

test.describe.configure({ mode: "serial" });
let seed: Seed;

test.beforeAll(() => {
  test.setTimeout(120_000);
  const run = spawnSync(
    process.execPath,
    [path.resolve("node_modules/tsx/dist/cli.mjs"), "tests/e2e/xss-seed.ts", SLUG],
    { env: process.env, encoding: "utf8", maxBuffer: 20_000_000 },
  );
  if (run.status !== 0) throw new Error(`xss-seed failed: ${run.stderr}`);
  seed = JSON.parse(run.stdout.trim().split("\n").pop()!);
});

/** A browser context with the trap: alert/confirm/prompt record instead of opening a dialog. */
async function trappedPage(browser: Browser, { bypassCSP = true } = {}) {
  const context = await browser.newContext({ bypassCSP });
  await context.addInitScript(() => {
    const calls: string[] = [];
    const violations: string[] = [];
    Object.assign(window, { __xss: calls, __csp: violations });
    for (const name of ["alert", "confirm", "prompt", "print"] as const) {
      Object.defineProperty(window, name, {
        value: (...args: unknown[]) => void calls.push(`${name}(${args.map(String).join(",")})`),
      });
    }
    document.addEventListener("securitypolicyviolation", (event) =>
      violations.push(event.violatedDirective),
    );
  });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // Payloads that load from elsewhere (script src, stylesheets, tracking images, frames).
  const outside: string[] = [];
  await context.route(/evil\.example/, (route) => {
    outside.push(route.request().url());
    return route.abort();
  });
  return { context, page, dialogs, outside };
}

type Trapped = Awaited<ReturnType<typeof trappedPage>>;

/** What a stored payload would leave behind in the rendered DOM. */
function domProblems(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    const urlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"];
    // React's own guard on forms with server actions: a javascript: URL that only throws.
    const reactGuard = "javascript:throw new Error('A React form was unexpectedly submitted.";
    for (const element of document.querySelectorAll("*")) {
      for (const { name, value } of element.attributes) {
        if (element.localName === "form" && name === "action" && value.startsWith(reactGuard))
          continue;
        const lower = name.toLowerCase();
        if (lower.startsWith("on")) problems.push(`<${element.localName} ${lower}>`);
        const squeezed = value.replace(/[\u0000-\u0020]/g, "");
        if (urlAttributes.includes(lower) && /^(javascript|vbscript|data):/i.test(squeezed))
          problems.push(`<${element.localName} ${lower}="${value}">`);
      }
    }
    for (const selector of ["iframe", "object", "embed", "frame", "base", "meta[http-equiv]"])
      if (document.querySelector(selector)) problems.push(`<${selector}> present`);
    // Annotation and reply bodies hold only the sanitizer's tags.
    const allowed = new Set(["p", "br", "ul", "ol", "li", "blockquote"]);
    for (const tag of ["strong", "em", "code", "s", "u", "a"]) allowed.add(tag);
    for (const element of document.querySelectorAll(".note-body *"))
      if (!allowed.has(element.localName)) problems.push(`<${element.localName}> in a note body`);
    // Scripts: Next.js's own (nonced inline data, same-origin chunks), nothing else.
    for (const script of document.scripts) {
      if (!script.src && !script.nonce) problems.push(`inline script ${script.text.slice(0, 60)}`);
      if (script.src && new URL(script.src).origin !== location.origin)
        problems.push(`script from ${script.src}`);
    }
    return problems;
  });
}

async function expectNothingRan({ page, dialogs, outside }: Trapped, where: string) {
  // Give handlers a moment: images fail to load, animations and focus events fire.
  await page.waitForTimeout(300);
  const calls = await page.evaluate(() => (window as unknown as { __xss: string[] }).__xss);
  expect({ where, calls, dialogs, outside, dom: await domProblems(page) }).toEqual({
    where,
    calls: [],
    dialogs: [],
    outside: [],
    dom: [],
  });
}

const doc = (...content: unknown[]) => ({ type: "doc", content });
const para = (...content: unknown[]) => ({ type: "paragraph", content });
const text = (value: string, marks?: unknown[]) => ({ type: "text", text: value, marks });

/** Run `work` over `items`, `width` at a time (the server has two cores). */
async function inBatches<T>(items: T[], width: number, work: (item: T, index: number) => unknown) {
  for (let start = 0; start < items.length; start += width)
    await Promise.all(items.slice(start, start + width).map((item, i) => work(item, start + i)));
}

async function post(request: APIRequestContext, token: string, data: unknown) {
  const response = await request.post("/api/annotations", {
    headers: { Authorization: `Bearer ${token}` },
    data,
  });
  const json = await response.json();
  return { status: response.status(), json };
}

test("the corpus goes in through the JSON API: refused, or stored as harmless text", async ({
  request,
}) => {
  test.setTimeout(120_000);
  expect(seed.users).toHaveLength(xssPayloads.length);
  expect(xssPayloads.length).toBeGreaterThanOrEqual(100);
  // Every forged reply body met the corpus' expectation (refused, or stored with extras gone).
  expect(seed.refused.forged).toEqual([]);
  expect(seed.refused.replies).toEqual([]);

  const statuses = { body: new Set<number>(), link: [] as string[], tag: [] as string[] };
  await inBatches(seed.users, 6, async (user, index) => {
    const { payload } = xssPayloads[index]!;
    const turn = seed.turns[index % seed.turns.length]!;
    const base = {
      documentSlug: SLUG,
      selection: {
        start: { turnAnchor: turn.anchor, offset: 2 },
        end: { turnAnchor: turn.anchor, offset: 15 },
      },
      visibility: "course",
      courseId: seed.courseId,
    };
    // As the note's text, with a tag naming it: stored, and shown as text (checked below).
    const asText = await post(request, user.token, {
      ...base,
      body: doc(para(text(payload)), para(text("hostile", [{ type: "bold" }]))),
      tags: [`xss-${index}`],
    });
    // A NUL character is refused with the whole request by the guard (no text may hold one);
    // everything else is stored.
    if (payload.includes("\u0000")) {
      expect(asText.status, payload).toBe(400);
      expect(asText.json.error.message).toMatch(/NUL character/);
    } else statuses.body.add(asText.status);

    // As a link address: only absolute http(s) links are kept.
    const asLink = await post(request, user.token, {
      ...base,
      body: doc(para(text("source", [{ type: "link", attrs: { href: payload } }]))),
    });
    if (asLink.status === 201) statuses.link.push(payload);
    // Refused as a link, or earlier, by the request guard, for a character no text may hold.
    else expect(asLink.json.error.message, payload).toMatch(/link|NUL character/i);

    // As a tag: tags are single words, so markup never gets in.
    const asTag = await post(request, user.token, {
      ...base,
      body: doc(para(text("tagged"))),
      tags: [payload],
    });
    if (asTag.status === 201) statuses.tag.push(payload);
    else
      // Refused by the tag rule, or earlier by the request guard for a NUL character.
      expect([
        "Tags are single words or hyphenated words, up to 40 characters.",
        "The request body has a NUL character in a text: remove it and send again.",
      ]).toContain(asTag.json.error.message);

    // As an HTML string where the Tiptap document belongs: refused outright (one of each kind).
    if (xssPayloads.findIndex((p) => p.category === xssPayloads[index]!.category) === index) {
      const asHtml = await post(request, user.token, { ...base, body: payload });
      expect(asHtml.status, payload).toBe(422);
    }
  });
  expect([...statuses.body]).toEqual([201]);
  for (const href of statuses.link) expect(href).toMatch(/^https?:\/\//i);
  for (const tag of statuses.tag) expect(tag).not.toMatch(/[<>:"'=&(]/);

  // Forged Tiptap JSON as annotation bodies, with their marks and attributes.
  const author = seed.users[0]!.token;
  for (const forged of forgedTiptapDocs) {
    const result = await post(request, author, {
      documentSlug: SLUG,
      scope: "document",
      body: forged.doc,
      visibility: "course",
      courseId: seed.courseId,
    });
    expect(result.status, forged.id).toBe(forged.expect === "reject" ? 422 : 201);
    if (result.status === 201) expect(result.json.html).not.toMatch(/alert|on\w+=|style=/);
  }
});

test("a few go through the real forms: sign-up name, course title, note and reply", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const picks = ["script/plain", "event-handler/img-onerror", "svg/onload"].map(
    (id) => xssPayloads.find((p) => p.id === id)!.payload,
  );
  // Two sign-ups and two courses through the forms (each sign-up hashes a password: 0.1 s+).
  for (const [index, name] of picks.slice(0, 2).entries()) {
    const session = await trappedPage(browser);
    const { page } = session;
    await page.goto("/signup");
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Email").fill(`xss-form-${index}@memcon.test`);
    await page.getByLabel("Password").fill("a long hostile passphrase");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/courses/);
    await page.goto(`/join/${DEMO.joinCode}`);
    await page.getByRole("button", { name: "Join course" }).click();
    await expect(page).toHaveURL(/\/courses\/\w+/);
    await expectNothingRan(session, `course page as ${name}`);
    await session.context.close();
  }

  const instructor = await trappedPage(browser);
  await signIn(instructor.page, DEMO.instructor);
  for (const title of [picks[0]!, picks[2]!]) {
    await instructor.page.goto("/courses");
    await instructor.page.getByLabel("Course title").fill(title);
    await instructor.page.getByLabel("Term").fill("Spring 2027");
    await instructor.page.getByRole("button", { name: "Create course" }).click();
    await expect(instructor.page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expectNothingRan(instructor, `new course ${title}`);
  }
  await instructor.context.close();

  // Ada types payloads into the editor (Tiptap keeps them as text) for a note and a reply.
  const ada = await trappedPage(browser);
  await signIn(ada.page, DEMO.ada);
  await ada.page.goto(READER);
  await ada.page.getByRole("button", { name: "Discuss the whole document" }).click();
  await ada.page.getByRole("textbox", { name: "Your note" }).fill(picks[1]!);
  await ada.page.getByLabel("Who can see it").selectOption({ label: `Course: ${DEMO.course}` });
  await ada.page.getByRole("button", { name: "Save" }).click();
  await expect(ada.page.getByRole("status")).toHaveText("Annotation saved.");
  await showAllNotes(ada.page);
  const root = ada.page.locator(".annotation-card", { hasText: "Root of the hostile discussion" });
  await root.getByRole("button", { name: /Reply to this annotation/ }).click();
  await root.getByRole("textbox", { name: "Your reply" }).fill(picks[2]!);
  await root.getByRole("button", { name: "Send reply" }).click();
  // The seed's reply with the same payload, and Ada's.
  await expect(root.locator(".reply .note-body").getByText(picks[2]!, { exact: true })).toHaveCount(
    2,
  );
  await expectNothingRan(ada, "reader after Ada's typed note and reply");
  await ada.context.close();
});

test("nothing runs where the corpus is shown: reader, panel, threads, notifications, courses, roster", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const ada = await trappedPage(browser);
  await signIn(ada.page, DEMO.ada);
  await ada.page.goto(READER);
  await showAllNotes(ada.page);
  // The panel lists 50 notes at a time: show them all.
  const more = ada.page.getByRole("button", { name: /^Show \d+ more/ });
  while (await more.isVisible()) await more.click();
  const cards = ada.page.locator(".annotation-card:not(.annotation-card--loading)");
  await expect.poll(() => cards.count()).toBeGreaterThanOrEqual(xssPayloads.length);
  // The payloads are on screen as text, not dropped and not interpreted.
  await expect(
    ada.page.locator(".note-body", { hasText: "<script>alert(1)</script>" }).first(),
  ).toBeVisible();
  const root = ada.page.locator(".annotation-card", { hasText: "Root of the hostile discussion" });
  await expect
    .poll(() => root.locator(".reply").count())
    .toBeGreaterThanOrEqual(xssPayloads.length);
  await expect(
    root.locator(".reply strong", { hasText: "<img src=x onerror=alert(1)>" }),
  ).not.toHaveCount(0);
  // Hover and focus the notes, open the editor: handlers that need a user would fire now.
  for (const card of (await cards.all()).slice(0, 15)) await card.hover();
  await root.getByRole("button", { name: /Reply to this annotation/ }).click();
  await expectNothingRan(ada, "reader as Ada");
  await ada.page.screenshot({ path: "test-results/xss-reader.png" });

  await ada.page.goto("/notifications");
  await expect(ada.page.locator(".notification")).not.toHaveCount(0);
  await expectNothingRan(ada, "Ada's notifications");
  await ada.context.close();

  const instructor = await trappedPage(browser);
  await signIn(instructor.page, DEMO.instructor);
  await expect(
    instructor.page.getByRole("link", { name: "<svg onload=alert(1)>", exact: true }),
  ).toHaveCount(
    2, // one from the service, one from the form in the previous test
  );
  await expectNothingRan(instructor, "the instructor's course list");
  await instructor.page.goto(`/courses/${seed.courseId}`);
  await expect(
    instructor.page.locator(".roster td", { hasText: "<script>alert(1)</script>" }),
  ).not.toHaveCount(0);
  await expectNothingRan(instructor, "the demo course's roster");
  for (const courseId of seed.courses.slice(0, 5)) {
    await instructor.page.goto(`/courses/${courseId}`);
    await expectNothingRan(instructor, `course ${courseId}`);
  }
  // The reader with the editor open lists every course title in the audience menu.
  await instructor.page.goto(READER);
  await instructor.page.getByRole("button", { name: "Discuss the whole document" }).click();
  await expect(instructor.page.getByLabel("Who can see it").locator("option")).not.toHaveCount(0);
  await showAllNotes(instructor.page);
  await expectNothingRan(instructor, "reader as the instructor");
  await instructor.context.close();
});

test("control: a stored payload that skipped the sanitizer is caught by the trap, and blocked by the CSP", async ({
  browser,
}) => {
  const open = async (bypassCSP: boolean) => {
    const session = await trappedPage(browser, { bypassCSP });
    await signIn(session.page, DANA);
    await session.page.goto(READER);
    await showAllNotes(session.page);
    await expect(session.page.locator(".note-body", { hasText: "Control note." })).toBeVisible();
    return session;
  };

  const bare = await open(true);
  await expect
    .poll(() => bare.page.evaluate(() => (window as unknown as { __xss: string[] }).__xss))
    .toEqual(["alert(control)"]);
  expect(await domProblems(bare.page)).toEqual(["<img onerror>", "<img> in a note body"]);
  await bare.context.close();

  const guarded = await open(false);
  await expect
    .poll(() => guarded.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))
    .toContain("script-src-attr");
  expect(
    await guarded.page.evaluate(() => (window as unknown as { __xss: string[] }).__xss),
  ).toEqual([]);
  await guarded.context.close();
});
