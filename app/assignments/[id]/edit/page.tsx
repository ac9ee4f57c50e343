import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AssignmentForm } from "@/components/assignments/AssignmentForm";
import { timeZoneNames, toLocalInput } from "@/lib/format/zoned-time";
import { assignmentFormOptions } from "@/lib/assignments/form";
import { getAssignment } from "@/lib/assignments/service";
import { getPrisma } from "@/lib/db";
import { foundOr404, requirePageViewer } from "@/lib/http/page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit assignment" };

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function EditAssignmentPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const { id } = await params;
  const viewer = await requirePageViewer(`/assignments/${id}/edit`);
  const assignment = await foundOr404(getAssignment(getPrisma(), viewer, id));
  if (!assignment.canManage) notFound();
  const options = await foundOr404(assignmentFormOptions(getPrisma(), viewer, assignment.courseId));
  const zone = assignment.timeZone;
  const copied = (await searchParams).copied;
  return (
    <div className="assignment-edit">
      <p className="eyebrow">
        <Link href={`/courses/${options.course.id}`}>{options.course.title}</Link> ·{" "}
        <Link href={`/assignments/${assignment.id}`}>{assignment.title}</Link>
      </p>
      <h1>Edit assignment</h1>
      {copied && (
        <p role="status" className="form-notice">
          Copied into {options.course.title}. Check the dates and groups, then save.
        </p>
      )}
      <AssignmentForm
        mode={{ kind: "edit", assignmentId: assignment.id }}
        documents={options.documents}
        groups={options.groups}
        timeZones={timeZoneNames()}
        initial={{
          title: assignment.title,
          documentSlug: assignment.document.slug,
          passageFrom: assignment.firstAnchor?.toString() ?? "",
          passageTo: assignment.lastAnchor?.toString() ?? "",
          timeZone: zone,
          opensAt: toLocalInput(assignment.opensAt, zone),
          dueAt: toLocalInput(assignment.dueAt, zone),
          minAnnotations: String(assignment.minAnnotations),
          minReplies: String(assignment.minReplies),
          minWords: String(assignment.minWords),
          hideUntilPosted: assignment.hideUntilPosted,
          groupIds: assignment.groupIds,
          instructions: assignment.instructions,
        }}
      />
    </div>
  );
}
