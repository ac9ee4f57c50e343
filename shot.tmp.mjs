import { chromium } from "@playwright/test";
const [url, w, h, out, login] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const mobile = Number(w) < 500;
const ctx = await browser.newContext({ viewport: { width: Number(w), height: Number(h) }, isMobile: mobile, hasTouch: mobile });
const page = await ctx.newPage();
if (login) {
  await page.goto("http://localhost:3000/signin");
  await page.getByLabel("Email").fill(login);
  await page.getByLabel("Password").fill(login.startsWith("instructor") ? "seminar-instructor" : "close-reading");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
}
await page.goto(url);
await page.screenshot({ path: out });
console.log(await page.evaluate(() => document.documentElement.scrollWidth));
await browser.close();
