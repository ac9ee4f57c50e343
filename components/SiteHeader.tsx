import Link from "next/link";
import { signOutAction } from "@/app/actions/auth";
import { HeaderMenu } from "./HeaderMenu";

export interface HeaderUser {
  name: string | null;
  email: string | null;
  siteRole: string;
}

/** The site's header; the layout loads who is signed in and their unread count. */
export function SiteHeader({ user, unread }: { user: HeaderUser | null; unread: number }) {
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        Memcon
      </Link>
      <span className="tagline">memoranda of conversation, read closely</span>
      <HeaderMenu unread={unread}>
        <Link href="/">Library</Link>
        {user ? (
          <>
            <Link href="/courses">Courses</Link>
            <Link href="/assignments">Assignments</Link>
            <Link
              href="/notifications"
              aria-label={unread ? `Notifications, ${unread} unread` : "Notifications"}
            >
              Notifications
              {unread > 0 && (
                <span className="unread-badge" aria-hidden="true">
                  {unread}
                </span>
              )}
            </Link>
            {user.siteRole === "admin" && <Link href="/admin">Admin</Link>}
            <Link href="/account" className="user-name">
              {user.name ?? user.email}
            </Link>
            <form action={signOutAction}>
              <button type="submit" className="link-button">
                Sign out
              </button>
            </form>
          </>
        ) : (
          <>
            <Link href="/signin">Sign in</Link>
            <Link href="/signup">Create account</Link>
          </>
        )}
      </HeaderMenu>
    </header>
  );
}
