import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/SiteHeader";
import { TimeZoneCookie } from "@/components/TimeZoneCookie";
import "./globals.css";
import "./styles/first-minute.css";
import "./styles/lti.css";
import "./styles/reading.css";
import "./styles/upload.css";
import "./styles/security.css";
import "./styles/historian.css";
import "./styles/links.css";

export const metadata: Metadata = {
  title: { default: "Memcon", template: "%s · Memcon" },
  description: "Close reading of historical diplomatic conversations, turn by turn.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <TimeZoneCookie />
      </body>
    </html>
  );
}
