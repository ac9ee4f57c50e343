import type { Metadata } from "next";
import Link from "next/link";
import { AssignmentForm } from "@/components/assignments/AssignmentForm";
import { timeZoneNames, toLocalInput } from "@/lib/format/zoned-time";
import { assignmentFormOptions } from "@/lib/assignments/form";
import { viewerTimeZone } from "@/lib/assignments/viewer-zone";
import { getPrisma } from "@/lib/db";
import { emptyBody } from "@/lib/richtext/body";
import { foundOr404, requirePageViewer } from "@/lib/http/page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New assignment" };

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Opens at the next full hour; due a week later at 17:00, on the instructor's clock. */
function defaultDates(zone: string, now = new Date()) {
  const opens = new Date(Math.ceil(now.getTime() / 3_600_000) * 3_600_000);
  const due = toLocalInput(new Date(opens.getTime() + 7 * 86_400_000), zone).slice(0, 10);
  return { opensAt: toLocalInput(opens, zone), dueAt: `${due}T17:00` };
}

export default async function NewAssignmentPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const { id } = await params;
  const viewer = await requirePageViewer(`/courses/${id}/assignments/new`);
  const options = await foundOr404(assignmentFormOptions(getPrisma(), viewer, id));
  // "Make an assignment on this passage" in the reader arrives with the document and its turns.
  const query = await searchParams;
  const document = query.document;
  const turnNumber = (value: unknown) =>
    typeof value === "string" && /^[1-9][0-9]{0,6}$/.test(value) ? value : "";
  const zone = await viewerTimeZone("UTC");
  return (
    <div className="assignment-edit">
      <p className="eyebrow">
        <Link href={`/courses/${options.course.id}`}>{options.course.title}</Link>
      </p>
      <h1>New assignment</h1>
      <AssignmentForm
        mode={{ kind: "create", courseId: options.course.id }}
        documents={options.documents}
        groups={options.groups}
        timeZones={timeZoneNames()}
        initial={{
          title: "",
          documentSlug: typeof document === "string" ? document : "",
          passageFrom: turnNumber(query.from),
          passageTo: turnNumber(query.to),
          timeZone: zone,
          ...defaultDates(zone),
          minAnnotations: "2",
          minReplies: "1",
          minWords: "20",
          hideUntilPosted: false,
          groupIds: [],
          instructions: emptyBody(),
        }}
      />
    </div>
  );
}
