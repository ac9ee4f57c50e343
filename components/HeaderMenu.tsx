"use client";

import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";

/**
 * The site's links: a row on a wide screen; behind a "Menu" button on a narrow one (the button
 * shows the unread count, so a phone user still sees that someone answered).
 */
export function HeaderMenu({ unread, children }: { unread: number; children: ReactNode }) {
  const pathname = usePathname();
  // Open on the page where it was opened: following a link closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  return (
    <>
      <button
        type="button"
        className="menu-toggle secondary"
        aria-expanded={open}
        aria-controls="site-nav"
        aria-label={unread ? `Menu, ${unread} unread notifications` : "Menu"}
        onClick={() => setOpenOn(open ? null : pathname)}
      >
        Menu
        {unread > 0 && (
          <span className="unread-badge" aria-hidden="true">
            {unread}
          </span>
        )}
      </button>
      <nav
        id="site-nav"
        aria-label="Site"
        className="account-nav"
        data-open={open ? "true" : undefined}
      >
        {children}
      </nav>
    </>
  );
}
