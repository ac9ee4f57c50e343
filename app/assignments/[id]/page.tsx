import type { Metadata } from "next";
import { Dashboard } from "@/components/assignments/Dashboard";
import { LtiAssignmentLink } from "@/components/lti/LtiLinks";
import { StudentOverview } from "@/components/assignments/StudentOverview";
import { ownProgress } from "@/lib/assignments/activity";
import {
  assignmentDashboard,
  type DashboardFilter,
  type DashboardSort,
} from "@/lib/assignments/queries";
import { getAssignment } from "@/lib/assignments/service";
import { viewerTimeZone } from "@/lib/assignments/viewer-zone";
import { getPrisma } from "@/lib/db";
import { linkedPlatformName } from "@/lib/lti/linked-platform";
import { foundOr404, requirePageViewer } from "@/lib/http/page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Assignment" };

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const SORTS: DashboardSort[] = ["name", "annotations", "replies", "words", "upvotes", "last"];
const FILTERS: DashboardFilter[] = ["all", "complete", "late", "missing", "in-progress"];
const pick = <T extends string>(value: unknown, allowed: T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

/** Instructors get the class dashboard; a student gets their own progress and the instructions. */
export default async function AssignmentPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const { id } = await params;
  const query = await searchParams;
  const viewer = await requirePageViewer(`/assignments/${id}`);
  const prisma = getPrisma();
  const assignment = await foundOr404(getAssignment(prisma, viewer, id));
  const zone = await viewerTimeZone(assignment.timeZone);
  const now = new Date();
  if (assignment.canManage) {
    const data = await assignmentDashboard(prisma, viewer, assignment, now);
    const teaching = [...viewer.courses]
      .filter(([courseId, role]) => role === "instructor" && courseId !== assignment.courseId)
      .map(([courseId]) => courseId);
    const otherCourses = await prisma.course.findMany({
      where: { id: { in: teaching } },
      orderBy: { title: "asc" },
      select: { id: true, title: true, term: true },
    });
    return (
      <>
        <Dashboard
          {...data}
          zone={zone}
          now={now}
          otherCourses={otherCourses}
          sort={pick(query.sort, SORTS, "name")}
          descending={query.dir === "desc"}
          filter={pick(query.filter, FILTERS, "all")}
          notice={
            query.created ? "Assignment created." : query.saved ? "Changes saved." : undefined
          }
        />
        <LtiAssignmentLink
          assignmentId={assignment.id}
          platform={await linkedPlatformName(prisma, assignment.courseId)}
        />
      </>
    );
  }
  const progress = await ownProgress(prisma, viewer, assignment, now);
  return <StudentOverview assignment={assignment} progress={progress} zone={zone} now={now} />;
}
