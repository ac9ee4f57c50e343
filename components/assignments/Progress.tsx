import type { Assessment, AssignmentRules } from "@/lib/assignments/rules";
import { StatusBadge } from "./StatusBadge";

/** Progress toward the minimums, in words ("1 of 2 annotations"), with the standing. */
export function Progress({
  rules,
  assessment,
}: {
  rules: AssignmentRules;
  assessment: Assessment;
}) {
  const line = (done: number, needed: number, one: string, many: string, short: number) => (
    <li>
      <strong>
        {done} of {needed}
      </strong>{" "}
      {needed === 1 ? one : many}
      {short > 0 && (
        <span className="meta">
          {" "}
          ({short} too short to count: under {rules.minWords} words)
        </span>
      )}
      {done >= needed && <span className="visually-hidden"> (done)</span>}
    </li>
  );
  return (
    <div className="assignment-progress">
      <p>
        <StatusBadge status={assessment.status} />
        {assessment.annotations.late + assessment.replies.late > 0 && (
          <span className="meta">
            {" "}
            {assessment.annotations.late + assessment.replies.late} posted after the deadline
          </span>
        )}
      </p>
      <ul>
        {line(
          assessment.annotations.counted,
          rules.minAnnotations,
          "annotation",
          "annotations",
          assessment.annotations.tooShort,
        )}
        {line(
          assessment.replies.counted,
          rules.minReplies,
          "reply",
          "replies",
          assessment.replies.tooShort,
        )}
      </ul>
    </div>
  );
}
