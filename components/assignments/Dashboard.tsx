import Link from "next/link";
import { duplicateAssignmentAction, setAssignmentClosedAction } from "@/app/actions/assignments";
import { ActionForm } from "@/components/courses/CourseForms";
import type { StudentRow } from "@/lib/assignments/activity";
import { formatInZone } from "@/lib/format/zoned-time";
import type { Heat } from "@/lib/assignments/heat";
import { sortAndFilter, type DashboardFilter, type DashboardSort } from "@/lib/assignments/queries";
import type { AssignmentRecord } from "@/lib/assignments/service";
import { AssignmentFacts } from "./AssignmentFacts";
import { BarChart } from "./BarChart";
import { HeatStrip } from "./HeatStrip";
import { StatusBadge } from "./StatusBadge";
import { cleanDisplayName, nameWarnings } from "@/lib/text/display-names";

interface Props {
  assignment: AssignmentRecord;
  results: StudentRow[];
  heat: Heat;
  zone: string;
  now: Date;
  otherCourses: { id: string; title: string; term: string }[];
  sort: DashboardSort;
  descending: boolean;
  filter: DashboardFilter;
  notice?: string;
}

const COLUMNS: { key: DashboardSort; label: string }[] = [
  { key: "name", label: "Student" },
  { key: "annotations", label: "Annotations" },
  { key: "replies", label: "Replies" },
  { key: "words", label: "Words" },
  { key: "upvotes", label: "Upvotes" },
  { key: "last", label: "Last activity" },
];

const FILTERS: { key: DashboardFilter; label: string }[] = [
  { key: "all", label: "Everyone" },
  { key: "complete", label: "Complete" },
  { key: "late", label: "Late" },
  { key: "in-progress", label: "In progress" },
  { key: "missing", label: "Missing" },
];

