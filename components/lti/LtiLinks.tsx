import Link from "next/link";
import { getPrisma } from "@/lib/db";

// Small server components that point a linked course's instructors to its learning-platform
// pages; they render nothing for a course that no platform launched.

async function platformOf(courseId: string) {
  const context = await getPrisma().ltiContext.findUnique({
    where: { courseId },
    select: { registration: { select: { name: true } } },
  });
  return context?.registration.name ?? null;
}

export async function LtiCourseLink({ courseId }: { courseId: string }) {
  const platform = await platformOf(courseId);
  if (!platform) return null;
  return (
    <p className="lti-link">
      Linked to {platform}: <Link href={`/courses/${courseId}/lti`}>roster from {platform}</Link>
    </p>
  );
}

export async function LtiAssignmentLink({
  courseId,
  assignmentId,
}: {
  courseId: string;
  assignmentId: string;
}) {
  const platform = await platformOf(courseId);
  if (!platform) return null;
  return (
    <p className="lti-link">
      <Link href={`/assignments/${assignmentId}/lti`} className="button-link secondary">
        Grades in {platform}
      </Link>
    </p>
  );
}
