import type { Metadata } from "next";
import Link from "next/link";
import { passageLabel } from "@/components/assignments/AssignmentFacts";
import { StatusBadge } from "@/components/assignments/StatusBadge";
import { formatInZone, relativeTo } from "@/lib/format/zoned-time";
import { myAssignments } from "@/lib/assignments/queries";
import { viewerTimeZone } from "@/lib/assignments/viewer-zone";
import { getPrisma } from "@/lib/db";
import { requirePageViewer } from "@/lib/http/page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "My assignments" };

export default async function MyAssignmentsPage() {
  const viewer = await requirePageViewer("/assignments");
  const now = new Date();
  const { toDo, taught } = await myAssignments(getPrisma(), viewer, now);
  const zone = await viewerTimeZone("UTC");
  return (
    <div className="assignments">
      <h1>My assignments</h1>
      {toDo.length === 0 && taught.length === 0 && (
        <p>
          No assignments yet. They appear here when an instructor sets one in one of your{" "}
          <Link href="/courses">courses</Link>.
        </p>
      )}
      {toDo.length > 0 && (
        <section aria-labelledby="todo-heading">
          <h2 id="todo-heading">To do</h2>
          <ul className="assignment-list">
            {toDo.map(({ assignment, progress }) => {
              const deadline = progress?.assessment.deadline ?? assignment.dueAt;
              const a = progress?.assessment;
              return (
                <li key={assignment.id} className="assignment-card">
                  <h3>
                    <Link href={`/assignments/${assignment.id}`}>{assignment.title}</Link>
                  </h3>
                  <p className="meta">
                    {assignment.course.title} · {assignment.document.title},{" "}
                    {passageLabel(assignment)}
                  </p>
                  <p>
                    Due{" "}
                    <time dateTime={deadline.toISOString()}>{formatInZone(deadline, zone)}</time>{" "}
                    <span className="meta">({relativeTo(deadline, now)})</span>
                    {progress?.extendedTo && <span className="meta"> · extended for you</span>}
                  </p>
                  {a && (
                    <p>
                      <StatusBadge status={a.status} /> {a.annotations.counted} of{" "}
                      {assignment.minAnnotations} annotations · {a.replies.counted} of{" "}
                      {assignment.minReplies} replies
                    </p>
                  )}
                  <p>
                    <Link
                      href={`/documents/${assignment.document.slug}?assignment=${assignment.id}${
                        assignment.firstAnchor ? `#t-${assignment.firstAnchor}` : ""
                      }`}
                    >
                      Open the reading
                    </Link>
                  </p>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {taught.length > 0 && (
        <section aria-labelledby="taught-heading">
          <h2 id="taught-heading">Set by you</h2>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Assignment</th>
                <th scope="col">Course</th>
                <th scope="col">Due</th>
                <th scope="col">Complete</th>
                <th scope="col">Late</th>
              </tr>
            </thead>
            <tbody>
              {taught.map(({ assignment, students, done, late }) => (
                <tr key={assignment.id}>
                  <th scope="row">
                    <Link href={`/assignments/${assignment.id}`}>{assignment.title}</Link>
                  </th>
                  <td>{assignment.course.title}</td>
                  <td>{formatInZone(assignment.dueAt, zone)}</td>
                  <td>
                    {done} of {students}
                  </td>
                  <td>{late}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
