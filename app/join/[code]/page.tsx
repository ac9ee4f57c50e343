import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { JoinCourseForm } from "@/components/courses/CourseForms";
import { getViewer } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Join a course" };
export const dynamic = "force-dynamic";

/** An invite link: sign in (or up) first, then confirm joining with the code filled in. */
export default async function JoinPage({ params }: { params: Promise<{ code: string }> }) {
  const code = decodeURIComponent((await params).code).slice(0, 20);
  if (!(await getViewer())) redirect(`/signin?callbackUrl=${encodeURIComponent(`/join/${code}`)}`);
  return (
    <section className="narrow">
      <h1>Join a course</h1>
      <p>You were invited to a course on Memcon. Confirm to join it.</p>
      <JoinCourseForm code={code} />
    </section>
  );
}
