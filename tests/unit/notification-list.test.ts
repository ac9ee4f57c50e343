import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NotificationList, type NotificationItem } from "@/app/notifications/NotificationList";

// The notifications page's list as the browser receives it.

const QUOTE =
  "Ishibashi said that, as a private citizen, he had come to China to find the way to a better relationship between the two peoples, whatever their governments did.";

const item = (id: string, readAt: Date | null, quote = QUOTE): NotificationItem => ({
  id,
  kind: "reply",
  readAt,
  createdAt: new Date("2026-12-01T09:30:00Z"),
  actor: { name: "Ben Okafor" },
  annotation: {
    quote,
    firstAnchor: 12,
    document: { slug: "1959-09-14-liao-ishibashi-third-conversation", title: "Third conversation" },
  },
});

const render = (items: NotificationItem[]) =>
  renderToStaticMarkup(createElement(NotificationList, { items }));
const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&quot;/g, '"');

describe("NotificationList", () => {
  it("says 'unread' once, in a heading, however many notifications are unread", () => {
    const html = render([item("1", null), item("2", null), item("3", null), item("4", new Date())]);
    expect(text(html).match(/unread/gi)).toHaveLength(1);
    expect(html).toMatch(/<h2 id="notifications-new">New <span[^>]*>\(3 unread\)<\/span><\/h2>/);
    expect(html).toContain('<h2 id="notifications-earlier">Earlier</h2>');
    // The three new ones are in the first list, marked for the eye; the read one is in the second.
    const [fresh, earlier] = html.split('<h2 id="notifications-earlier">');
    expect(fresh!.match(/notification notification--unread/g)).toHaveLength(3);
    expect(earlier).not.toContain("notification--unread");
  });

  it("shows a meaningful excerpt of the passage, cut at a word", () => {
    const shown =
      render([item("1", null)]).match(/<span class="notification__quote">“([^<]*)”<\/span>/)?.[1] ??
      "";
    expect(shown.endsWith("…")).toBe(true);
    expect(shown.length).toBeGreaterThan(100);
    expect(shown.length).toBeLessThanOrEqual(120);
    expect(QUOTE.startsWith(shown.slice(0, -1))).toBe(true);
    expect(QUOTE[shown.length - 1]).toMatch(/[\s,]/);
  });

  it("shows a short quote whole, and a whole-document discussion by name", () => {
    const html = render([item("1", new Date(), "as a private citizen"), item("2", null, "")]);
    expect(html).toContain('<span class="notification__quote">“as a private citizen”</span>');
    expect(text(html)).toContain(
      "replied in the discussion on the whole document in Third conversation",
    );
    expect(html).toContain('href="/documents/1959-09-14-liao-ishibashi-third-conversation#t-12"');
  });

  it("has no 'unread' heading when everything is read", () => {
    const html = render([item("1", new Date())]);
    expect(text(html)).not.toMatch(/unread/i);
    expect(html).toContain("All read");
  });
});
