import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/SiteHeader";
import { TimeZoneCookie } from "@/components/TimeZoneCookie";
import { getSessionUser, getViewer } from "@/lib/auth/viewer";
import { getPrisma } from "@/lib/db";
import { unreadCount } from "@/lib/threads/service";
// Stylesheets in cascade order: the tokens, the page, then each area (ARCHITECTURE.md).
import "./styles/tokens.css";
import "./styles/base.css";
import "./styles/library.css";
import "./styles/reader.css";
import "./styles/site.css";
import "./styles/annotations.css";
import "./styles/assignments.css";
import "./styles/first-minute.css";
import "./styles/lti.css";
import "./styles/reading.css";
import "./styles/upload.css";
import "./styles/security.css";
import "./styles/historian.css";
import "./styles/people.css";
import "./styles/links.css";

export const metadata: Metadata = {
  title: { default: "Memcon", template: "%s · Memcon" },
  description: "Close reading of historical diplomatic conversations, turn by turn.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  const viewer = user ? await getViewer() : null;
  const unread = viewer ? await unreadCount(getPrisma(), viewer) : 0;
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader user={user} unread={unread} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <TimeZoneCookie />
      </body>
    </html>
  );
}
