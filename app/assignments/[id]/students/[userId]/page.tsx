import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GradeForm, ExtensionForm } from "@/components/assignments/GradeForms";
import { Progress } from "@/components/assignments/Progress";
import { assignmentResults } from "@/lib/assignments/activity";
import { formatInZone, toLocalInput } from "@/lib/format/zoned-time";
import { getAssignment } from "@/lib/assignments/service";
import { viewerTimeZone } from "@/lib/assignments/viewer-zone";
import { getPrisma } from "@/lib/db";
import { foundOr404, requirePageViewer } from "@/lib/http/page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Student's work" };

type Params = Promise<{ id: string; userId: string }>;

/** One student's work on an assignment, in context, with the rubric and their deadline. */
export default async function StudentWorkPage({ params }: { params: Params }) {
  const { id, userId } = await params;
  const viewer = await requirePageViewer(`/assignments/${id}/students/${userId}`);
  const prisma = getPrisma();
  const assignment = await foundOr404(getAssignment(prisma, viewer, id));
  if (!assignment.canManage) notFound();
  const [row] = await assignmentResults(prisma, viewer, assignment, new Date(), {
    studentId: userId,
  });
  if (!row) notFound();
  const zone = await viewerTimeZone(assignment.timeZone);
  const reader = (anchor: number) =>
    `/documents/${assignment.document.slug}?assignment=${assignment.id}&author=${row.student.id}#t-${anchor || assignment.firstAnchor || 1}`;
  return (
    <div className="assignment-page">
      <p className="eyebrow">
        <Link href={`/assignments/${assignment.id}`}>{assignment.title}</Link> · student
      </p>
      <h1>{row.student.name}</h1>
      <p className="meta">
        {row.student.email}
        {row.student.groups.length > 0 && ` · ${row.student.groups.join(", ")}`} · due{" "}
        {formatInZone(row.assessment.deadline, zone)}
        {row.extendedTo && " (extended)"}
      </p>
      <Progress rules={assignment} assessment={row.assessment} />
      <p>
        {row.assessment.words} words · {row.assessment.upvotes} upvotes received · first activity{" "}
        {row.assessment.firstActivity ? formatInZone(row.assessment.firstActivity, zone) : "—"} ·
        last {row.assessment.lastActivity ? formatInZone(row.assessment.lastActivity, zone) : "—"}
      </p>

      <section aria-labelledby="work-heading">
        <h2 id="work-heading">Work ({row.work.length})</h2>
        {row.work.length === 0 && <p>Nothing posted for this assignment yet.</p>}
        <ol className="work-list">
          {row.work.map((item) => (
            <li key={item.id}>
              <Link href={reader(item.firstAnchor)}>
                {item.kind === "annotation" ? "Annotation" : "Reply"}
                {item.firstAnchor ? ` on turn ${item.firstAnchor}` : " on the whole document"}
              </Link>{" "}
              <span className="meta">
                {formatInZone(item.createdAt, zone)} · {item.words} words · {item.upvotes} upvotes
                {item.createdAt > row.assessment.deadline && " · late"}
                {item.words < assignment.minWords && " · too short to count"}
              </span>
              <p>{item.excerpt}</p>
            </li>
          ))}
        </ol>
      </section>

      <div className="two-columns">
        <section aria-labelledby="grade-heading" className="panel">
          <h2 id="grade-heading">Rubric</h2>
          <p className="meta">
            Completion is {row.assessment.complete ? "met" : "not met"} by the rules; score ={" "}
            completion (1) + quality (0–3).
          </p>
          <GradeForm
            assignmentId={assignment.id}
            userId={row.student.id}
            quality={row.grade?.quality ?? null}
            completion={row.grade?.completion ?? null}
            comment={row.grade?.comment ?? ""}
          />
        </section>
        <section aria-labelledby="extension-heading" className="panel">
          <h2 id="extension-heading">Extension</h2>
          <ExtensionForm
            assignmentId={assignment.id}
            userId={row.student.id}
            timeZone={zone}
            dueAt={row.extendedTo ? toLocalInput(row.extendedTo, zone) : ""}
          />
        </section>
      </div>
    </div>
  );
}
