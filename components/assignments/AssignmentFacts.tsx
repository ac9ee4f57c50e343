import Link from "next/link";
import { formatInZone, relativeTo } from "@/lib/format/zoned-time";

// The facts of an assignment every view shows: what to read, when, and the rules.

interface Props {
  assignment: {
    title: string;
    opensAt: Date;
    dueAt: Date;
    closedAt: Date | null;
    timeZone: string;
    firstAnchor: number | null;
    lastAnchor: number | null;
    minAnnotations: number;
    minReplies: number;
    minWords: number;
    hideUntilPosted: boolean;
    document: { slug: string; title: string };
  };
  zone: string;
  now: Date;
  /** A student's own deadline (an extension), when it differs from the assignment's. */
  extendedTo?: Date | null;
}

export function passageLabel(assignment: {
  firstAnchor: number | null;
  lastAnchor: number | null;
}) {
  const { firstAnchor, lastAnchor } = assignment;
  if (firstAnchor === null || lastAnchor === null) return "the whole document";
  return firstAnchor === lastAnchor ? `turn ${firstAnchor}` : `turns ${firstAnchor}–${lastAnchor}`;
}

export function rulesSummary(rules: {
  minAnnotations: number;
  minReplies: number;
  minWords: number;
}) {
  const parts = [
    rules.minAnnotations > 0 &&
      `${rules.minAnnotations} annotation${rules.minAnnotations === 1 ? "" : "s"}`,
    rules.minReplies > 0 && `${rules.minReplies} repl${rules.minReplies === 1 ? "y" : "ies"}`,
  ].filter(Boolean);
  const what = parts.length ? `At least ${parts.join(" and ")}` : "No minimum";
  return rules.minWords > 0 ? `${what}, each of ${rules.minWords} words or more` : what;
}

export function AssignmentFacts({ assignment, zone, now, extendedTo }: Props) {
  const closedEarly = assignment.closedAt !== null && assignment.closedAt < assignment.dueAt;
  return (
    <dl className="assignment-facts">
      <dt>Read</dt>
      <dd>
        <Link
          href={`/documents/${assignment.document.slug}${
            assignment.firstAnchor ? `#t-${assignment.firstAnchor}` : ""
          }`}
        >
          {assignment.document.title}
        </Link>
        , {passageLabel(assignment)}
      </dd>
      <dt>Opens</dt>
      <dd>{formatInZone(assignment.opensAt, zone)}</dd>
      <dt>Due</dt>
      <dd>
        <time dateTime={assignment.dueAt.toISOString()}>
          {formatInZone(assignment.dueAt, zone)}
        </time>{" "}
        <span className="meta">({relativeTo(assignment.dueAt, now)})</span>
        {closedEarly && (
          <>
            {" "}
            <strong>closed early on {formatInZone(assignment.closedAt!, zone)}</strong>
          </>
        )}
      </dd>
      {extendedTo && (
        <>
          <dt>Your extension</dt>
          <dd>
            <time dateTime={extendedTo.toISOString()}>{formatInZone(extendedTo, zone)}</time>
          </dd>
        </>
      )}
      <dt>Asked</dt>
      <dd>
        {rulesSummary(assignment)}
        {assignment.hideUntilPosted && (
          <>. Classmates’ annotations stay hidden until you have posted your own.</>
        )}
      </dd>
    </dl>
  );
}
