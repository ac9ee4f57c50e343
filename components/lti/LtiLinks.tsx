import Link from "next/link";

// Small components that point a linked course's instructors to its learning-platform pages;
// they render nothing for a course that no platform launched (the page looks the platform up
// with lib/lti/linked-platform.ts).

export function LtiCourseLink({
  courseId,
  platform,
}: {
  courseId: string;
  platform: string | null;
}) {
  if (!platform) return null;
  return (
    <p className="lti-link">
      Linked to {platform}: <Link href={`/courses/${courseId}/lti`}>roster from {platform}</Link>
    </p>
  );
}

export function LtiAssignmentLink({
  assignmentId,
  platform,
}: {
  assignmentId: string;
  platform: string | null;
}) {
  if (!platform) return null;
  return (
    <p className="lti-link">
      <Link href={`/assignments/${assignmentId}/lti`} className="button-link secondary">
        Grades in {platform}
      </Link>
    </p>
  );
}
