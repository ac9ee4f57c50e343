import Link from "next/link";
import { signOutAction } from "@/app/actions/auth";
import { getSessionUser } from "@/lib/auth/viewer";

export async function SiteHeader() {
  const user = await getSessionUser();
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        Memcon
      </Link>
      <span className="tagline">memoranda of conversation, read closely</span>
      <nav aria-label="Account" className="account-nav">
        <Link href="/">Library</Link>
        {user ? (
          <>
            <Link href="/courses">Courses</Link>
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
      </nav>
    </header>
  );
}
