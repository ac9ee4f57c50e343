import type { Metadata } from "next";
import Link from "next/link";
import { releaseGradesAction, retryScoresAction } from "@/app/actions/lti-course";
import { ActionForm } from "@/components/courses/CourseForms";
import { STATUS_LABELS } from "@/lib/assignments/rules";
import { getPrisma } from "@/lib/db";
import { gradeSyncStatus } from "@/lib/lti/grades";
import { foundOr404, requirePageViewer } from "@/lib/http/page";

export const metadata: Metadata = { title: "Grades in the learning platform" };
export const dynamic = "force-dynamic";

const SYNC_LABELS: Record<string, string> = {
  pending: "waiting to be sent",
  sent: "sent",
  failed: "failed",
};

/** Release an assignment's grades to the linked platform (AGS) and see how each one went. */
export default async function AssignmentLtiPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requirePageViewer(`/assignments/${id}/lti`);
  const status = await foundOr404(gradeSyncStatus(getPrisma(), viewer, id));
  const failed = status.students.some((student) => student.sync?.status === "failed");
  return (
    <section>
      <p>
        <Link href={`/assignments/${id}`}>Back to the assignment</Link>
      </p>
      <h1>
        Grades of “{status.assignment.title}” in {status.platform}
      </h1>
      <p>
        Releasing sends each graded student&apos;s score (completion + quality, out of 4) and
        progress to the platform&apos;s gradebook. Students without a quality mark are not sent yet.
      </p>
      <div className="lti-actions">
        <ActionForm action={releaseGradesAction}>
          <input type="hidden" name="assignmentId" value={id} />
          <button type="submit">Release grades to {status.platform}</button>
        </ActionForm>
        {failed && (
          <ActionForm action={retryScoresAction}>
            <input type="hidden" name="assignmentId" value={id} />
            <button type="submit" className="secondary">
              Retry the failed ones
            </button>
          </ActionForm>
        )}
      </div>
      <table className="roster">
        <caption className="visually-hidden">Each student&apos;s grade and its delivery</caption>
        <thead>
          <tr>
            <th scope="col">Student</th>
            <th scope="col">Standing</th>
            <th scope="col">Score</th>
            <th scope="col">In {status.platform}</th>
          </tr>
        </thead>
        <tbody>
          {status.students.map((student) => (
            <tr key={student.id}>
              <td>{student.name}</td>
              <td>{STATUS_LABELS[student.standing]}</td>
              <td>{student.score === null ? "not graded" : `${student.score} / 4`}</td>
              <td className={`lti-sync-status ${student.sync?.status ?? "none"}`}>
                {student.sync
                  ? `${SYNC_LABELS[student.sync.status] ?? student.sync.status}${
                      student.sync.status === "failed" && student.sync.lastError
                        ? `: ${student.sync.lastError} (${student.sync.attempts} attempts)`
                        : ""
                    }`
                  : "not released"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
