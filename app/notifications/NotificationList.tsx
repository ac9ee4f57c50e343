import Link from "next/link";
import { excerpt } from "@/lib/text/excerpt";

// The notifications as two lists under headings, "New" and "Earlier": a screen reader hears
// "unread" once, in the heading, instead of before every item, and sighted readers see the new
// ones first with a bar beside them.

export interface NotificationItem {
  id: string;
  kind: string;
  readAt: Date | null;
  createdAt: Date;
  actor: { name: string | null };
  annotation: { quote: string; firstAnchor: number; document: { slug: string; title: string } };
}

const WHAT: Record<string, string> = {
  reply: "replied in the discussion on",
  mention: "mentioned you in the discussion on",
  endorsement: "endorsed a note on",
  orphaned: "published a revised text; your note could no longer be placed on",
};

/** Characters of the annotated passage shown: a sentence or two, cut at a word. */
export const QUOTE_LENGTH = 120;

function Item({ item }: { item: NotificationItem }) {
  const { annotation } = item;
  const when = item.createdAt.toISOString();
  return (
    <li className={item.readAt ? "notification" : "notification notification--unread"}>
      <strong>{item.actor.name ?? "Someone"}</strong> {WHAT[item.kind] ?? "wrote about"}{" "}
      {annotation.quote ? (
        <span className="notification__quote">“{excerpt(annotation.quote, QUOTE_LENGTH)}”</span>
      ) : (
        "the whole document"
      )}{" "}
      in{" "}
      <Link href={`/documents/${annotation.document.slug}#t-${annotation.firstAnchor}`}>
        {annotation.document.title}
      </Link>
      <span className="meta">
        {" · "}
        <time dateTime={when}>{when.slice(0, 16).replace("T", " ")} UTC</time>
      </span>
    </li>
  );
}

export function NotificationList({ items }: { items: readonly NotificationItem[] }) {
  const unread = items.filter((item) => !item.readAt);
  const read = items.filter((item) => item.readAt);
  return (
    <>
      {unread.length > 0 && (
        <section aria-labelledby="notifications-new">
          <h2 id="notifications-new">
            New <span className="unread-count">({unread.length} unread)</span>
          </h2>
          <ol className="notification-list">
            {unread.map((item) => (
              <Item key={item.id} item={item} />
            ))}
          </ol>
        </section>
      )}
      {read.length > 0 && (
        <section aria-labelledby="notifications-earlier">
          <h2 id="notifications-earlier">{unread.length > 0 ? "Earlier" : "All read"}</h2>
          <ol className="notification-list">
            {read.map((item) => (
              <Item key={item.id} item={item} />
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
