import type { Metadata } from "next";
import Link from "next/link";
import { formatInZone } from "@/lib/format/zoned-time";
import { viewerTimeZone } from "@/lib/assignments/viewer-zone";
import { listAuditEntries } from "@/lib/audit/log";
import { getPrisma } from "@/lib/db";
import { foundOr404, requirePageViewer } from "@/lib/http/page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

type Params = Promise<{ id: string }>;

/** What the course's instructors did: hiding notes, grading, extensions, removing members. */
export default async function AuditLogPage({ params }: { params: Params }) {
  const { id } = await params;
  const viewer = await requirePageViewer(`/courses/${id}/audit`);
  const entries = await foundOr404(listAuditEntries(getPrisma(), viewer, id));
  const zone = await viewerTimeZone("UTC");
  return (
    <div>
      <p className="eyebrow">
        <Link href={`/courses/${id}`}>Course</Link>
      </p>
      <h1>Audit log</h1>
      <p className="meta">The latest {entries.length} instructor actions in this course.</p>
      {entries.length === 0 ? (
        <p>Nothing recorded yet.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{formatInZone(entry.at, zone)}</td>
                <td>{entry.actor?.name ?? entry.actor?.email ?? "a deleted account"}</td>
                <td>{entry.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
