import { regenerateCodeAction } from "@/app/actions/courses";
import { formatJoinCode } from "@/lib/courses/join-code";
import { ActionForm } from "./CourseForms";

/** The join code and invite link, and a form to replace the code (instructors). */
export function InviteStudents({
  courseId,
  joinCode,
  joinCodeExpiresAt,
  origin,
}: {
  courseId: string;
  joinCode: string;
  joinCodeExpiresAt: Date | null;
  /** The site's origin as the browser reached it, for the invite link. */
  origin: string;
}) {
  return (
    <section aria-labelledby="invite-heading" className="panel">
      <h2 id="invite-heading">Invite students</h2>
      <p>
        Join code: <strong className="join-code">{formatJoinCode(joinCode)}</strong>
        {joinCodeExpiresAt && (
          <span className="meta">
            {" "}
            (valid until {joinCodeExpiresAt.toISOString().slice(0, 10)})
          </span>
        )}
      </p>
      <p>
        Invite link: <code className="invite-link">{`${origin}/join/${joinCode}`}</code>
      </p>
      <ActionForm action={regenerateCodeAction}>
        <input type="hidden" name="courseId" value={courseId} />
        <label htmlFor="expiresInDays">New code valid for</label>
        <select id="expiresInDays" name="expiresInDays" defaultValue="0">
          <option value="0">no limit</option>
          <option value="7">7 days</option>
          <option value="30">30 days</option>
        </select>
        <button type="submit" className="secondary">
          Make a new code
        </button>
      </ActionForm>
    </section>
  );
}
