import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { markNotificationsReadAction } from "@/app/actions/threads";
import { getViewer } from "@/lib/auth/viewer";
import { getPrisma } from "@/lib/db";
import { listNotifications } from "@/lib/threads/service";
import { NotificationList } from "./NotificationList";

export const metadata: Metadata = { title: "Notifications" };
export const dynamic = "force-dynamic";

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
        <NotificationList items={notifications} />
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
