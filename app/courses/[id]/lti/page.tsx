import type { Metadata } from "next";
import Link from "next/link";
import { syncRosterAction } from "@/app/actions/lti-course";
import { ActionForm } from "@/components/courses/CourseForms";
import { getPrisma } from "@/lib/db";
import { ltiCourseStatus } from "@/lib/lti/roster";
import { foundOr404, requirePageViewer } from "@/lib/http/page";

export const metadata: Metadata = { title: "Learning platform" };
export const dynamic = "force-dynamic";

const when = (date: Date | null) =>
  date ? `${date.toISOString().slice(0, 16).replace("T", " ")} UTC` : "never";

/** A linked course's roster as the learning platform gives it (NRPS), for its instructors. */
export default async function CourseLtiPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requirePageViewer(`/courses/${id}/lti`);
  const status = await foundOr404(ltiCourseStatus(getPrisma(), viewer, id));
  const active = status.roster.filter((entry) => entry.status === "active");
  const dropped = status.roster.filter((entry) => entry.status === "dropped");
  return (
    <section>
      <p>
        <Link href={`/courses/${id}`}>Back to the course</Link>
      </p>
      <h1>
        {status.contextTitle} on {status.platform}
      </h1>
      <p>
        Last roster synchronisation: {when(status.lastRosterSyncAt)}. An instructor&apos;s launch
        synchronises it when it is more than ten minutes old.
      </p>
      {status.canSyncRoster && (
        <ActionForm action={syncRosterAction}>
          <input type="hidden" name="courseId" value={id} />
          <button type="submit">Sync the roster now</button>
        </ActionForm>
      )}
      <h2>On the platform&apos;s roster ({active.length})</h2>
      <ul>
        {active.map((entry) => (
          <li key={entry.userId}>{entry.user?.name ?? entry.user?.email ?? "Unnamed"}</li>
        ))}
      </ul>
      {dropped.length > 0 && (
        <>
          <h2>Dropped ({dropped.length})</h2>
          <p>No longer on the platform&apos;s roster; their work is kept.</p>
          <ul>
            {dropped.map((entry) => (
              <li key={entry.userId}>
                {entry.user?.name ?? entry.user?.email ?? "Unnamed"} (dropped{" "}
                {when(entry.droppedAt)})
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
