import type { Metadata } from "next";
import { headers } from "next/headers";
import { CourseAssignments } from "@/components/courses/CourseAssignments";
import { CourseReadings } from "@/components/courses/CourseReadings";
import { InviteStudents } from "@/components/courses/InviteStudents";
import { ReadingGroups } from "@/components/courses/ReadingGroups";
import { Roster } from "@/components/courses/Roster";
import { LtiCourseLink } from "@/components/lti/LtiLinks";
import { ExportMenu } from "@/components/reader/ExportMenu";
import { courseAssignments } from "@/lib/assignments/queries";
import { viewerTimeZone } from "@/lib/assignments/viewer-zone";
import { getCourse } from "@/lib/courses/service";
import { getPrisma } from "@/lib/db";
import { foundOr404, requirePageViewer } from "@/lib/http/page";
import { linkedPlatformName } from "@/lib/lti/linked-platform";
import { nameWarnings } from "@/lib/text/display-names";
import { courseDocuments } from "@/lib/uploads/course-documents";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Course" };

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CoursePage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const viewer = await requirePageViewer(`/courses/${(await params).id}`);
  const prisma = getPrisma();
  const course = await foundOr404(getCourse(prisma, viewer, (await params).id));
  const [assignments, documents, zone, platform] = await Promise.all([
    courseAssignments(prisma, viewer, course.id),
    courseDocuments(prisma, viewer, course.id),
    viewerTimeZone("UTC"),
    course.canManage ? linkedPlatformName(prisma, course.id) : null,
  ]);
  const joined = (await searchParams).joined;
  const host = (await headers()).get("host") ?? "localhost:3000";
  const protocol = process.env.AUTH_URL?.startsWith("https") ? "https" : "http";
  // Names that could pass for someone else's (look-alike letters, mixed scripts) are flagged.
  const rosterWarnings = nameWarnings(
    (course.roster ?? []).map((member) => ({ id: member.user.id, name: member.user.name })),
  );
  return (
    <div className="course">
      <p className="eyebrow">
        {course.term} · you are{" "}
        {course.role === "instructor"
          ? "an instructor"
          : course.role === "student"
            ? "a student"
            : "an administrator"}
      </p>
      <h1>{course.title}</h1>
      {course.canManage && (
        <ExportMenu
          href={`/api/courses/${course.id}/annotations`}
          label="Export the course's notes"
          scope="Every note shared in this course, on every document, with its replies. Private notes stay private."
        />
      )}
      {joined && (
        <p role="status" className="form-notice">
          {joined === "already"
            ? "You are already a member of this course."
            : "Welcome: you have joined this course."}
        </p>
      )}

      <CourseAssignments
        courseId={course.id}
        canManage={course.canManage}
        assignments={assignments}
        zone={zone}
      />
      {course.canManage && <LtiCourseLink courseId={course.id} platform={platform} />}

      <CourseReadings courseId={course.id} canManage={course.canManage} documents={documents} />

      {course.canManage && course.joinCode && (
        <InviteStudents
          courseId={course.id}
          joinCode={course.joinCode}
          joinCodeExpiresAt={course.joinCodeExpiresAt}
          origin={`${protocol}://${host}`}
        />
      )}

      {course.roster && (
        <Roster courseId={course.id} roster={course.roster} warnings={rosterWarnings} />
      )}

      <ReadingGroups course={course} />
    </div>
  );
}
