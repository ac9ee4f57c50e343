import Link from "next/link";
import type { readerAssignment } from "@/lib/assignments/queries";
import { formatInZone } from "@/lib/format/zoned-time";
import { passageLabel, rulesSummary } from "./AssignmentFacts";
import { Progress } from "./Progress";

type Data = NonNullable<Awaited<ReturnType<typeof readerAssignment>>>;

/** The assignment pinned at the top of the reader's panel: the task, the deadline, progress. */
export function ReaderAssignment({ data, zone }: { data: Data; zone: string }) {
  const { assignment, progress } = data;
  const deadline = progress?.assessment.deadline ?? assignment.dueAt;
  return (
    <section className="reader-assignment" aria-labelledby="reader-assignment-heading">
      <p className="eyebrow">Assignment · {assignment.course.title}</p>
      <h3 id="reader-assignment-heading">
        <Link href={`/assignments/${assignment.id}`}>{assignment.title}</Link>
      </h3>
      <p className="meta">
        {passageLabel(assignment)} · due{" "}
        <time dateTime={deadline.toISOString()}>{formatInZone(deadline, zone)}</time>
        {progress?.extendedTo && " (your extension)"}
      </p>
      <p className="meta">{rulesSummary(assignment)}. Notes shared with the course count.</p>
      {progress && <Progress rules={assignment} assessment={progress.assessment} />}
      {/* Folded, so the notes stay in view: the task is one click away. */}
      {assignment.instructionsHtml && (
        <details>
          <summary>Instructions</summary>
          <div
            className="note-body"
            // Sanitized on the server when saved (lib/richtext/body.ts).
            dangerouslySetInnerHTML={{ __html: assignment.instructionsHtml }}
          />
        </details>
      )}
    </section>
  );
}