/** The instructor's view of an assignment: who took part and how, and where the class read. */
export function Dashboard(props: Props) {
  const { assignment, results, heat, zone, now, sort, descending, filter } = props;
  const base = `/assignments/${assignment.id}`;
  const href = (next: { sort?: DashboardSort; dir?: string; filter?: DashboardFilter }) => {
    const query = new URLSearchParams({
      sort: next.sort ?? sort,
      dir: next.dir ?? (descending ? "desc" : "asc"),
      filter: next.filter ?? filter,
    });
    return `${base}?${query}`;
  };
  const rows = sortAndFilter(results, sort, descending, filter);
  // Names that could pass for a classmate's (look-alike letters, mixed scripts) are flagged.
  const warnings = nameWarnings(
    results.map((row) => ({ id: row.student.id, name: row.student.name })),
  );
  const count = (status: string) =>
    results.filter((row) => row.assessment.status === status).length;
  const closed = assignment.closedAt !== null;
  const readerHref = `/documents/${assignment.document.slug}?assignment=${assignment.id}${
    assignment.firstAnchor ? `#t-${assignment.firstAnchor}` : ""
  }`;

  return (
    <div className="assignment-page dashboard">
      <p className="eyebrow">
        <Link href={`/courses/${assignment.course.id}`}>{assignment.course.title}</Link> · dashboard
      </p>
      <h1>{assignment.title}</h1>
      {props.notice && (
        <p role="status" className="form-notice">
          {props.notice}
        </p>
      )}
      <AssignmentFacts assignment={assignment} zone={zone} now={now} />
      {assignment.groups.length > 0 && (
        <p className="meta">
          Set for {assignment.groups.map(({ group }) => group.name).join(", ")}.
        </p>
      )}

      <div className="toolbar">
        <Link href={readerHref} className="button-link">
          Open the reading
        </Link>
        <Link href={`${base}/edit`} className="button-link secondary">
          Edit
        </Link>
        <a href={`${base}/gradebook`} className="button-link secondary" download>
          Download gradebook (CSV)
        </a>
        <ActionForm action={setAssignmentClosedAction}>
          <input type="hidden" name="assignmentId" value={assignment.id} />
          <input type="hidden" name="closed" value={closed ? "0" : "1"} />
          <button type="submit" className="secondary">
            {closed ? "Reopen" : "Close now"}
          </button>
        </ActionForm>
      </div>
      {props.otherCourses.length > 0 && (
        <ActionForm action={duplicateAssignmentAction}>
          <input type="hidden" name="assignmentId" value={assignment.id} />
          <label htmlFor="duplicate-course">Copy to another course</label>
          <select id="duplicate-course" name="courseId" required>
            {props.otherCourses.map((course) => (
              <option key={course.id} value={course.id}>
                {course.title} ({course.term})
              </option>
            ))}
          </select>
          <button type="submit" className="secondary">
            Copy
          </button>
        </ActionForm>
      )}

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">Participation</h2>
        <p className="dashboard-figures">
          <span>
            <strong>{results.length}</strong> students
          </span>
          <span>
            <strong>{count("complete")}</strong> complete
          </span>
          <span>
            <strong>{count("late")}</strong> late
          </span>
          <span>
            <strong>{count("in-progress") + count("not-started")}</strong> not done yet
          </span>
          <span>
            <strong>{count("missing")}</strong> missing
          </span>
        </p>
      </section>

      <section aria-labelledby="heat-heading">
        <h2 id="heat-heading">Where the class wrote</h2>
        <HeatStrip heat={heat} documentSlug={assignment.document.slug} />
      </section>

      <div className="two-columns">
        <section aria-labelledby="per-student-heading">
          <h2 id="per-student-heading">Per student</h2>
          <BarChart
            description={`Annotations and replies per student: ${results
              .map(
                (row) =>
                  `${row.student.name} ${row.assessment.annotations.counted} and ${row.assessment.replies.counted}`,
              )
              .join("; ")}.`}
            rows={results.map((row) => ({
              label: row.student.name,
              annotations: row.assessment.annotations.counted,
              replies: row.assessment.replies.counted,
            }))}
          />
        </section>
        <section aria-labelledby="per-speaker-heading">
          <h2 id="per-speaker-heading">Per speaker</h2>
          {heat.speakers.length === 0 ? (
            <p>This passage has no named speakers.</p>
          ) : (
            <>
              <BarChart
                description={`Comment on each speaker's turns: ${heat.speakers
                  .map((row) => `${row.speaker} ${row.total}`)
                  .join("; ")}.`}
                rows={heat.speakers.map((row) => ({
                  label: row.speaker,
                  annotations: row.annotations,
                  replies: row.replies,
                }))}
              />
              <table className="data-table">
                <caption className="visually-hidden">Comment per speaker</caption>
                <thead>
                  <tr>
                    <th scope="col">Speaker</th>
                    <th scope="col">Turns</th>
                    <th scope="col">Annotations</th>
                    <th scope="col">Replies</th>
                  </tr>
                </thead>
                <tbody>
                  {heat.speakers.map((row) => (
                    <tr key={row.speaker}>
                      <th scope="row">{row.speaker}</th>
                      <td>{row.turns}</td>
                      <td>{row.annotations}</td>
                      <td>{row.replies}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
      </div>

      <section aria-labelledby="students-heading">
        <h2 id="students-heading">Students</h2>
        <nav aria-label="Filter students" className="filter-links">
          {FILTERS.map((option) => (
            <Link
              key={option.key}
              href={href({ filter: option.key })}
              aria-current={option.key === filter ? "true" : undefined}
            >
              {option.label}
            </Link>
          ))}
        </nav>
        <table className="data-table student-results">
          <caption className="visually-hidden">
            Each student’s work, sorted by {sort} {descending ? "descending" : "ascending"}
          </caption>
          <thead>
            <tr>
              {COLUMNS.map((column) => {
                const active = column.key === sort;
                return (
                  <th
                    key={column.key}
                    scope="col"
                    aria-sort={active ? (descending ? "descending" : "ascending") : undefined}
                  >
                    <Link
                      href={href({
                        sort: column.key,
                        dir: active && !descending ? "desc" : "asc",
                      })}
                    >
                      {column.label}
                      {active && <span aria-hidden="true">{descending ? " ▼" : " ▲"}</span>}
                    </Link>
                  </th>
                );
              })}
              <th scope="col">First activity</th>
              <th scope="col">Status</th>
              <th scope="col">Score</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={9}>No student matches this filter.</td>
              </tr>
            )}
            {rows.map((row) => {
              const a = row.assessment;
              return (
                <tr key={row.student.id}>
                  <th scope="row">
                    <Link href={`${base}/students/${row.student.id}`}>
                      {cleanDisplayName(row.student.name)}
                    </Link>{" "}
                    <span className="name-email">{row.student.email}</span>
                    {warnings.has(row.student.id) && (
                      <span className="name-warning" role="note">
                        {warnings.get(row.student.id)}
                      </span>
                    )}
                    {row.student.groups.length > 0 && (
                      <span className="meta"> · {row.student.groups.join(", ")}</span>
                    )}
                  </th>
                  <td>
                    {a.annotations.counted}/{assignment.minAnnotations}
                  </td>
                  <td>
                    {a.replies.counted}/{assignment.minReplies}
                  </td>
                  <td>{a.words}</td>
                  <td>{a.upvotes}</td>
                  <td>{a.lastActivity ? formatInZone(a.lastActivity, zone) : "—"}</td>
                  <td>{a.firstActivity ? formatInZone(a.firstActivity, zone) : "—"}</td>
                  <td>
                    <StatusBadge status={a.status} />
                    {row.extendedTo && (
                      <span className="meta">
                        {" "}
                        extended to {formatInZone(row.extendedTo, zone)}
                      </span>
                    )}
                  </td>
                  <td>{row.score === null ? "—" : `${row.score}/4`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </div>
  );
}
