import Link from "next/link";
import type { ownProgress } from "@/lib/assignments/activity";
import { formatInZone } from "@/lib/format/zoned-time";
import type { AssignmentRecord } from "@/lib/assignments/service";
import { AssignmentFacts } from "./AssignmentFacts";
import { Progress } from "./Progress";

interface Props {
  assignment: AssignmentRecord;
  progress: Awaited<ReturnType<typeof ownProgress>>;
  zone: string;
  now: Date;
}

/** What a student sees of an assignment: the task, their own progress and their own grade. */
export function StudentOverview({ assignment, progress, zone, now }: Props) {
  const readerHref = `/documents/${assignment.document.slug}?assignment=${assignment.id}${
    assignment.firstAnchor ? `#t-${assignment.firstAnchor}` : ""
  }`;
  return (
    <div className="assignment-page">
      <p className="eyebrow">
        <Link href={`/courses/${assignment.course.id}`}>{assignment.course.title}</Link> ·{" "}
        <Link href="/assignments">My assignments</Link>
      </p>
      <h1>{assignment.title}</h1>
      <AssignmentFacts
        assignment={assignment}
        zone={zone}
        now={now}
        extendedTo={progress?.extendedTo}
      />
      <p>
        <Link href={readerHref} className="button-link">
          Open the reading
        </Link>
      </p>
      {assignment.instructionsHtml && (
        <section aria-labelledby="instructions-heading" className="panel">
          <h2 id="instructions-heading">Instructions</h2>
          <div
            className="note-body"
            // Rendered and sanitized on the server when saved (lib/richtext/body.ts).
            dangerouslySetInnerHTML={{ __html: assignment.instructionsHtml }}
          />
        </section>
      )}
      {progress && (
        <section aria-labelledby="progress-heading">
          <h2 id="progress-heading">Your progress</h2>
          <Progress rules={assignment} assessment={progress.assessment} />
          {progress.work.length > 0 && (
            <ul className="work-list">
              {progress.work.map((item) => (
                <li key={item.id}>
                  <Link
                    href={`/documents/${assignment.document.slug}?assignment=${assignment.id}#t-${item.firstAnchor || assignment.firstAnchor || 1}`}
                  >
                    {item.kind === "annotation" ? "Annotation" : "Reply"}
                  </Link>{" "}
                  <span className="meta">
                    {formatInZone(item.createdAt, zone)} · {item.words} words
                    {item.createdAt > progress.assessment.deadline && " · late"}
                  </span>
                  <p>{item.excerpt}</p>
                </li>
              ))}
            </ul>
          )}
          {progress.grade && (progress.grade.quality !== null || progress.grade.comment) && (
            <div className="panel">
              <h3>Your grade</h3>
              {progress.grade.quality !== null && (
                <p>
                  Quality: <strong>{progress.grade.quality} of 3</strong>
                </p>
              )}
              {progress.grade.comment && <p className="grade-comment">{progress.grade.comment}</p>}
            </div>
          )}
        </section>
      )}
    </div>
  );
}
