import Link from "next/link";
import { passageLabel } from "@/components/assignments/AssignmentFacts";
import type { courseAssignments } from "@/lib/assignments/queries";
import { formatInZone } from "@/lib/format/zoned-time";

type CourseAssignment = Awaited<ReturnType<typeof courseAssignments>>[number];

/** The course's assignments with their due dates in the reader's zone; instructors may add one. */
export function CourseAssignments({
  courseId,
  canManage,
  assignments,
  zone,
}: {
  courseId: string;
  canManage: boolean;
  assignments: CourseAssignment[];
  zone: string;
}) {
  return (
    <section aria-labelledby="assignments-heading">
      <h2 id="assignments-heading">Assignments</h2>
      {assignments.length === 0 && <p>No assignments yet.</p>}
      <ul className="assignment-list">
        {assignments.map((assignment) => (
          <li key={assignment.id}>
            <Link href={`/assignments/${assignment.id}`}>{assignment.title}</Link>{" "}
            <span className="meta">
              {assignment.document.title}, {passageLabel(assignment)} · due{" "}
              {formatInZone(assignment.dueAt, zone)}
              {assignment.closedAt && " · closed"}
            </span>
          </li>
        ))}
      </ul>
      {canManage && (
        <p>
          <Link href={`/courses/${courseId}/assignments/new`} className="button-link">
            New assignment
          </Link>{" "}
          <Link href={`/courses/${courseId}/audit`}>Audit log</Link>
        </p>
      )}
    </section>
  );
}
