import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { markNotificationsReadAction } from "@/app/actions/threads";
import { getViewer } from "@/lib/auth/viewer";
import { getPrisma } from "@/lib/db";
import { listNotifications } from "@/lib/threads/service";

export const metadata: Metadata = { title: "Notifications" };
export const dynamic = "force-dynamic";

const WHAT: Record<string, string> = {
  reply: "replied in the discussion on",
  mention: "mentioned you in the discussion on",
  endorsement: "endorsed a note on",
  orphaned: "published a revised text; your note could no longer be placed on",
};

export default async function NotificationsPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?callbackUrl=/notifications");
  const notifications = await listNotifications(getPrisma(), viewer);
  const unread = notifications.some((item) => !item.readAt);
  return (
    <section className="narrow notifications">
      <h1>Notifications</h1>
      {notifications.length === 0 ? (
        <p>Nothing yet. Replies to your annotations will appear here.</p>
      ) : (
        <ol className="notification-list">
          {notifications.map((item) => (
            <li
              key={item.id}
              className={item.readAt ? "notification" : "notification notification--unread"}
            >
              {!item.readAt && <span className="visually-hidden">Unread: </span>}
              <strong>{item.actor.name ?? "Someone"}</strong> {WHAT[item.kind]}{" "}
              {item.annotation.quote
                ? `“${item.annotation.quote.slice(0, 60)}”`
                : "the whole document"}{" "}
              in{" "}
              <Link
                href={`/documents/${item.annotation.document.slug}#t-${item.annotation.firstAnchor}`}
              >
                {item.annotation.document.title}
              </Link>
              <span className="meta">
                {" "}
                · {item.createdAt.toISOString().slice(0, 16).replace("T", " ")}
              </span>
            </li>
          ))}
        </ol>
      )}
      {unread && (
        <form action={markNotificationsReadAction}>
          <button type="submit" className="secondary">
            Mark all as read
          </button>
        </form>
      )}
    </section>
  );
}
