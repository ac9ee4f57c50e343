import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CreateCourseForm, JoinCourseForm } from "@/components/courses/CourseForms";
import { canCreateCourse } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/viewer";
import { listMyCourses } from "@/lib/courses/service";
import { getPrisma } from "@/lib/db";

export const metadata: Metadata = { title: "Your courses" };
export const dynamic = "force-dynamic";

export default async function CoursesPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?callbackUrl=/courses");
  const courses = await listMyCourses(getPrisma(), viewer);
  return (
    <div className="courses">
      <h1>Your courses</h1>
      {courses.length === 0 ? (
        <p>You are not in a course yet. Join one with the code your instructor gave you.</p>
      ) : (
        <ul className="course-list">
          {courses.map((course) => (
            <li key={course.id}>
              <Link href={`/courses/${course.id}`}>{course.title}</Link>{" "}
              <span className="meta">
                {course.term} · {course.role === "instructor" ? "instructor" : "student"} ·{" "}
                {course.memberCount} members
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="two-columns">
        <section aria-labelledby="join-heading">
          <h2 id="join-heading">Join a course</h2>
          <JoinCourseForm />
        </section>
        {canCreateCourse(viewer) && (
          <section aria-labelledby="create-heading">
            <h2 id="create-heading">Create a course</h2>
            <CreateCourseForm />
          </section>
        )}
      </div>
    </div>
  );
}
